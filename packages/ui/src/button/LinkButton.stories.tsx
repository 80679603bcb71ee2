import type { Meta, StoryObj } from '@storybook/react-vite';
import { RouterProvider } from 'react-aria-components';
import { expect, fn } from 'storybook/test';
import { LinkButton } from './LinkButton.tsx';

const navigate = fn();

const meta = {
  title: 'Components/LinkButton',
  component: LinkButton,
  args: { href: '/reservations/nouvelle', children: 'Nouvelle réservation', variant: 'primary' },
  decorators: [
    (Story) => (
      <RouterProvider navigate={navigate}>
        <Story />
      </RouterProvider>
    ),
  ],
} satisfies Meta<typeof LinkButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NavigatesClientSide: Story = {
  play: async ({ canvas, userEvent }) => {
    navigate.mockClear();
    const link = canvas.getByRole('link', { name: 'Nouvelle réservation' });
    await expect(link).toHaveAttribute('href', '/reservations/nouvelle');
    await userEvent.click(link);
    await expect(navigate).toHaveBeenCalledWith('/reservations/nouvelle', undefined);
    // Keyboard: Enter follows a link.
    await userEvent.tab({ shift: true });
    await userEvent.tab();
    await expect(link).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(navigate).toHaveBeenCalledTimes(2);
  },
};

export const Secondary: Story = {
  args: { variant: 'secondary', children: 'Voir l’agenda', href: '/agenda' },
  play: async ({ canvas }) => {
    const link = canvas.getByRole('link', { name: 'Voir l’agenda' });
    await expect(link).toHaveAttribute('data-variant', 'secondary');
  },
};
