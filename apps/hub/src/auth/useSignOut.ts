import { toast } from '@lakou/ui/toast';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { identityKeys, revokeSessions, signOut } from '../api/identity.ts';

/**
 * Signs out (here, or `everywhere`), forgets every cached answer — they were fetched with
 * this user's rights — and goes to the sign-in page. Rejects if the API refuses, so a
 * confirmation dialog can stay open.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { t } = useTranslation();
  return useCallback(
    async ({ everywhere = false }: { everywhere?: boolean } = {}) => {
      try {
        await (everywhere ? revokeSessions() : signOut());
      } catch (error) {
        // Already signed out (session expired or revoked elsewhere): carry on.
        if (!(error instanceof ApiError && error.status === 401)) {
          toast.error(everywhere ? t('account.signOutFailed') : t('session.signOutFailed'));
          throw error;
        }
      }
      queryClient.clear();
      queryClient.setQueryData(identityKeys.me, null);
      await router.navigate({ to: '/sign-in' });
      toast.info(t('session.signedOut'));
    },
    [queryClient, router, t],
  );
}
