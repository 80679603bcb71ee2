export { AppShell, type AppShellProps, MAIN_CONTENT_ID } from './AppShell.tsx';
export { SkipLink, type SkipLinkProps } from './SkipLink.tsx';
