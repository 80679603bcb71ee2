import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Badge } from './Badge.tsx';

const meta = {
  title: 'Components/Badge',
  component: Badge,
  args: { tone: 'neutral', children: 'QPV' },
} satisfies Meta<typeof Badge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Neutral: Story = {
  play: async ({ canvas }) => {
    const badge = canvas.getByText('QPV');
    await expect(badge).toHaveAttribute('data-tone', 'neutral');
  },
};

export const AllTones: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
      <Badge tone="neutral">QPV</Badge>
      <Badge tone="success">Ouvert</Badge>
      <Badge tone="warning">En attente</Badge>
      <Badge tone="danger">Fermé</Badge>
      <Badge tone="info">Nouveau</Badge>
    </div>
  ),
  play: async ({ canvas }) => {
    // The meaning is in the text, never in the colour alone.
    for (const text of ['QPV', 'Ouvert', 'En attente', 'Fermé', 'Nouveau']) {
      await expect(canvas.getByText(text)).toBeVisible();
    }
    await expect(canvas.getByText('Fermé')).toHaveAttribute('data-tone', 'danger');
  },
};
