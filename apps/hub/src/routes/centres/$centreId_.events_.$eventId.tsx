import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, notFound } from '@tanstack/react-router';
import { ApiError } from '../../api/api-error.ts';
import { eventQuery } from '../../api/events.ts';
import { centreQuery } from '../../api/queries.ts';
import { requirePermission } from '../../auth/guard.ts';
import { EventPage } from '../../components/events/EventPage.tsx';

/** One event of a centre: details, settings, registrations, attendance. */
export const Route = createFileRoute('/centres/$centreId_/events_/$eventId')({
  beforeLoad: (args) =>
    requirePermission('booking.read', () => ({ centreId: args.params.centreId.toLowerCase() }))(
      args,
    ),
  loader: async ({ context: { queryClient }, params }) => {
    try {
      const [, event] = await Promise.all([
        queryClient.ensureQueryData(centreQuery(params.centreId)),
        queryClient.ensureQueryData(eventQuery(params.eventId)),
      ]);
      // An event of another centre under this centre's address is no event of this centre.
      if (event.centreId !== params.centreId.toLowerCase()) throw notFound();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        throw notFound();
      }
      throw error;
    }
  },
  component: CentreEvent,
});

function CentreEvent() {
  const { centreId, eventId } = Route.useParams();
  const centre = useSuspenseQuery(centreQuery(centreId)).data;
  const event = useSuspenseQuery(eventQuery(eventId)).data;
  return <EventPage centre={centre} event={event} />;
}
