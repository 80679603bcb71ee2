import type { Meta, StoryObj } from '@storybook/react-vite';
import { RouterProvider } from 'react-aria-components';
import { expect, fn, screen, waitFor } from 'storybook/test';
import { MenuButton } from './MenuButton.tsx';

const navigate = fn();
const signOut = fn();

const meta = {
  title: 'Overlays/MenuButton',
  component: MenuButton,
  args: {
    label: 'Maëlle Fortuné',
    items: [
      { id: 'account', label: 'Mon compte', href: '/account' },
      { id: 'tokens', label: 'Jetons d’API', href: '/account/tokens' },
      { id: 'sign-out', label: 'Se déconnecter', onAction: signOut, separatorBefore: true },
    ],
  },
  decorators: [
    (Story) => (
      <RouterProvider navigate={navigate}>
        <Story />
      </RouterProvider>
    ),
  ],
} satisfies Meta<typeof MenuButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OpenWithPointerAndFollowALink: Story = {
  play: async ({ canvas, userEvent }) => {
    navigate.mockClear();
    const button = canvas.getByRole('button', { name: 'Maëlle Fortuné' });
    await expect(button).toHaveAttribute('aria-haspopup', 'true');
    await userEvent.click(button);
    const menu = await screen.findByRole('menu');
    await expect(screen.getAllByRole('menuitem')).toHaveLength(3);
    await expect(menu).toBeVisible();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Jetons d’API' }));
    await expect(navigate).toHaveBeenLastCalledWith('/account/tokens', undefined);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  },
};

export const KeyboardActionAndEscape: Story = {
  play: async ({ canvas, userEvent }) => {
    signOut.mockClear();
    await userEvent.tab();
    const button = canvas.getByRole('button', { name: 'Maëlle Fortuné' });
    await expect(button).toHaveFocus();
    // Escape closes without acting; focus goes back to the button.
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('menu');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await expect(button).toHaveFocus();
    // Arrow up opens on the last item: the action runs on Enter.
    await userEvent.keyboard('{ArrowUp}');
    await screen.findByRole('menu');
    await expect(screen.getByRole('menuitem', { name: 'Se déconnecter' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(signOut).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  },
};
