import type { Me } from '@lakou/domain/identity';
import { MenuButton } from '@lakou/ui/menu';
import { useTranslation } from 'react-i18next';
import { initials } from '../auth/actor.ts';
import { useSignOut } from '../auth/useSignOut.ts';

/** The signed-in user's menu; its button is named by the user's name. */
export function AccountMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <MenuButton
      label={
        <>
          <span className="hub-account__avatar" aria-hidden="true">
            {initials(me.name)}
          </span>
          <span className="hub-account__name">{me.name}</span>
        </>
      }
      items={[
        { id: 'account', label: t('session.account'), href: '/account' },
        { id: 'tokens', label: t('session.tokens'), href: '/account/tokens' },
        {
          id: 'sign-out',
          label: t('session.signOut'),
          separatorBefore: true,
          onAction: () => void signOut().catch(() => undefined),
        },
      ]}
    />
  );
}
