import { useTranslation } from 'react-i18next';
import { RouterLink } from '../RouterLink.tsx';

type Section = 'donations' | 'donors' | 'receipts';

/**
 * The three lists of the gifts' desk — gifts, donors, receipts — reached from the one « Dons »
 * entry of the main navigation.
 */
export function DonationsNav({ current }: { current: Section }) {
  const { t } = useTranslation();
  const links: { section: Section; to: '/donations' | '/donors' | '/receipts' }[] = [
    { section: 'donations', to: '/donations' },
    { section: 'donors', to: '/donors' },
    { section: 'receipts', to: '/receipts' },
  ];
  return (
    <nav className="hub-donations__nav" aria-label={t('donations.sections.label')}>
      <ul>
        {links.map(({ section, to }) => (
          <li key={section}>
            <RouterLink to={to} aria-current={section === current ? 'page' : undefined}>
              {t(`donations.sections.${section}`)}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
