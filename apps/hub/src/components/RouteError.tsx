import { ErrorState } from '@lakou/ui/states';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { AccessDenied } from '../auth/guard.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';

// Its own chunk (with the centres' names it lists): the first load of the hub needs none of it.
const AccessDeniedPage = lazy(() =>
  import('./AccessDeniedPage.tsx').then((m) => ({ default: m.AccessDeniedPage })),
);

/**
 * Shown in place of a page whose guard, loader or render failed: « Accès non autorisé » for a
 * page the user may not open (or a 403 from the API), otherwise an error with a retry.
 */
export function RouteError(props: ErrorComponentProps) {
  const { error } = props;
  const roles =
    error instanceof AccessDenied
      ? error.roles
      : error instanceof ApiError && error.status === 403
        ? []
        : null;
  if (roles === null) return <FailedPage {...props} />;
  return (
    <Suspense fallback={null}>
      <AccessDeniedPage roles={roles} />
    </Suspense>
  );
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
