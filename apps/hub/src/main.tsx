import '@lakou/ui/styles.css';
import './styles/hub.css';
// The queue alone: the region that shows toasts loads with the first one (components/Toasts.tsx).
import { toast } from '@lakou/ui/toast/queue';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { identityKeys, meQuery } from './api/identity.ts';
import { loadPolicy } from './auth/policy.ts';
import { initI18n } from './i18n/index.ts';
import { createAppRouter, createQueryClient } from './router.tsx';

const { i18n, ready } = initI18n();
const queryClient = createQueryClient({
  // The session ended (expired, or signed out elsewhere): sign in again, then come back here.
  onUnauthorized: () => {
    if (router.state.location.pathname === '/sign-in') return;
    queryClient.setQueryData(identityKeys.me, null);
    toast.info(i18n.t('session.expired'));
    void router.navigate({
      to: '/sign-in',
      search: { redirect: router.state.location.href },
    });
  },
});
const router = createAppRouter(queryClient);

// Ahead of the router, which asks for the session and the rules in the guards, then for the
// page's code once they pass: all start now, side by side, so a slow link pays one wait instead
// of three. (index.html preloads /api/me already; this fetch takes that answer.)
void queryClient.fetchQuery(meQuery()).then(
  (me) => (me ? loadPolicy() : undefined),
  () => undefined,
);
for (const route of router.getMatchedRoutes(window.location.pathname)[0]) {
  void router.loadRouteChunk(route)?.catch(() => undefined);
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// French is in this bundle; English, when chosen, is fetched first (never a flash of French).
void ready.finally(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
