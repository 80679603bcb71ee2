import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { TextField } from './TextField.tsx';

const meta = {
  title: 'Forms/TextField',
  component: TextField,
  args: {
    label: 'Nom de l’organisateur',
    description: 'Tel qu’il apparaîtra sur l’agenda public.',
    onChange: fn(),
  },
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const LabelledAndDescribed: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const input = canvas.getByRole('textbox', { name: 'Nom de l’organisateur' });
    await expect(input).toHaveAccessibleDescription('Tel qu’il apparaîtra sur l’agenda public.');
    // Clicking the label focuses the input.
    await userEvent.click(canvas.getByText('Nom de l’organisateur'));
    await expect(input).toHaveFocus();
    await userEvent.keyboard('Association Kaz');
    await expect(input).toHaveValue('Association Kaz');
    await expect(args.onChange).toHaveBeenLastCalledWith('Association Kaz');
  },
};

export const InvalidWithMessage: Story = {
  args: {
    isRequired: true,
    isInvalid: true,
    errorMessage: 'Indiquez le nom de l’organisateur.',
  },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox', { name: /Nom de l’organisateur/ });
    await expect(input).toBeRequired();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    // Both the help text and the error are announced with the field.
    await expect(input).toHaveAccessibleDescription(
      /Tel qu’il apparaîtra.*Indiquez le nom de l’organisateur\./,
    );
  },
};

export const NativeValidationOnSubmit: Story = {
  args: {
    isRequired: true,
    description: undefined,
    errorMessage: 'Ce champ est obligatoire.',
  },
  render: (args) => (
    <form onSubmit={(event) => event.preventDefault()}>
      <TextField {...args} name="organiser" />
      <button type="submit" className="lk-button" data-variant="primary">
        Envoyer
      </button>
    </form>
  ),
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: /Nom de l’organisateur/ });
    await expect(canvas.queryByText('Ce champ est obligatoire.')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Envoyer' }));
    // The empty required field is flagged, focused and explained.
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveFocus();
    await expect(canvas.getByText('Ce champ est obligatoire.')).toBeVisible();
    // Once filled and submitted again, the error goes away.
    await userEvent.keyboard('Kaz');
    await userEvent.click(canvas.getByRole('button', { name: 'Envoyer' }));
    await expect(input).not.toHaveAttribute('aria-invalid');
    await expect(canvas.queryByText('Ce champ est obligatoire.')).toBeNull();
  },
};

export const Multiline: Story = {
  args: { label: 'Objet de la réservation', isMultiline: true, description: undefined },
  play: async ({ canvas, userEvent }) => {
    const textarea = canvas.getByRole('textbox', { name: 'Objet de la réservation' });
    await expect(textarea.tagName).toBe('TEXTAREA');
    await userEvent.type(textarea, 'Atelier CV{Enter}avec France Travail');
    await expect(textarea).toHaveValue('Atelier CV\navec France Travail');
  },
};
