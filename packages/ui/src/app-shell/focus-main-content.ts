import { MAIN_CONTENT_ID } from './main-content-id.ts';

/**
 * Move focus to the page's main content, e.g. after a client-side route change, so screen
 * reader and keyboard users start reading the new page rather than staying in the menu.
 */
export function focusMainContent(): void {
  const main = document.getElementById(MAIN_CONTENT_ID);
  main?.focus({ preventScroll: true });
}
