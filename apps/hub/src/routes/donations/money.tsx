import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { MoneyEntryPage } from '../../components/donations/MoneyEntryPage.tsx';

/** Typing money gifts (a stack of cheques) with the keyboard. */
export const Route = createFileRoute('/donations/money')({
  beforeLoad: requirePermission('donation.write'),
  component: MoneyEntryPage,
});
