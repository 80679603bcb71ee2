import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { Button } from '../button/Button.tsx';
import { EmptyState } from './EmptyState.tsx';
import { ErrorState } from './ErrorState.tsx';
import { LoadingState } from './LoadingState.tsx';

const meta = {
  title: 'Feedback/States',
  component: ErrorState,
  args: {
    title: 'L’agenda n’a pas pu être chargé',
    detail: 'La connexion semble interrompue.',
    retryLabel: 'Réessayer',
    onRetry: fn(),
  },
} satisfies Meta<typeof ErrorState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ErrorWithRetry: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('L’agenda n’a pas pu être chargé');
    await expect(alert).toHaveTextContent('La connexion semble interrompue.');
    await userEvent.click(canvas.getByRole('button', { name: 'Réessayer' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Enter}');
    await expect(args.onRetry).toHaveBeenCalledTimes(2);
  },
};

export const ErrorWithoutRetry: Story = {
  args: { retryLabel: undefined, onRetry: undefined, detail: undefined },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('L’agenda n’a pas pu être chargé');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

const onCreate = fn();

export const Empty: Story = {
  render: () => (
    <EmptyState
      title="Aucun événement cette semaine"
      description="Les cafés de rencontre et ateliers apparaîtront ici."
      action={<Button onPress={onCreate}>Créer un événement</Button>}
    />
  ),
  play: async ({ canvas, userEvent }) => {
    onCreate.mockClear();
    await expect(canvas.getByText('Aucun événement cette semaine')).toBeVisible();
    await expect(
      canvas.getByText('Les cafés de rencontre et ateliers apparaîtront ici.'),
    ).toBeVisible();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Créer un événement' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(onCreate).toHaveBeenCalledTimes(1);
  },
};

export const Loading: Story = {
  render: () => <LoadingState label="Chargement de l’agenda" />,
  play: async ({ canvas, canvasElement }) => {
    const status = canvas.getByRole('status');
    // Screen readers hear the label; sighted users see the skeleton.
    await expect(status).toHaveTextContent('Chargement de l’agenda');
    await expect(
      canvas.getByText('Chargement de l’agenda').getBoundingClientRect().width,
    ).toBeLessThanOrEqual(1);
    const lines = canvasElement.querySelectorAll('.lk-skeleton__line');
    await expect(lines).toHaveLength(3);
    const animation = getComputedStyle(lines[0] as Element).animationName;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    // The shimmer stops when the user asks for less motion.
    await expect(animation).toBe(reduced ? 'none' : 'lk-shimmer');
  },
};
