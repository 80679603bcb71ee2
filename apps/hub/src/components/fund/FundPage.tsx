import { useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import './fund.css';

const PAGES = [
  { to: '/fund', key: 'overview' },
  { to: '/fund/ledger', key: 'ledger' },
  { to: '/fund/grants', key: 'grants' },
  { to: '/fund/disbursements', key: 'disbursements' },
] as const;

/** The fund's four pages, as a local navigation under the title (the current one marked). */
export function FundNav() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const current = pathname.replace(/\/+$/, '') || '/';
  return (
    <nav aria-label={t('fund.subnav.label')} className="hub-fund-nav">
      <ul className="hub-fund-nav__list">
        {PAGES.map((page) => (
          <li key={page.to}>
            <RouterLink
              to={page.to}
              // Exact: the overview (/fund) is not current on the pages under it.
              activeOptions={{ exact: true, includeSearch: false }}
              className="hub-fund-nav__link"
              aria-current={current === page.to ? 'page' : undefined}
            >
              {t(`fund.subnav.${page.key}`)}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page of the fund: its title, a lead, the fund's navigation, an action, then the content. */
export function FundPage({
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
  const isHome = title === t('fund.title');
  useDocumentTitle(isHome ? title : `${title} · ${t('fund.title')}`);
  return (
    <div className="hub-page hub-fund">
      <header className="hub-page__header">
        {isHome ? null : <p className="hub-fund__eyebrow">{t('fund.title')}</p>}
        <div className="hub-fund__heading">
          <h1 className="hub-page__title">{title}</h1>
          {action}
        </div>
        {lead ? <p className="hub-page__lead">{lead}</p> : null}
      </header>
      <FundNav />
      {children}
    </div>
  );
}
