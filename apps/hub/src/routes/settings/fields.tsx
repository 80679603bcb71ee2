import type { CustomFieldEntity } from '@lakou/domain/config';
import { createFileRoute } from '@tanstack/react-router';
import { FieldsPage } from '../../components/settings/FieldsPage.tsx';
import { oneOf, searchSchema, uuid } from '../../lib/search-schema.ts';

/*
 * The search params run in the entry bundle (see lib/search-params.ts): the small validators
 * of lib/search-schema.ts, not zod, and no run-time import from the domain. `satisfies` fails the build if the domain's entities change.
 */
const entitySet = {
  booking: true,
  event: true,
  registration: true,
  donation: true,
  in_kind_donation: true,
  circle_intake: true,
  inflow: true,
} satisfies Record<CustomFieldEntity, true>;
const entities = Object.keys(entitySet) as [CustomFieldEntity, ...CustomFieldEntity[]];

const fieldsSearch = searchSchema({
  entity: oneOf(entities),
  /** A centre's fields; absent: the whole network's (admins) or the first centre managed. */
  centre: uuid,
});

/** « Paramètres › Champs personnalisés »: the field builder. */
export const Route = createFileRoute('/settings/fields')({
  validateSearch: fieldsSearch,
  component: SettingsFields,
});

function SettingsFields() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <FieldsPage
      entity={search.entity ?? 'event'}
      centreId={search.centre}
      onChange={(next) =>
        void navigate({
          search: (prev) => ({ ...prev, ...next }),
          replace: true,
        })
      }
    />
  );
}
