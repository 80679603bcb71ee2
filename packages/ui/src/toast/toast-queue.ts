import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components';

export type ToastTone = 'success' | 'danger' | 'info';

export interface ToastContent {
  tone: ToastTone;
  title: string;
  description?: string;
}

export interface ToastCallOptions {
  /** Milliseconds before it closes by itself; `null` keeps it until closed. */
  timeout?: number | null;
  onClose?: () => void;
}

/** Success and information close by themselves (timers pause on hover and focus); errors stay. */
export const AUTO_DISMISS_MS = 6000;

/** The one queue the hub's `ToastRegion` shows. */
export const toastQueue = new ToastQueue<ToastContent>({ maxVisibleToasts: 4 });

function add(
  tone: ToastTone,
  title: string,
  description: string | undefined,
  defaultTimeout: number | null,
  options: ToastCallOptions = {},
): string {
  const timeout = options.timeout === undefined ? defaultTimeout : options.timeout;
  const content: ToastContent = description ? { tone, title, description } : { tone, title };
  return toastQueue.add(content, {
    ...(timeout === null ? {} : { timeout }),
    ...(options.onClose ? { onClose: options.onClose } : {}),
  });
}

/** Show a notification from anywhere: `toast.success(t('booking.saved'))`. Returns its key. */
export const toast = {
  success: (title: string, description?: string, options?: ToastCallOptions) =>
    add('success', title, description, AUTO_DISMISS_MS, options),
  info: (title: string, description?: string, options?: ToastCallOptions) =>
    add('info', title, description, AUTO_DISMISS_MS, options),
  error: (title: string, description?: string, options?: ToastCallOptions) =>
    add('danger', title, description, null, options),
  close: (key: string) => toastQueue.close(key),
  /** Close every toast (e.g. on sign-out). */
  clear: () => toastQueue.clear(),
};
