import { ErrorState } from '@lakou/ui/states';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { AccessDenied } from '../auth/guard.ts';
import { AccessDeniedPage } from './AccessDeniedPage.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

/**
 * Shown in place of a page whose guard, loader or render failed: « Accès non autorisé » for a
 * page the user may not open (or a 403 from the API), otherwise an error with a retry.
 */
export function RouteError(props: ErrorComponentProps) {
  const { error } = props;
  if (error instanceof AccessDenied) return <AccessDeniedPage roles={error.roles} />;
  if (error instanceof ApiError && error.status === 403) return <AccessDeniedPage roles={[]} />;
  return <FailedPage {...props} />;
}

function FailedPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const queryErrorBoundary = useQueryErrorResetBoundary();
  useDocumentTitle(t('errors.title'));

  useEffect(() => {
    console.error(error);
    // Let suspense queries fetch again when the route is retried.
    queryErrorBoundary.reset();
  }, [error, queryErrorBoundary]);

  return (
    <div className="hub-page">
      <h1 className="hub-page__title">{t('errors.title')}</h1>
      <ErrorState
        title={t('errors.title')}
        detail={t('errors.body')}
        retryLabel={t('errors.retry')}
        onRetry={() => void router.invalidate()}
      />
    </div>
  );
}
