import { LoadingState } from '@lakou/ui/states';
import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return <LoadingState label={t('app.loading')} />;
}
