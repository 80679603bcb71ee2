import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { SearchField } from './SearchField.tsx';

const meta = {
  title: 'Forms/SearchField',
  component: SearchField,
  args: {
    label: 'Rechercher un partenaire',
    clearLabel: 'Effacer la recherche',
    placeholder: 'CAF, Mission Locale…',
    onSubmit: fn(),
    onClear: fn(),
  },
} satisfies Meta<typeof SearchField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TypeSubmitAndClear: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const input = canvas.getByRole('searchbox', { name: 'Rechercher un partenaire' });
    await userEvent.click(input);
    await userEvent.keyboard('Mission Locale{Enter}');
    await expect(args.onSubmit).toHaveBeenCalledWith('Mission Locale');

    await userEvent.click(canvas.getByRole('button', { name: 'Effacer la recherche' }));
    await expect(input).toHaveValue('');
    await expect(args.onClear).toHaveBeenCalledTimes(1);
    await expect(input).toHaveFocus();

    // Escape empties it too.
    await userEvent.keyboard('CAF');
    await userEvent.keyboard('{Escape}');
    await expect(input).toHaveValue('');
  },
};

export const WithDescription: Story = {
  args: { description: 'Par nom ou par commune.' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('searchbox')).toHaveAccessibleDescription(
      'Par nom ou par commune.',
    );
  },
};
