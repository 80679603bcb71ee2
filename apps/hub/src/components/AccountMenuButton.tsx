import type { Me } from '@lakou/domain/identity';
import { MenuButton } from '@lakou/ui/menu';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../auth/useSignOut.ts';
import { AccountLabel } from './AccountMenu.tsx';

/**
 * The signed-in user's menu (React Aria's menu and popover): a chunk of its own, which
 * `AccountMenu` loads when someone reaches for it. Its button is named by the user's name.
 */
export function AccountMenuButton({ me, defaultOpen }: { me: Me; defaultOpen?: boolean }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <MenuButton
      defaultOpen={defaultOpen}
      label={<AccountLabel me={me} />}
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
