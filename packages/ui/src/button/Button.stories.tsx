import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { Button } from './Button.tsx';

const meta = {
  title: 'Components/Button',
  component: Button,
  args: { children: 'Enregistrer', onPress: fn(), variant: 'primary', size: 'medium' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['primary', 'secondary', 'danger', 'ghost'] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
  },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const button = canvas.getByRole('button', { name: 'Enregistrer' });
    await userEvent.click(button);
    await expect(args.onPress).toHaveBeenCalledTimes(1);
    // Keyboard: Tab to it, then Enter and Space both press it.
    await userEvent.tab({ shift: true });
    await userEvent.tab();
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    await expect(args.onPress).toHaveBeenCalledTimes(3);
  },
};

export const Variants: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center' }}>
      <Button {...args} variant="primary">
        Valider
      </Button>
      <Button {...args} variant="secondary">
        Annuler
      </Button>
      <Button {...args} variant="danger">
        Supprimer
      </Button>
      <Button {...args} variant="ghost">
        Plus d’options
      </Button>
      <Button {...args} variant="primary" size="small">
        Petit
      </Button>
      <Button {...args} variant="primary" size="large">
        Grand
      </Button>
    </div>
  ),
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('button', { name: 'Supprimer' })).toHaveAttribute(
      'data-variant',
      'danger',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Plus d’options' }));
    await expect(args.onPress).toHaveBeenCalledTimes(1);
  },
};

export const Pending: Story = {
  args: { isPending: true, pendingLabel: 'Enregistrement en cours' },
  play: async ({ canvas, userEvent, args }) => {
    const button = canvas.getByRole('button', { name: /Enregistrer/ });
    // The pending label is part of what screen readers hear.
    await expect(button).toHaveTextContent('Enregistrement en cours');
    await userEvent.click(button);
    await userEvent.tab({ shift: true });
    await userEvent.tab();
    // Still focusable (focus is not lost), but presses are ignored.
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onPress).not.toHaveBeenCalled();
  },
};

export const Disabled: Story = {
  args: { isDisabled: true },
  parameters: {
    // Disabled controls are exempt from contrast requirements (WCAG 1.4.3).
    a11y: { config: { rules: [{ id: 'color-contrast', enabled: false }] } },
  },
  play: async ({ canvas, userEvent, args }) => {
    const button = canvas.getByRole('button', { name: 'Enregistrer' });
    await expect(button).toBeDisabled();
    await userEvent.click(button);
    await expect(args.onPress).not.toHaveBeenCalled();
  },
};
