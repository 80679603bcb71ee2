import { type ComponentType, type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/** What a placeholder's button spreads: any sign of intent starts loading the real control. */
export interface IntentProps {
  onPointerEnter: () => void;
  onFocus: () => void;
  onPointerDown: () => void;
  onClick: () => void;
  onKeyDown: (event: { key: string; preventDefault: () => void }) => void;
}

const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'ArrowUp']);

/**
 * A banner control (language select, account menu) whose React Aria code — menus, list boxes,
 * popovers, focus scopes — is not part of the hub's first load: a placeholder that looks the
 * same stands in until the pointer comes near, the button gets focus or is pressed, then the
 * real control replaces it (keeping focus, and opening if it was pressed meanwhile).
 */
export function lazyControl<P extends object>(
  load: () => Promise<ComponentType<P & { defaultOpen?: boolean }>>,
) {
  let loaded: ComponentType<P & { defaultOpen?: boolean }> | null = null;
  let pending: Promise<ComponentType<P & { defaultOpen?: boolean }>> | null = null;
  const start = () => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // Try again on the next sign of intent (e.g. the network came back).
        pending = null;
        throw error;
      },
    );
    return pending;
  };

  return function LazyControl({
    placeholder,
    ...props
  }: P & { placeholder: (intent: IntentProps) => ReactNode }) {
    const [Control, setControl] = useState(() => loaded);
    const [openOnLoad, setOpenOnLoad] = useState(false);
    const wrapper = useRef<HTMLDivElement>(null);
    const refocus = useRef(false);

    useLayoutEffect(() => {
      // Opening, the control moves focus into its popover itself.
      if (Control && refocus.current && !openOnLoad) {
        refocus.current = false;
        wrapper.current?.querySelector('button')?.focus();
      }
    }, [Control, openOnLoad]);

    if (Control) {
      return (
        <div ref={wrapper} style={{ display: 'contents' }}>
          <Control {...(props as P)} defaultOpen={openOnLoad} />
        </div>
      );
    }

    const begin = () => {
      start().then(
        (component) => {
          refocus.current = !!wrapper.current?.contains(document.activeElement);
          setControl(() => component);
        },
        () => undefined,
      );
    };
    const open = () => {
      setOpenOnLoad(true);
      begin();
    };
    return (
      <div ref={wrapper} style={{ display: 'contents' }}>
        {placeholder({
          onPointerEnter: begin,
          onFocus: begin,
          // A press starts here: if the control arrives before the click, the click lands on a
          // button it never pressed, so the press itself asks for the control to open.
          onPointerDown: open,
          onClick: open,
          onKeyDown: (event) => {
            if (OPENING_KEYS.has(event.key)) {
              event.preventDefault();
              open();
            }
          },
        })}
      </div>
    );
  };
}
