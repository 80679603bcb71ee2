import type { Role } from '@lakou/domain/identity';
import { LinkButton } from '@lakou/ui/button';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.ts';
import { useLocale } from '../i18n/index.ts';
import { useAssignmentLabel } from './useCentreNames.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';

export interface AccessDeniedPageProps {
  /** The roles that would open the page; empty when not known. */
  roles: readonly Role[];
}

/** « Accès non autorisé »: which roles the page needs, which the user holds, and a way home. */
export function AccessDeniedPage({ roles }: AccessDeniedPageProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const assignmentLabel = useAssignmentLabel();
  const heading = t('denied.title');
  useDocumentTitle(heading);

  const either = new Intl.ListFormat(locale, { type: 'disjunction' });
  const both = new Intl.ListFormat(locale, { type: 'conjunction' });
  const yours = me?.roles.map(assignmentLabel) ?? [];

  return (
    <div className="hub-page hub-not-found">
      <h1 className="hub-page__title">{heading}</h1>
      <p>
        {roles.length > 0
          ? t('denied.needsRoles', {
              roles: either.format(roles.map((role) => t(`roles.${role}`))),
            })
          : t('denied.generic')}
      </p>
      {me ? (
        <p>
          {yours.length > 0
            ? t('denied.yourRoles', { roles: both.format(yours) })
            : t('denied.noRoles')}
        </p>
      ) : null}
      {me?.readOnly ? <p>{t('denied.readOnly')}</p> : null}
      <p>{t('denied.contact')}</p>
      <LinkButton href="/" variant="primary">
        {t('errors.backHome')}
      </LinkButton>
    </div>
  );
}
