import type { Meta, StoryObj } from '@storybook/react-vite';
import { RouterProvider } from 'react-aria-components';
import { expect, fn } from 'storybook/test';
import { Navigation } from './Navigation.tsx';
import { NavLink } from './NavLink.tsx';

const navigate = fn();

const meta = {
  title: 'Components/Navigation',
  component: Navigation,
  args: {
    label: 'Menu principal',
    children: (
      <>
        <NavLink href="/">Aujourd’hui</NavLink>
        <NavLink href="/agenda" isCurrent>
          Agenda
        </NavLink>
        <NavLink href="/reservations">Réservations</NavLink>
        <NavLink href="/fonds">Fonds de dotation</NavLink>
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
} satisfies Meta<typeof Navigation>;

export default meta;
type Story = StoryObj<typeof meta>;

export const MarksTheCurrentPage: Story = {
  play: async ({ canvas }) => {
    const nav = canvas.getByRole('navigation', { name: 'Menu principal' });
    await expect(nav.querySelectorAll('li')).toHaveLength(4);
    await expect(canvas.getByRole('link', { name: 'Agenda' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(canvas.getByRole('link', { name: 'Réservations' })).not.toHaveAttribute(
      'aria-current',
    );
  },
};

export const RoutesThroughRouterProvider: Story = {
  play: async ({ canvas, userEvent }) => {
    navigate.mockClear();
    await userEvent.click(canvas.getByRole('link', { name: 'Réservations' }));
    await expect(navigate).toHaveBeenLastCalledWith('/reservations', undefined);
    // Tab order follows the list; Enter follows the focused link.
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Fonds de dotation' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(navigate).toHaveBeenLastCalledWith('/fonds', undefined);
  },
};
