import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { Checkbox } from './Checkbox.tsx';

const meta = {
  title: 'Forms/Checkbox',
  component: Checkbox,
  args: {
    label: 'Accès de plain-pied',
    description: 'Sans marche ni seuil, pour les fauteuils roulants.',
    onChange: fn(),
  },
} satisfies Meta<typeof Checkbox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ToggleWithPointerAndKeyboard: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const checkbox = canvas.getByRole('checkbox', { name: 'Accès de plain-pied' });
    await expect(checkbox).toHaveAccessibleDescription(
      'Sans marche ni seuil, pour les fauteuils roulants.',
    );
    await userEvent.click(canvas.getByText('Accès de plain-pied'));
    await expect(checkbox).toBeChecked();
    await expect(args.onChange).toHaveBeenLastCalledWith(true);
    await expect(checkbox).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(checkbox).not.toBeChecked();
    await expect(args.onChange).toHaveBeenLastCalledWith(false);
  },
};

export const RequiredConsent: Story = {
  args: {
    label: 'La personne a donné son accord',
    description: undefined,
    isRequired: true,
    isInvalid: true,
    errorMessage: 'Le consentement est nécessaire pour continuer.',
  },
  play: async ({ canvas, userEvent }) => {
    const checkbox = canvas.getByRole('checkbox', { name: 'La personne a donné son accord' });
    await expect(checkbox).toBeRequired();
    await expect(checkbox).toHaveAttribute('aria-invalid', 'true');
    await expect(checkbox).toHaveAccessibleDescription(
      'Le consentement est nécessaire pour continuer.',
    );
    await userEvent.tab();
    await expect(checkbox).toHaveFocus();
  },
};
