import { createFileRoute } from '@tanstack/react-router';
import { AccessDenied, requireSignedIn } from '../../auth/guard.ts';
import { CirclesDashboard } from '../../components/circles/CirclesDashboard.tsx';

/** The facilitator's dashboard: only people holding the facilitator role somewhere open it. */
export const Route = createFileRoute('/circles/')({
  beforeLoad: async (args) => {
    const { me } = await requireSignedIn(args);
    if (!me.roles.some((r) => r.role === 'facilitator')) throw new AccessDenied(['facilitator']);
    return { me };
  },
  component: CirclesDashboard,
});
