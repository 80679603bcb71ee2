import { AppShell } from '@lakou/ui/app-shell';
import { Navigation, NavLink } from '@lakou/ui/navigation';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  Link,
  Outlet,
  useRouter,
  useRouterState,
} from '@tanstack/react-router';
import { RouterProvider as AriaRouterProvider, I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { organisationQuery } from '../api/queries.ts';
import { useCan, useMe } from '../auth/session.ts';
import { LanguageSwitcher } from '../components/LanguageSwitcher.tsx';
import { NotFound } from '../components/NotFound.tsx';
import { SessionActions } from '../components/SessionActions.tsx';
import { Toasts } from '../components/Toasts.tsx';
import { useFocusOnNavigation } from '../components/useFocusOnNavigation.ts';
import { loadCatalogsFor } from '../i18n/index.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  // A context's texts (fund, gifts, circular economy…) load with its pages, before they render.
  beforeLoad: ({ location }) => loadCatalogsFor(location.pathname),
  component: RootLayout,
  notFoundComponent: () => <NotFound />,
});

function RootLayout() {
  const { t, i18n } = useTranslation();
  const router = useRouter();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const organisation = useQuery(organisationQuery());
  const can = useCan();
  // Circles are a facilitator's matter: the entry shows for that role only (never admin or board).
  const myRoles = useMe()?.roles;
  const isFacilitator = myRoles?.some((r) => r.role === 'facilitator') ?? false;
  // Break-glass reading of a circle case is a network admin's last resort.
  const isAdmin = myRoles?.some((r) => r.role === 'admin') ?? false;
  // Settings (custom fields, lists): the admin for the network, managers for their centres.
  const mayConfigure = isAdmin || (myRoles?.some((r) => r.role === 'manager') ?? false);
  useFocusOnNavigation();

  const inNetwork =
    pathname === '/' || (pathname.startsWith('/centres') && !pathname.endsWith('/agenda'));

  return (
    // React Aria links (navigation, link buttons) navigate through TanStack Router.
    // Hrefs are plain paths (no base path), so React Aria needs no `useHref`.
    <AriaRouterProvider navigate={(href) => void router.navigate({ href })}>
      {/* React Aria's own announcements and number formats follow the hub's language. */}
      <I18nProvider locale={i18n.resolvedLanguage === 'en' ? 'en-GB' : 'fr-FR'}>
        <AppShell
          skipLinkLabel={t('app.skipLink')}
          menuLabel={t('app.menu')}
          brand={
            <Link to="/" className="hub-brand">
              <span className="hub-brand__name">{t('app.brand')}</span>
              {organisation.data ? (
                <span className="hub-brand__organisation">{organisation.data.name}</span>
              ) : null}
            </Link>
          }
          navigation={
            <Navigation label={t('app.mainNavigation')}>
              <NavLink href="/" isCurrent={inNetwork}>
                {t('nav.network')}
              </NavLink>
              <NavLink href="/partners" isCurrent={pathname.startsWith('/partners')}>
                {t('nav.partners')}
              </NavLink>
              {can('booking.read') ? (
                <NavLink href="/agenda" isCurrent={pathname.endsWith('/agenda')}>
                  {t('nav.agenda')}
                </NavLink>
              ) : null}
              {can('fund.read') ? (
                <NavLink
                  href="/donations"
                  isCurrent={['/donations', '/donors', '/receipts'].some((p) =>
                    pathname.startsWith(p),
                  )}
                >
                  {t('nav.donations')}
                </NavLink>
              ) : null}
              {isFacilitator ? (
                <NavLink href="/circles" isCurrent={pathname.startsWith('/circles')}>
                  {t('circles.nav')}
                </NavLink>
              ) : null}
              {can('report.read') ? (
                <NavLink href="/reports" isCurrent={pathname.startsWith('/reports')}>
                  {t('nav.reports')}
                </NavLink>
              ) : null}
              {can('report.read') ? (
                <NavLink href="/dashboards" isCurrent={pathname.startsWith('/dashboards')}>
                  {t('nav.dashboards')}
                </NavLink>
              ) : null}
              {can('fund.read') ? (
                <NavLink
                  href="/fund"
                  isCurrent={pathname === '/fund' || pathname.startsWith('/fund/')}
                >
                  {t('nav.fund')}
                </NavLink>
              ) : null}
              {can('circular.read') ? (
                <NavLink href="/circular" isCurrent={pathname.startsWith('/circular')}>
                  {t('nav.circular')}
                </NavLink>
              ) : null}
              {can('circular.read') ? (
                <NavLink href="/gardens" isCurrent={pathname.startsWith('/gardens')}>
                  {t('nav.gardens')}
                </NavLink>
              ) : null}
              {can('user.read') ? (
                <NavLink href="/admin/users" isCurrent={pathname.startsWith('/admin/users')}>
                  {t('nav.users')}
                </NavLink>
              ) : null}
              {can('audit.read') ? (
                <NavLink href="/admin/audit" isCurrent={pathname.startsWith('/admin/audit')}>
                  {t('nav.audit')}
                </NavLink>
              ) : null}
              {mayConfigure ? (
                <NavLink href="/settings" isCurrent={pathname.startsWith('/settings')}>
                  {t('settings.nav')}
                </NavLink>
              ) : null}
              {isAdmin ? (
                <NavLink
                  href="/admin/circles-access"
                  isCurrent={pathname.startsWith('/admin/circles-access')}
                >
                  {t('breakGlass.nav')}
                </NavLink>
              ) : null}
            </Navigation>
          }
          actions={
            <>
              <LanguageSwitcher />
              <SessionActions />
            </>
          }
        >
          <Outlet />
        </AppShell>
        <Toasts label={t('app.notifications')} closeLabel={t('app.closeNotification')} />
      </I18nProvider>
    </AriaRouterProvider>
  );
}
