import { createFileRoute, Outlet, redirect, useRouterState } from '@tanstack/react-router';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { AccessDenied, requireSignedIn } from '../auth/guard.ts';
import '../components/settings/settings.css';

/**
 * « Paramètres »: what the network's admin (for the whole network) and centre managers (for
 * their centres) set up without code — custom fields, editable lists. The API judges every
 * change in its scope (`config.manage`); the area opens to those who may change something.
 */
export const Route = createFileRoute('/settings')({
  beforeLoad: async (args) => {
    const { me } = await requireSignedIn(args);
    if (!me.roles.some((r) => r.role === 'admin' || r.role === 'manager')) {
      throw new AccessDenied(['admin', 'manager']);
    }
    if (args.location.pathname.replace(/\/$/, '') === '/settings') {
      throw redirect({ to: '/settings/fields', replace: true });
    }
    return { me };
  },
  component: SettingsLayout,
});

function SettingsLayout() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const tabs = [
    { to: '/settings/fields', label: t('settings.tabs.fields') },
    { to: '/settings/lists', label: t('settings.tabs.lists') },
  ] as const;
  return (
    <div className="hub-page hub-settings">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('settings.title')}</h1>
      </header>
      <nav className="hub-settings__tabs" aria-label={t('settings.tabs.label')}>
        <ul>
          {tabs.map((tab) => {
            const current = pathname.startsWith(tab.to);
            return (
              <li key={tab.to}>
                {/* A plain href: the lists' routes are another part's (React Aria routes it). */}
                <Link
                  href={tab.to}
                  className="lk-link hub-settings__tab"
                  aria-current={current ? 'page' : undefined}
                >
                  {tab.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
