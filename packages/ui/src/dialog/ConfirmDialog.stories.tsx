import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, waitFor } from 'storybook/test';
import { Button } from '../button/Button.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

const meta = {
  title: 'Overlays/ConfirmDialog',
  component: ConfirmDialog,
  args: {
    trigger: <Button variant="danger">Annuler la réservation</Button>,
    title: 'Annuler la réservation ?',
    children: 'La salle polyvalente sera libérée pour le mardi 14 octobre, 18 h 00.',
    confirmLabel: 'Oui, annuler',
    cancelLabel: 'Non, garder',
    isDestructive: true,
    onConfirm: fn(),
  },
} satisfies Meta<typeof ConfirmDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const EscapeCancels: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const trigger = canvas.getByRole('button', { name: 'Annuler la réservation' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('alertdialog', { name: 'Annuler la réservation ?' });
    // The safe choice has focus first.
    await expect(screen.getByRole('button', { name: 'Non, garder' })).toHaveFocus();
    await expect(dialog).toHaveTextContent('La salle polyvalente sera libérée');
    // Focus stays inside.
    await userEvent.tab();
    await userEvent.tab();
    await expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expect(args.onConfirm).not.toHaveBeenCalled();
    await expect(trigger).toHaveFocus();
  },
};

export const ConfirmWithPointer: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const trigger = canvas.getByRole('button', { name: 'Annuler la réservation' });
    await userEvent.click(trigger);
    const confirm = await screen.findByRole('button', { name: 'Oui, annuler' });
    await expect(confirm).toHaveAttribute('data-variant', 'danger');
    await userEvent.click(confirm);
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

export const CancelButton: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Annuler la réservation' }));
    await screen.findByRole('alertdialog');
    // Enter on the focused Cancel button.
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;

export const AsyncConfirmStaysOpenWhilePending: Story = {
  args: {
    pendingLabel: 'Annulation en cours',
    onConfirm: fn(
      () =>
        new Promise<void>((resolve, reject) => {
          settle = { resolve, reject };
        }),
    ),
  },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Annuler la réservation' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Oui, annuler' }));
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);

    // Pending: announced, Escape and Cancel do nothing.
    const dialog = screen.getByRole('alertdialog');
    await expect(dialog).toHaveTextContent('Annulation en cours');
    await expect(screen.getByRole('button', { name: 'Non, garder' })).toBeDisabled();
    await userEvent.keyboard('{Escape}');
    await expect(screen.getByRole('alertdialog')).toBeVisible();

    // A failure keeps it open so the user can retry.
    settle?.reject(new Error('409'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Non, garder' })).toBeEnabled());
    await expect(screen.getByRole('alertdialog')).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Oui, annuler' }));
    settle?.resolve();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  },
};
