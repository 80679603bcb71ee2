import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { Badge } from '../badge/Badge.tsx';
import { Button } from '../button/Button.tsx';
import { Card } from './Card.tsx';

const meta = {
  title: 'Components/Card',
  component: Card,
  args: {
    title: 'Village Chinois',
    children: <p>Café de rencontre ce soir, 18 h 00 – 19 h 30.</p>,
  },
} satisfies Meta<typeof Card>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithTitle: Story = {
  play: async ({ canvas }) => {
    // A titled card is a region named by its heading (level 2 by default).
    const region = canvas.getByRole('region', { name: 'Village Chinois' });
    await expect(region).toBeVisible();
    await expect(canvas.getByRole('heading', { level: 2, name: 'Village Chinois' })).toBeVisible();
  },
};

const onBook = fn();

export const NestedHeadingWithAction: Story = {
  args: {
    headingLevel: 3,
    title: 'Salle polyvalente',
    headerEnd: <Badge tone="success">Ouvert</Badge>,
    children: (
      <Button variant="secondary" onPress={onBook}>
        Réserver
      </Button>
    ),
  },
  play: async ({ canvas, userEvent }) => {
    onBook.mockClear();
    await expect(
      canvas.getByRole('heading', { level: 3, name: 'Salle polyvalente' }),
    ).toBeVisible();
    await userEvent.tab();
    const button = canvas.getByRole('button', { name: 'Réserver' });
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(onBook).toHaveBeenCalledTimes(1);
  },
};

export const WithoutTitle: Story = {
  args: { title: undefined, children: <p>Contenu libre, sans titre.</p> },
  play: async ({ canvas }) => {
    // No title, no accessible name: it is not exposed as a landmark.
    await expect(canvas.queryByRole('region')).toBeNull();
    await expect(canvas.getByText('Contenu libre, sans titre.')).toBeVisible();
  },
};
