import type { Me } from '@lakou/domain/identity';
import { initials } from '../auth/actor.ts';
import { lazyControl } from './LazyControl.tsx';

/** The avatar and name the account menu's button shows (its name is the user's name). */
export function AccountLabel({ me }: { me: Me }) {
  return (
    <>
      <span className="hub-account__avatar" aria-hidden="true">
        {initials(me.name)}
      </span>
      <span className="hub-account__name">{me.name}</span>
    </>
  );
}

const LazyAccountMenu = lazyControl<{ me: Me }>(() =>
  import('./AccountMenuButton.tsx').then((m) => m.AccountMenuButton),
);

/**
 * The signed-in user's menu. Its menu code loads on first intent (hover, focus, press): until
 * then a button drawn like `MenuButton`'s stands in.
 */
export function AccountMenu({ me }: { me: Me }) {
  return (
    <LazyAccountMenu
      me={me}
      placeholder={(intent) => (
        <button
          type="button"
          className="lk-button lk-menu-button"
          data-variant="ghost"
          data-size="medium"
          aria-haspopup="true"
          aria-expanded="false"
          {...intent}
        >
          <span className="lk-menu-button__label">
            <AccountLabel me={me} />
          </span>
          <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
            <path d="M2 4l4 4 4-4" stroke="currentColor" strokeWidth="2" fill="none" />
          </svg>
        </button>
      )}
    />
  );
}
