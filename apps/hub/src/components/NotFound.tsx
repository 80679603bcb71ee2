import { LinkButton } from '@lakou/ui/button';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './useDocumentTitle.ts';

export interface NotFoundProps {
  title?: string;
  body?: string;
}

/** A friendly dead end with a way back to the network overview. */
export function NotFound({ title, body }: NotFoundProps) {
  const { t } = useTranslation();
  const heading = title ?? t('errors.notFoundTitle');
  useDocumentTitle(heading);
  return (
    <div className="hub-page hub-not-found">
      <h1 className="hub-page__title">{heading}</h1>
      <p>{body ?? t('errors.notFoundBody')}</p>
      <LinkButton href="/" variant="primary">
        {t('errors.backHome')}
      </LinkButton>
    </div>
  );
}
