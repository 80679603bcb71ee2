import type { ReactNode } from 'react';
import {
  Button,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  type PopoverProps,
  Separator,
} from 'react-aria-components';

export interface MenuButtonItem {
  id: string;
  label: string;
  /** A link item: navigates (through RAC's RouterProvider when there is one). */
  href?: string;
  /** An action item (used when there is no `href`). */
  onAction?: () => void;
  /** Draws a separator before this item, to set apart e.g. "Se déconnecter". */
  separatorBefore?: boolean;
}

export interface MenuButtonProps {
  /**
   * What the button shows. Its text is the button's accessible name (e.g. the signed-in
   * user's name); decorations such as an avatar should be `aria-hidden`.
   */
  label: ReactNode;
  items: MenuButtonItem[];
  /** Where the menu opens relative to the button. Default "bottom end". */
  placement?: PopoverProps['placement'];
  /** Opens the menu as it mounts (e.g. when it was pressed before its code had loaded). */
  defaultOpen?: boolean;
}

/**
 * A button that opens a menu (RAC `MenuTrigger`): Enter, Space or the arrow keys open it,
 * arrows move between items, Escape closes it and focus returns to the button.
 */
export function MenuButton({
  label,
  items,
  placement = 'bottom end',
  defaultOpen,
}: MenuButtonProps) {
  return (
    <MenuTrigger defaultOpen={defaultOpen}>
      <Button className="lk-button lk-menu-button" data-variant="ghost" data-size="medium">
        <span className="lk-menu-button__label">{label}</span>
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
          <path d="M2 4l4 4 4-4" stroke="currentColor" strokeWidth="2" fill="none" />
        </svg>
      </Button>
      <Popover className="lk-popover lk-menu-popover" placement={placement}>
        <Menu className="lk-menu">
          {items.flatMap((item) => {
            const entry = (
              <MenuItem
                key={item.id}
                id={item.id}
                className="lk-menu__item"
                textValue={item.label}
                href={item.href}
                onAction={item.href ? undefined : item.onAction}
              >
                {item.label}
              </MenuItem>
            );
            return item.separatorBefore
              ? [<Separator key={`${item.id}-separator`} className="lk-menu__separator" />, entry]
              : [entry];
          })}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
