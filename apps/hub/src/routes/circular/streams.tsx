import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { StreamsPage } from '../../components/circular/StreamsPage.tsx';

/** The network admin's streams (REP stream, waste code) and destination facilities. */
export const Route = createFileRoute('/circular/streams')({
  beforeLoad: requirePermission('config.manage'),
  component: StreamsPage,
});
