export { ToastRegion, type ToastRegionProps } from './ToastRegion.tsx';
export {
  AUTO_DISMISS_MS,
  type ToastCallOptions,
  type ToastContent,
  type ToastTone,
  toast,
  toastQueue,
} from './toast-queue.ts';
