import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, waitFor } from 'storybook/test';
import { SelectField } from './SelectField.tsx';

const centres = [
  { id: 'village-chinois', label: 'Cayenne — Village Chinois' },
  { id: 'mont-lucas', label: 'Cayenne — Mont-Lucas' },
  { id: 'macouria', label: 'Macouria' },
  { id: 'kourou', label: 'Kourou' },
  { id: 'saint-laurent', label: 'Saint-Laurent-du-Maroni' },
];

const meta = {
  title: 'Forms/SelectField',
  component: SelectField,
  args: {
    label: 'Tiers-lieu',
    placeholder: 'Choisir un tiers-lieu',
    options: centres,
    onChange: fn(),
  },
} satisfies Meta<typeof SelectField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const PickWithPointer: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const trigger = canvas.getByRole('button', { name: /Tiers-lieu/ });
    await expect(trigger).toHaveTextContent('Choisir un tiers-lieu');
    await userEvent.click(trigger);
    const listbox = await screen.findByRole('listbox');
    await expect(listbox).toBeVisible();
    await userEvent.click(screen.getByRole('option', { name: 'Kourou' }));
    await expect(args.onChange).toHaveBeenCalledWith('kourou');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    await expect(trigger).toHaveTextContent('Kourou');
    await expect(trigger).toHaveFocus();
  },
};

export const PickWithKeyboard: Story = {
  args: { description: 'Le lieu où se tient l’activité.' },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.tab();
    const trigger = canvas.getByRole('button', { name: /Tiers-lieu/ });
    await expect(trigger).toHaveFocus();
    await expect(trigger).toHaveAccessibleDescription('Le lieu où se tient l’activité.');
    await userEvent.keyboard('{ArrowDown}');
    await screen.findByRole('listbox');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await expect(args.onChange).toHaveBeenLastCalledWith('macouria');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    // Escape closes without changing the value.
    await userEvent.keyboard('{ArrowDown}');
    await screen.findByRole('listbox');
    await userEvent.keyboard('{ArrowDown}{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    await expect(trigger).toHaveTextContent('Macouria');
  },
};

export const RequiredAndInvalid: Story = {
  args: { isRequired: true, isInvalid: true, errorMessage: 'Choisissez un tiers-lieu.' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Choisissez un tiers-lieu.')).toBeVisible();
    const trigger = canvas.getByRole('button', { name: /Tiers-lieu/ });
    await expect(trigger).toHaveAccessibleDescription(/Choisissez un tiers-lieu\./);
  },
};
