import type { PaginationLabels } from '@lakou/ui/data-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function usePaginationLabels(): PaginationLabels {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      navigation: t('pagination.navigation'),
      previous: t('pagination.previous'),
      next: t('pagination.next'),
      page: (page: number) => t('pagination.page', { page }),
      pageOf: (page: number, count: number) => t('pagination.pageOf', { page, count }),
    }),
    [t],
  );
}
