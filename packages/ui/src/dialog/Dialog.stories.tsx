import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, waitFor } from 'storybook/test';
import { Button } from '../button/Button.tsx';
import { TextField } from '../form-field/TextField.tsx';
import { Dialog } from './Dialog.tsx';

const meta = {
  title: 'Overlays/Dialog',
  component: Dialog,
  args: {
    title: 'Nouvelle réservation',
    closeLabel: 'Fermer',
    trigger: <Button>Réserver une salle</Button>,
    children: <TextField label="Objet" />,
  },
} satisfies Meta<typeof Dialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OpenTrapAndEscape: Story = {
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole('button', { name: 'Réserver une salle' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle réservation' });
    await expect(dialog).toBeVisible();

    // Focus is trapped: Tab cycles between the close button and the field.
    await userEvent.tab();
    const close = screen.getByRole('button', { name: 'Fermer' });
    const field = screen.getByRole('textbox', { name: 'Objet' });
    await expect([close, field]).toContain(document.activeElement);
    await userEvent.tab();
    await userEvent.tab();
    await expect(dialog).toContainElement(document.activeElement as HTMLElement);

    // Escape closes it and focus returns to the trigger.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};

export const CloseButtonAndFooter: Story = {
  args: {
    footer: (close: () => void) => (
      <>
        <Button variant="secondary" onPress={close}>
          Annuler
        </Button>
        <Button onPress={close}>Enregistrer</Button>
      </>
    ),
  },
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole('button', { name: 'Réserver une salle' });
    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    await userEvent.click(await screen.findByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  },
};

function OpenedFromCode({ onOpenChange }: { onOpenChange: (isOpen: boolean) => void }) {
  const [isOpen, setOpen] = useState(false);
  const change = (open: boolean) => {
    setOpen(open);
    onOpenChange(open);
  };
  return (
    <>
      <Button variant="secondary" onPress={() => change(true)}>
        Voir le détail
      </Button>
      <Dialog title="Détail du don" closeLabel="Fermer" isOpen={isOpen} onOpenChange={change}>
        <p>Don en nature : 12 ordinateurs reconditionnés.</p>
      </Dialog>
    </>
  );
}

export const Controlled: Story = {
  render: (args) => <OpenedFromCode onOpenChange={args.onOpenChange ?? fn()} />,
  args: { onOpenChange: fn() },
  play: async ({ canvas, userEvent, args }) => {
    const opener = canvas.getByRole('button', { name: 'Voir le détail' });
    await userEvent.click(opener);
    await screen.findByRole('dialog', { name: 'Détail du don' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(false);
    await expect(opener).toHaveFocus();
  },
};
