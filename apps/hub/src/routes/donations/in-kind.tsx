import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { InKindEntryPage } from '../../components/donations/InKindEntryPage.tsx';

/** Recording a gift in kind received at a centre. */
export const Route = createFileRoute('/donations/in-kind')({
  beforeLoad: requirePermission('donation.write'),
  component: InKindEntryPage,
});
