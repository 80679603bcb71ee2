import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../../api/api-error.ts';
import { centreQuery } from '../../api/queries.ts';
import { requirePermission } from '../../auth/guard.ts';
import { EventsPage } from '../../components/events/EventsPage.tsx';
import { type EventsSearch, eventsSearch } from '../../lib/events-search.ts';

const CUSTOM_PARAM = /^custom\.([a-z][a-z0-9_]{0,39})$/;
const SORT = /^(start|custom\.[a-z][a-z0-9_]{0,39})$/;

type CustomFilterParams = { [param: `custom.${string}`]: string | undefined };
export type CentreEventsSearch = EventsSearch & {
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
} & CustomFilterParams;

/**
 * The page's search: type, period and page, plus a custom field sort (`sort=custom.<key>`,
 * `order`) and custom field filters (`custom.<key>=<value>`) as the API takes them, so a
 * filtered, sorted list is a link like any other. Values of another form are dropped.
 */
function centreEventsSearch(raw: Record<string, unknown>): CentreEventsSearch {
  const search: CentreEventsSearch = eventsSearch.parse(raw);
  if (typeof raw.sort === 'string' && SORT.test(raw.sort)) search.sort = raw.sort;
  if (raw.order === 'asc' || raw.order === 'desc') search.order = raw.order;
  for (const [name, value] of Object.entries(raw)) {
    if (!CUSTOM_PARAM.test(name)) continue;
    // The router reads `true`/`false` and numbers as JSON: the API wants their text.
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
      const text = String(value);
      if (text.length > 0 && text.length <= 200) search[name as `custom.${string}`] = text;
    }
  }
  return search;
}

/** The upcoming events of one centre, for the people who work there. */
export const Route = createFileRoute('/centres/$centreId_/events')({
  validateSearch: centreEventsSearch,
  beforeLoad: (args) =>
    requirePermission('booking.read', () => ({ centreId: args.params.centreId.toLowerCase() }))(
      args,
    ),
  loader: async ({ context: { queryClient }, params }) => {
    try {
      await queryClient.ensureQueryData(centreQuery(params.centreId));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        throw notFound();
      }
      throw error;
    }
  },
  component: CentreEvents,
});

/** The custom field filters of the search, by field key. */
function customFiltersOf(search: CentreEventsSearch): Record<string, string | undefined> {
  const filters: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(search)) {
    const key = CUSTOM_PARAM.exec(name)?.[1];
    if (key && typeof value === 'string') filters[key] = value;
  }
  return filters;
}

function CentreEvents() {
  const { centreId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const centre = useSuspenseQuery(centreQuery(centreId)).data;
  return (
    <EventsPage
      centre={centre}
      kindId={search.type}
      period={search.period ?? 'month'}
      page={search.page ?? 1}
      sort={search.sort}
      order={search.order}
      customFilters={customFiltersOf(search)}
      onSearchChange={(change) =>
        void navigate({
          search: (prev) => {
            const filters = { ...customFiltersOf(prev), ...change.filters };
            const next = {
              kind: prev.type,
              period: prev.period,
              page: prev.page,
              sort: prev.sort,
              order: prev.order,
              ...change,
            };
            const out: CentreEventsSearch = {
              type: next.kind,
              period: next.period === 'month' ? undefined : next.period,
              page: next.page && next.page > 1 ? next.page : undefined,
              sort: next.sort && next.sort !== 'start' ? next.sort : undefined,
              order: next.order === 'desc' ? 'desc' : undefined,
            };
            for (const [key, value] of Object.entries(filters)) {
              if (value) out[`custom.${key}`] = value;
            }
            return out;
          },
        })
      }
    />
  );
}
