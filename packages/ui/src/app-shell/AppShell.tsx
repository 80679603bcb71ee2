import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { MenuIcon } from './MenuIcon.tsx';
import { MAIN_CONTENT_ID } from './main-content-id.ts';
import { SkipLink } from './SkipLink.tsx';

export interface AppShellProps {
  /** Logo and/or network name, shown at the start of the banner. */
  brand: ReactNode;
  /** Usually a `<Navigation>`. */
  navigation: ReactNode;
  /** Banner actions: user menu, centre switcher, language. */
  actions?: ReactNode;
  /** Text of the skip link, e.g. "Aller au contenu". */
  skipLinkLabel: string;
  /**
   * Text of the button that shows and hides the navigation on narrow screens, e.g. "Menu".
   * Without it, narrow screens show the links as one horizontally scrolling row.
   */
  menuLabel?: string;
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * The hub's page frame: skip link, banner, navigation, main content (`#main-content`,
 * focusable so the skip link and route changes can move focus there) and an optional footer.
 */
export function AppShell({
  brand,
  navigation,
  actions,
  skipLinkLabel,
  menuLabel,
  footer,
  children,
}: AppShellProps) {
  const navId = useId();
  const [isMenuOpen, setMenuOpen] = useState(false);
  const navRef = useRef<HTMLDivElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);

  // On a phone, following a link or pressing Escape closes the menu.
  useEffect(() => {
    const nav = navRef.current;
    if (!nav || !isMenuOpen) return;
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('a')) setMenuOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButtonRef.current?.focus();
    };
    nav.addEventListener('click', onClick);
    nav.addEventListener('keydown', onKeyDown);
    return () => {
      nav.removeEventListener('click', onClick);
      nav.removeEventListener('keydown', onKeyDown);
    };
  }, [isMenuOpen]);

  return (
    <div
      className="lk-shell"
      data-nav-mode={menuLabel ? 'menu' : 'strip'}
      data-menu-open={isMenuOpen ? 'true' : 'false'}
    >
      <SkipLink targetId={MAIN_CONTENT_ID}>{skipLinkLabel}</SkipLink>
      <header className="lk-shell__header">
        {menuLabel ? (
          <Button
            ref={menuButtonRef}
            className="lk-button lk-shell__menu-button"
            data-variant="ghost"
            data-size="medium"
            aria-expanded={isMenuOpen}
            aria-controls={navId}
            onPress={() => setMenuOpen((open) => !open)}
          >
            <MenuIcon />
            {menuLabel}
          </Button>
        ) : null}
        <div className="lk-shell__brand">{brand}</div>
        {actions ? <div className="lk-shell__actions">{actions}</div> : null}
      </header>
      <div className="lk-shell__nav" id={navId} ref={navRef}>
        {navigation}
      </div>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="lk-shell__main">
        {children}
      </main>
      {footer ? <footer className="lk-shell__footer">{footer}</footer> : null}
    </div>
  );
}
