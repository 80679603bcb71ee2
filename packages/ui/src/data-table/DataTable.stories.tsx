import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { Badge } from '../badge/Badge.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { DataTable, type DataTableColumn, type SortDescriptor } from './DataTable.tsx';

interface Centre {
  id: string;
  name: string;
  commune: string;
  qpv: string | null;
  isOpen: boolean;
  bookingsToday: number;
}

const centres: Centre[] = [
  {
    id: 'vc',
    name: 'Village Chinois',
    commune: 'Cayenne',
    qpv: 'Village Chinois',
    isOpen: true,
    bookingsToday: 6,
  },
  {
    id: 'ml',
    name: 'Mont-Lucas',
    commune: 'Cayenne',
    qpv: 'Mont-Lucas',
    isOpen: true,
    bookingsToday: 3,
  },
  { id: 'ma', name: 'Soula', commune: 'Macouria', qpv: null, isOpen: false, bookingsToday: 0 },
  {
    id: 'ko',
    name: 'Village Saramaca',
    commune: 'Kourou',
    qpv: 'Saramaca',
    isOpen: true,
    bookingsToday: 4,
  },
  {
    id: 'sl',
    name: 'Les Écoles',
    commune: 'Saint-Laurent-du-Maroni',
    qpv: 'Charbonnière',
    isOpen: true,
    bookingsToday: 2,
  },
];

const columns: DataTableColumn<Centre>[] = [
  { id: 'name', header: 'Tiers-lieu', cell: (c) => c.name, isRowHeader: true, allowsSorting: true },
  { id: 'commune', header: 'Commune', cell: (c) => c.commune, allowsSorting: true },
  {
    id: 'qpv',
    header: 'Quartier prioritaire',
    cell: (c) => (c.qpv ? <Badge>QPV {c.qpv}</Badge> : '—'),
  },
  {
    id: 'status',
    header: 'État',
    cell: (c) => (
      <Badge tone={c.isOpen ? 'success' : 'danger'}>{c.isOpen ? 'Ouvert' : 'Fermé'}</Badge>
    ),
  },
  {
    id: 'bookings',
    header: 'Réservations du jour',
    cell: (c) => c.bookingsToday,
    allowsSorting: true,
  },
];

function sortCentres(rows: Centre[], sort: SortDescriptor): Centre[] {
  const key = sort.column as 'name' | 'commune' | 'bookings';
  const value = (c: Centre) => (key === 'bookings' ? c.bookingsToday : c[key]);
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return typeof x === 'number' && typeof y === 'number'
      ? x - y
      : String(x).localeCompare(String(y), 'fr');
  });
  return sort.direction === 'descending' ? sorted.reverse() : sorted;
}

function SortableCentres({ onSortChange }: { onSortChange: (sort: SortDescriptor) => void }) {
  const [sort, setSort] = useState<SortDescriptor>({ column: 'name', direction: 'ascending' });
  return (
    <DataTable
      label="Tiers-lieux du réseau"
      columns={columns}
      rows={sortCentres(centres, sort)}
      getRowId={(c) => c.id}
      sortDescriptor={sort}
      onSortChange={(next) => {
        setSort(next);
        onSortChange(next);
      }}
    />
  );
}

const meta = {
  title: 'Data/DataTable',
  component: SortableCentres,
  args: { onSortChange: fn() },
} satisfies Meta<typeof SortableCentres>;

export default meta;
type Story = StoryObj<typeof meta>;

const firstRowHeader = (table: HTMLElement) =>
  within(within(table).getAllByRole('row')[1] as HTMLElement).getByRole('rowheader');

export const SortWithPointerAndKeyboard: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const table = canvas.getByRole('grid', { name: 'Tiers-lieux du réseau' });
    await expect(within(table).getAllByRole('row')).toHaveLength(centres.length + 1);
    await expect(firstRowHeader(table)).toHaveTextContent('Les Écoles');

    const commune = within(table).getByRole('columnheader', { name: /Commune/ });
    await userEvent.click(commune);
    await expect(args.onSortChange).toHaveBeenLastCalledWith({
      column: 'commune',
      direction: 'ascending',
    });
    await expect(commune).toHaveAttribute('aria-sort', 'ascending');
    // The sort is part of the table's description, and each change is announced
    // (React Aria's assertive live region).
    await expect(table).toHaveAccessibleDescription(/Commune/);
    await waitFor(() =>
      expect(document.querySelector('[role="log"][aria-live="assertive"]')).toHaveTextContent(
        /Commune/,
      ),
    );

    // Keyboard: Enter on the focused header sorts the other way.
    await userEvent.keyboard('{Enter}');
    await expect(commune).toHaveAttribute('aria-sort', 'descending');
    await expect(firstRowHeader(table)).toHaveTextContent('Les Écoles');

    // Arrow keys move between cells.
    await userEvent.keyboard('{ArrowRight}');
    await expect(
      within(table).getByRole('columnheader', { name: 'Quartier prioritaire' }),
    ).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(document.activeElement).toHaveTextContent('QPV Charbonnière');
  },
};

export const Empty: Story = {
  render: () => (
    <DataTable
      label="Réservations"
      columns={columns}
      rows={[]}
      getRowId={(c) => c.id}
      emptyState={<EmptyState title="Aucune réservation aujourd’hui" />}
    />
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Aucune réservation aujourd’hui')).toBeVisible();
    await expect(canvas.getAllByRole('row')).toHaveLength(2);
  },
};

export const Loading: Story = {
  render: () => (
    <DataTable
      label="Réservations"
      columns={columns}
      rows={[]}
      getRowId={(c) => c.id}
      isLoading
      loadingLabel="Chargement des réservations"
      emptyState={<EmptyState title="Aucune réservation aujourd’hui" />}
    />
  ),
  play: async ({ canvas }) => {
    // Shown in the table and announced through a status region; no "empty" message meanwhile.
    await expect(canvas.getByRole('status')).toHaveTextContent('Chargement des réservations');
    await expect(canvas.queryByText('Aucune réservation aujourd’hui')).toBeNull();
    await expect(canvas.getByRole('grid').parentElement).toHaveAttribute('aria-busy', 'true');
  },
};

export const RefreshingKeepsRows: Story = {
  render: () => (
    <DataTable
      label="Tiers-lieux du réseau"
      columns={columns}
      rows={centres}
      getRowId={(c) => c.id}
      isLoading
      loadingLabel="Mise à jour de la liste"
    />
  ),
  play: async ({ canvas, userEvent }) => {
    // While refetching, the rows stay usable and the update is announced.
    await expect(canvas.getByRole('status')).toHaveTextContent('Mise à jour de la liste');
    await expect(canvas.getAllByRole('row')).toHaveLength(centres.length + 1);
    await userEvent.click(canvas.getByRole('rowheader', { name: 'Soula' }));
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('rowheader', { name: 'Village Saramaca' })).toHaveFocus();
  },
};

export const ScrollsInsideOnAPhone: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const scroller = canvasElement.querySelector('.lk-table-scroll') as HTMLElement;
    // The table is wider than the phone: it scrolls inside its box, not the page.
    await expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    // Moving focus to a far cell scrolls it into view.
    await userEvent.click(canvas.getByRole('rowheader', { name: 'Village Chinois' }));
    await userEvent.keyboard('{End}');
    // The browser scrolls the focused cell into view on its own schedule (on a busy machine,
    // after the key press resolves): wait for it rather than read it at once.
    await waitFor(() => expect(scroller.scrollLeft).toBeGreaterThan(0));
  },
};
