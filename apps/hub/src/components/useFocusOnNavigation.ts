import { MAIN_CONTENT_ID } from '@lakou/ui/app-shell';
import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * After a client-side page change, screen-reader and keyboard users land on the new page's
 * h1 (or the main landmark), as they would after a full page load. Search-param changes
 * (typing a filter) keep focus where it is.
 */
export function useFocusOnNavigation() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onResolved', (event) => {
        if (!event.fromLocation || !event.pathChanged) return;
        requestAnimationFrame(() => {
          const main = document.getElementById(MAIN_CONTENT_ID);
          const heading = main?.querySelector<HTMLElement>('h1');
          if (heading) {
            heading.tabIndex = -1;
            heading.focus();
          } else {
            main?.focus();
          }
        });
      }),
    [router],
  );
}
