import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error.ts';

/**
 * The message to show for a failed sign-in: the API's own French words when it gave some
 * (deactivated account, throttling), else ours, in the reader's language.
 */
export function signInErrorMessage(error: unknown, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return t('signIn.failed');
  const detail = language === 'fr' ? error.problem.detail : undefined;
  switch (error.status) {
    case 400:
    case 401:
      return t('signIn.invalid');
    case 403:
      return detail ?? t('signIn.disabled');
    case 429:
      if (detail) return detail;
      return error.retryAfterSeconds !== undefined
        ? t('signIn.tooMany', { seconds: error.retryAfterSeconds })
        : t('signIn.tooManyLater');
    default:
      return t('signIn.failed');
  }
}

/** A problem's `detail` in French, or the fallback (also used for any other language). */
export function problemMessage(error: unknown, fallback: string, language: string): string {
  if (language === 'fr' && error instanceof ApiError && error.problem.detail) {
    return error.problem.detail;
  }
  return fallback;
}
