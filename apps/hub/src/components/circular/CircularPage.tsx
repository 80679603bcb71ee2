import { useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/session.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { useWritableCentres } from './useWritableCentres.ts';
import './circular.css';

type To =
  | '/circular'
  | '/circular/entry'
  | '/circular/history'
  | '/circular/indicators'
  | '/circular/streams';

/** The circular economy's pages under the title: entry only for a team, streams only for the admin. */
export function CircularNav() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = useWritableCentres();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const current = pathname.replace(/\/+$/, '') || '/';
  const pages: { to: To; key: string }[] = [
    { to: '/circular', key: 'board' },
    ...(writable.length > 0 ? [{ to: '/circular/entry' as const, key: 'entry' }] : []),
    { to: '/circular/history', key: 'history' },
    { to: '/circular/indicators', key: 'indicators' },
    ...(can('config.manage') ? [{ to: '/circular/streams' as const, key: 'streams' }] : []),
  ];
  return (
    <nav aria-label={t('circular.subnav.label')} className="hub-circular-nav">
      <ul className="hub-circular-nav__list">
        {pages.map((page) => (
          <li key={page.to}>
            <RouterLink
              to={page.to}
              activeOptions={{ exact: true, includeSearch: false }}
              className="hub-circular-nav__link"
              aria-current={current === page.to ? 'page' : undefined}
            >
              {t(`circular.subnav.${page.key as 'board'}`)}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page of the circular economy: its title, a lead, the local navigation, then the content. */
export function CircularPage({
  title,
  lead,
  action,
  children,
}: {
  title: string;
  lead?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const isHome = title === t('circular.title');
  useDocumentTitle(isHome ? title : `${title} · ${t('circular.title')}`);
  return (
    <div className="hub-page hub-circular">
      <header className="hub-page__header">
        {isHome ? null : <p className="hub-circular__eyebrow">{t('circular.title')}</p>}
        <div className="hub-circular__heading">
          <h1 className="hub-page__title">{title}</h1>
          {action}
        </div>
        {lead ? <p className="hub-page__lead">{lead}</p> : null}
      </header>
      <CircularNav />
      {children}
    </div>
  );
}
