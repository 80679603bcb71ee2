import type { EditableList } from '@lakou/domain/config/lists';
import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { ListsPage } from '../../components/lists/ListsPage.tsx';

/*
 * The search params run in the entry bundle (see lib/search-params.ts): zod's mini build and no
 * run-time import from the domain. `satisfies` fails the build if the domain's lists change.
 */
const listSet = {
  resource_kind: true,
  event_kind: true,
  material_stream: true,
  donation_category: true,
  audience: true,
  tariff: true,
} satisfies Record<EditableList, true>;
const lists = Object.keys(listSet) as [EditableList, ...EditableList[]];

const listsSearch = z.object({
  list: z.catch(z.optional(z.enum(lists)), undefined),
});

/** « Paramètres › Listes »: the editable lists (the layout checks who may come). */
export const Route = createFileRoute('/settings/lists')({
  validateSearch: listsSearch,
  component: SettingsLists,
});

function SettingsLists() {
  const search = Route.useSearch();
  return <ListsPage list={search.list ?? 'event_kind'} />;
}
