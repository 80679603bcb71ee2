import type { CustomFieldEntity } from '@lakou/domain/config';
import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { FieldsPage } from '../../components/settings/FieldsPage.tsx';

/*
 * The search params run in the entry bundle (see lib/search-params.ts): zod's mini build and no
 * run-time import from the domain. `satisfies` fails the build if the domain's entities change.
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

const fieldsSearch = z.object({
  entity: z.catch(z.optional(z.enum(entities)), undefined),
  /** A centre's fields; absent: the whole network's (admins) or the first centre managed. */
  centre: z.catch(z.optional(z.uuid()), undefined),
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
