import { toastQueue } from '@lakou/ui/toast/queue';
import { lazy, Suspense, useEffect, useState } from 'react';

const ToastRegion = lazy(() =>
  import('@lakou/ui/toast').then((module) => ({ default: module.ToastRegion })),
);

/**
 * The notifications region. React Aria's toast region draws nothing while the queue is empty,
 * so its code (region, landmark, toasts) is not part of the hub's first load: it loads with
 * the first toast, which then shows as soon as it has.
 */
export function Toasts({ label, closeLabel }: { label: string; closeLabel: string }) {
  const [wanted, setWanted] = useState(() => toastQueue.visibleToasts.length > 0);
  useEffect(() => {
    if (wanted) return undefined;
    const check = () => {
      if (toastQueue.visibleToasts.length > 0) setWanted(true);
    };
    check();
    return toastQueue.subscribe(check);
  }, [wanted]);
  return wanted ? (
    <Suspense fallback={null}>
      <ToastRegion label={label} closeLabel={closeLabel} />
    </Suspense>
  ) : null;
}
