import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { ImportPage } from '../../components/donations/ImportPage.tsx';

/** Importing a bank export of gifts, checked row by row before anything is saved. */
export const Route = createFileRoute('/donations/import')({
  beforeLoad: requirePermission('donation.write'),
  component: ImportPage,
});
