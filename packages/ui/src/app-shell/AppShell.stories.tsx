import type { Meta, StoryObj } from '@storybook/react-vite';
import { RouterProvider } from 'react-aria-components';
import { expect, fn } from 'storybook/test';
import { Button } from '../button/Button.tsx';
import { Navigation } from '../navigation/Navigation.tsx';
import { NavLink } from '../navigation/NavLink.tsx';
import { AppShell } from './AppShell.tsx';
import { focusMainContent } from './focus-main-content.ts';

const navigate = fn();

const meta = {
  title: 'Layout/AppShell',
  component: AppShell,
  parameters: { layout: 'fullscreen' },
  args: {
    brand: 'Lakou · SECCOIA-Guyane',
    skipLinkLabel: 'Aller au contenu',
    navigation: (
      <Navigation label="Menu principal">
        <NavLink href="/" isCurrent>
          Aujourd’hui
        </NavLink>
        <NavLink href="/agenda">Agenda</NavLink>
        <NavLink href="/reservations">Réservations</NavLink>
      </Navigation>
    ),
    actions: (
      <Button variant="ghost" size="small">
        Mon compte
      </Button>
    ),
    footer: 'Lakou — logiciel libre AGPL',
    children: (
      <>
        <h1>Aujourd’hui à Mont-Lucas</h1>
        <p>Trois réservations et un café de rencontre.</p>
      </>
    ),
  },
  decorators: [
    (Story) => (
      <RouterProvider navigate={navigate}>
        <Story />
      </RouterProvider>
    ),
  ],
} satisfies Meta<typeof AppShell>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Desktop: Story = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('banner')).toBeVisible();
    await expect(canvas.getByRole('navigation', { name: 'Menu principal' })).toBeVisible();
    await expect(canvas.getByRole('contentinfo')).toBeVisible();
    const main = canvas.getByRole('main');
    await expect(main).toHaveAttribute('id', 'main-content');

    // The skip link is the first stop of the Tab order and moves focus to the content.
    await userEvent.tab();
    const skip = canvas.getByRole('link', { name: 'Aller au contenu' });
    await expect(skip).toHaveFocus();
    await expect(skip).toBeVisible();
    await userEvent.keyboard('{Enter}');
    await expect(main).toHaveFocus();

    // After a route change the hub calls focusMainContent().
    await userEvent.click(canvas.getByRole('link', { name: 'Agenda' }));
    await expect(navigate).toHaveBeenLastCalledWith('/agenda', undefined);
    focusMainContent();
    await expect(main).toHaveFocus();
  },
};

export const PhoneWithMenuButton: Story = {
  args: { menuLabel: 'Menu' },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvas, userEvent }) => {
    const menu = canvas.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    // Collapsed: the links take no room above the content.
    await expect(canvas.queryByRole('navigation')).toBeNull();

    await userEvent.click(menu);
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const agenda = canvas.getByRole('link', { name: 'Agenda' });
    await expect(agenda).toBeVisible();

    // Escape from inside the menu closes it and gives focus back to the button.
    await userEvent.tab();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Aujourd’hui' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(menu).toHaveFocus();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    // Following a link closes the menu too.
    await userEvent.keyboard('{Enter}');
    await userEvent.click(canvas.getByRole('link', { name: 'Agenda' }));
    await expect(navigate).toHaveBeenLastCalledWith('/agenda', undefined);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  },
};

export const PhoneWithScrollingLinks: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvas }) => {
    // Without a menu label the links stay visible as one row that scrolls sideways,
    // and the page itself never scrolls horizontally.
    await expect(canvas.queryByRole('button', { name: 'Menu' })).toBeNull();
    await expect(canvas.getByRole('link', { name: 'Réservations' })).toBeInTheDocument();
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
