import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { EntryPage } from '../../components/circular/EntryPage.tsx';

/** Entry at the scale: an inflow, items re-used, or a shipment to a facility. */
export const Route = createFileRoute('/circular/entry')({
  beforeLoad: requirePermission('circular.read'),
  component: EntryPage,
});
