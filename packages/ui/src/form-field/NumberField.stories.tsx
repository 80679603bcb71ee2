import type { Meta, StoryObj } from '@storybook/react-vite';
import { I18nProvider } from 'react-aria-components';
import { expect, fn } from 'storybook/test';
import { NumberField } from './NumberField.tsx';

const meta = {
  title: 'Forms/NumberField',
  component: NumberField,
  args: {
    label: 'Nombre de participants',
    description: 'Capacité de la salle : 40 personnes.',
    minValue: 0,
    maxValue: 40,
    onChange: fn(),
  },
  decorators: [
    (Story) => (
      <I18nProvider locale="fr-FR">
        <Story />
      </I18nProvider>
    ),
  ],
} satisfies Meta<typeof NumberField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TypeAndStep: Story = {
  args: { defaultValue: 12 },
  play: async ({ canvas, userEvent, args }) => {
    const input = canvas.getByRole('textbox', { name: 'Nombre de participants' });
    await expect(input).toHaveAccessibleDescription('Capacité de la salle : 40 personnes.');
    await userEvent.click(input);
    // Arrow keys step the value.
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await expect(input).toHaveValue('14');
    await userEvent.clear(input);
    await userEvent.keyboard('55');
    await userEvent.tab();
    // Clamped to the maximum on blur.
    await expect(input).toHaveValue('40');
    await expect(args.onChange).toHaveBeenLastCalledWith(40);
  },
};

export const EurosFormattedForFrance: Story = {
  args: {
    label: 'Montant du don',
    description: undefined,
    maxValue: undefined,
    defaultValue: 1250.5,
    formatOptions: { style: 'currency', currency: 'EUR' },
  },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox', { name: 'Montant du don' });
    // fr-FR: decimal comma, narrow no-break space before the euro sign.
    await expect((input as HTMLInputElement).value.replace(/\s/g, ' ')).toBe('1 250,50 €');
  },
};

export const Invalid: Story = {
  args: { isInvalid: true, errorMessage: 'Au moins un participant.', defaultValue: 0 },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox', { name: 'Nombre de participants' });
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(/Au moins un participant\./);
  },
};
