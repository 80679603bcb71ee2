import { createFileRoute } from '@tanstack/react-router';
import { gardensQuery } from '../../api/gardens.ts';
import { requirePermission } from '../../auth/guard.ts';
import { GardensPage } from '../../components/gardens/GardensPage.tsx';

/** The shared gardens of the centres in reach (`circular.read`: admins, board, centres' staff). */
export const Route = createFileRoute('/gardens/')({
  beforeLoad: requirePermission('circular.read'),
  loader: ({ context: { queryClient } }) => void queryClient.prefetchQuery(gardensQuery()),
  component: GardensPage,
});
