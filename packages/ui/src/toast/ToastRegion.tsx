import { useSyncExternalStore } from 'react';
import {
  UNSTABLE_ToastRegion as AriaToastRegion,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  type UNSTABLE_ToastQueue as ToastQueue,
} from 'react-aria-components';
import { Button } from '../button/Button.tsx';
import { CloseIcon } from '../dialog/CloseIcon.tsx';
import { type ToastContent as ToastData, toastQueue } from './toast-queue.ts';

export interface ToastRegionProps {
  /** Accessible name of each toast's close button, e.g. "Fermer la notification". */
  closeLabel: string;
  /** Name of the notifications landmark, e.g. "Notifications". */
  label?: string;
  /** Defaults to the shared queue that `toast.*` fills. */
  queue?: ToastQueue<ToastData>;
}

/**
 * Mount once, near the root. Toasts are announced (role alert), F6 moves focus into the
 * region, and each can be closed.
 */
export function ToastRegion({ closeLabel, label, queue = toastQueue }: ToastRegionProps) {
  // React Aria registers the region for F6 landmark navigation when it mounts with toasts,
  // but only re-registers when its label changes; with a fixed label, remount it when the
  // first toast arrives so F6 can always reach it.
  const hasToasts = useSyncExternalStore(
    (onChange) => queue.subscribe(onChange),
    () => queue.visibleToasts.length > 0,
    () => false,
  );
  return (
    <AriaToastRegion
      key={hasToasts ? 'shown' : 'empty'}
      queue={queue}
      className="lk-toast-region"
      aria-label={label}
    >
      {({ toast }) => (
        <Toast toast={toast} className="lk-toast" data-tone={toast.content.tone}>
          <ToastContent className="lk-toast__content">
            <Text slot="title" className="lk-toast__title">
              {toast.content.title}
            </Text>
            {toast.content.description ? (
              <Text slot="description" className="lk-toast__description">
                {toast.content.description}
              </Text>
            ) : null}
          </ToastContent>
          <Button slot="close" variant="ghost" size="small" isIconOnly aria-label={closeLabel}>
            <CloseIcon />
          </Button>
        </Toast>
      )}
    </AriaToastRegion>
  );
}
