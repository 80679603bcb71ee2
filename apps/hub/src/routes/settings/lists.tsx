import type { EditableList } from '@lakou/domain/config/lists';
import { createFileRoute } from '@tanstack/react-router';
import { ListsPage } from '../../components/lists/ListsPage.tsx';
import { oneOf, searchSchema } from '../../lib/search-schema.ts';

/*
 * The search params run in the entry bundle (see lib/search-params.ts): the small validators
 * of lib/search-schema.ts, not zod, and no run-time import from the domain. `satisfies` fails the build if the domain's lists change.
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

const listsSearch = searchSchema({
  list: oneOf(lists),
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
