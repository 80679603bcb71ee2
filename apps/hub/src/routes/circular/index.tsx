import { createFileRoute } from '@tanstack/react-router';
import { requirePermission } from '../../auth/guard.ts';
import { BoardPage } from '../../components/circular/BoardPage.tsx';

/** The circular economy's board: stock per centre and stream, this year's indicators, the register. */
export const Route = createFileRoute('/circular/')({
  beforeLoad: requirePermission('circular.read'),
  component: BoardPage,
});
