export { AppShell, type AppShellProps } from './AppShell.tsx';
export { focusMainContent } from './focus-main-content.ts';
export { MAIN_CONTENT_ID } from './main-content-id.ts';
export { SkipLink, type SkipLinkProps } from './SkipLink.tsx';
