import { LinkButton } from '@lakou/ui/button';
import { useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session.ts';
import { AccountMenu } from './AccountMenu.tsx';

const AUTH_PAGES = ['/sign-in', '/forgot-password', '/reset-password'];

/** The banner's account corner: « Se connecter », or the signed-in user's menu. */
export function SessionActions() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useRouterState({ select: (state) => state.location });

  // Unknown yet: show nothing rather than a link that flips into a menu.
  if (me === undefined) return null;

  if (me === null) {
    if (AUTH_PAGES.includes(location.pathname)) return null;
    const redirect =
      location.pathname === '/' ? '' : `?redirect=${encodeURIComponent(location.href)}`;
    return (
      <LinkButton href={`/sign-in${redirect}`} variant="primary">
        {t('session.signIn')}
      </LinkButton>
    );
  }

  return <AccountMenu me={me} />;
}
