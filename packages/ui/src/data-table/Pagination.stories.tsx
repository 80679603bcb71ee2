import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import { Pagination, type PaginationLabels } from './Pagination.tsx';

const labels: PaginationLabels = {
  navigation: 'Pagination',
  previous: 'Précédente',
  next: 'Suivante',
  page: (n) => `Page ${n}`,
  pageOf: (page, count) => `Page ${page} sur ${count}`,
};

function StatefulPagination({
  initialPage,
  pageCount,
  onPageChange,
}: {
  initialPage: number;
  pageCount: number;
  onPageChange: (page: number) => void;
}) {
  const [page, setPage] = useState(initialPage);
  return (
    <Pagination
      page={page}
      pageCount={pageCount}
      labels={labels}
      onPageChange={(next) => {
        setPage(next);
        onPageChange(next);
      }}
    />
  );
}

const meta = {
  title: 'Data/Pagination',
  component: StatefulPagination,
  args: { initialPage: 1, pageCount: 12, onPageChange: fn() },
} satisfies Meta<typeof StatefulPagination>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FirstPage: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const nav = canvas.getByRole('navigation', { name: 'Pagination' });
    await expect(nav).toBeVisible();
    const previous = canvas.getByRole('button', { name: 'Précédente' });
    await expect(previous).toBeDisabled();
    await expect(canvas.getByText('Page 1 sur 12')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Page 1' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await userEvent.click(canvas.getByRole('button', { name: 'Suivante' }));
    await expect(args.onPageChange).toHaveBeenLastCalledWith(2);
    await expect(canvas.getByText('Page 2 sur 12')).toBeVisible();
    await expect(previous).toBeEnabled();

    // Jump to the last page with the keyboard.
    canvas.getByRole('button', { name: 'Page 12' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onPageChange).toHaveBeenLastCalledWith(12);
    await expect(canvas.getByRole('button', { name: 'Suivante' })).toBeDisabled();
  },
};

export const MiddlePageWithGaps: Story = {
  args: { initialPage: 6 },
  play: async ({ canvas, userEvent, args }) => {
    const names = canvas
      .getAllByRole('button', { name: /^Page \d+$/ })
      .map((button) => button.getAttribute('aria-label'));
    await expect(names).toEqual(['Page 1', 'Page 5', 'Page 6', 'Page 7', 'Page 12']);
    await userEvent.click(canvas.getByRole('button', { name: 'Précédente' }));
    await expect(args.onPageChange).toHaveBeenLastCalledWith(5);
  },
};

export const SinglePage: Story = {
  args: { pageCount: 1 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Précédente' })).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Suivante' })).toBeDisabled();
    await expect(canvas.getByText('Page 1 sur 1')).toBeVisible();
  },
};
