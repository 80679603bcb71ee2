import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { Button } from '../button/Button.tsx';
import { VisuallyHidden } from './VisuallyHidden.tsx';

function IconButtonDemo({ label, onPress }: { label: string; onPress: () => void }) {
  return (
    <Button variant="secondary" isIconOnly onPress={onPress}>
      <span aria-hidden="true">✕</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Button>
  );
}

const meta = {
  title: 'Components/VisuallyHidden',
  component: IconButtonDemo,
  args: { label: 'Supprimer la réservation', onPress: fn() },
} satisfies Meta<typeof IconButtonDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NamesAnIconButton: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const button = canvas.getByRole('button', { name: 'Supprimer la réservation' });
    const hidden = canvas.getByText('Supprimer la réservation');
    // Present for assistive technology, but takes no room on screen.
    await expect(hidden.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    await userEvent.click(button);
    await expect(args.onPress).toHaveBeenCalledTimes(1);
  },
};
