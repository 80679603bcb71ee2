import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, waitFor, within } from 'storybook/test';
import { Button } from '../button/Button.tsx';
import { ToastRegion } from './ToastRegion.tsx';
import { AUTO_DISMISS_MS, toast, toastQueue } from './toast-queue.ts';

function ToastDemo({ closeLabel, label }: { closeLabel: string; label: string }) {
  return (
    <>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <Button
          onPress={() => toast.success('Réservation enregistrée', 'Salle polyvalente, 18 h 00.')}
        >
          Enregistrer
        </Button>
        <Button
          variant="danger"
          onPress={() => toast.error('Créneau déjà pris', 'Choisissez un autre horaire.')}
        >
          Provoquer une erreur
        </Button>
        <Button
          variant="secondary"
          onPress={() => toast.info('Export prêt', undefined, { timeout: 300 })}
        >
          Info brève
        </Button>
      </div>
      <ToastRegion closeLabel={closeLabel} label={label} />
    </>
  );
}

const meta = {
  title: 'Feedback/Toast',
  component: ToastDemo,
  args: { closeLabel: 'Fermer la notification', label: 'Notifications' },
  beforeEach: () => {
    toast.clear();
    return () => toast.clear();
  },
} satisfies Meta<typeof ToastDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SuccessIsAnnouncedAndCanBeClosed: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Enregistrer' }));
    const region = await screen.findByRole('region', { name: 'Notifications' });
    const item = within(region).getByRole('alertdialog', { name: 'Réservation enregistrée' });
    // The content is a live alert, so screen readers read it without moving focus.
    await expect(within(item).getByRole('alert')).toHaveTextContent(
      'Réservation enregistréeSalle polyvalente, 18 h 00.',
    );
    await expect(item).toHaveAttribute('data-tone', 'success');
    // Success closes by itself after a few seconds.
    await expect(toastQueue.visibleToasts[0]?.timeout).toBe(AUTO_DISMISS_MS);

    await userEvent.click(within(item).getByRole('button', { name: 'Fermer la notification' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
  },
};

export const ErrorsStayUntilClosedWithKeyboard: Story = {
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole('button', { name: 'Provoquer une erreur' });
    await userEvent.click(trigger);
    const item = await screen.findByRole('alertdialog', { name: 'Créneau déjà pris' });
    await expect(item).toHaveAttribute('data-tone', 'danger');
    await expect(toastQueue.visibleToasts[0]?.timeout).toBeUndefined();

    // F6 jumps to the notifications landmark; Tab reaches the toast, then its close button.
    await userEvent.keyboard('{F6}');
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Notifications' })).toHaveFocus(),
    );
    await userEvent.tab();
    await expect(item).toHaveFocus();
    await userEvent.tab();
    await expect(
      within(item).getByRole('button', { name: 'Fermer la notification' }),
    ).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    // Focus goes back where the user was.
    await expect(trigger).toHaveFocus();
  },
};

export const InfoDismissesItself: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Info brève' }));
    await screen.findByRole('alertdialog', { name: 'Export prêt' });
    // Move the pointer away: hovering the region pauses the timers.
    await userEvent.unhover(screen.getByRole('region', { name: 'Notifications' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull(), { timeout: 3000 });
  },
};

export const SeveralAtOnce: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Enregistrer' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Provoquer une erreur' }));
    await waitFor(() => expect(screen.getAllByRole('alertdialog')).toHaveLength(2));
  },
};
