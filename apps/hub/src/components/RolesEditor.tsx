import { isNetworkRole, type Role, type RoleAssignment } from '@lakou/domain/identity';
import { Button } from '@lakou/ui/button';
import { SelectField } from '@lakou/ui/form-field';
import { useTranslation } from 'react-i18next';
import { roleOrder } from '../auth/actor.ts';
import { useCentres } from './useCentreNames.ts';

/** One row being edited: either half may still be unchosen. */
export interface RoleDraft {
  key: number;
  role: Role | null;
  centreId: string | null;
}

let nextKey = 1;
export function roleDraft(assignment?: RoleAssignment): RoleDraft {
  nextKey += 1;
  return { key: nextKey, role: assignment?.role ?? null, centreId: assignment?.centreId ?? null };
}

export type RoleDraftError = 'roleMissing' | 'centreMissing' | 'duplicateRole';

/** What is wrong with each row (by key), and whether there is no row at all. */
export function checkRoleDrafts(drafts: readonly RoleDraft[]): {
  rows: Map<number, RoleDraftError>;
  isEmpty: boolean;
} {
  const rows = new Map<number, RoleDraftError>();
  const seen = new Set<string>();
  for (const draft of drafts) {
    if (!draft.role) {
      rows.set(draft.key, 'roleMissing');
      continue;
    }
    const network = isNetworkRole(draft.role);
    if (!network && !draft.centreId) {
      rows.set(draft.key, 'centreMissing');
      continue;
    }
    const id = `${draft.role}@${network ? '*' : draft.centreId}`;
    if (seen.has(id)) rows.set(draft.key, 'duplicateRole');
    seen.add(id);
  }
  return { rows, isEmpty: drafts.length === 0 };
}

/** The assignments of complete rows, as the API expects them. */
export function assignmentsOf(drafts: readonly RoleDraft[]): RoleAssignment[] {
  return drafts.flatMap((d) =>
    d.role ? [{ role: d.role, centreId: isNetworkRole(d.role) ? null : d.centreId }] : [],
  );
}

export interface RolesEditorProps {
  value: RoleDraft[];
  onChange: (value: RoleDraft[]) => void;
  /** Show the row errors (after a first submit). */
  showErrors: boolean;
}

/** Rows of role + centre, with add and remove. Network roles take no centre. */
export function RolesEditor({ value, onChange, showErrors }: RolesEditorProps) {
  const { t } = useTranslation();
  const centres = useCentres();
  const { rows, isEmpty } = checkRoleDrafts(value);
  const roleOptions = roleOrder.map((role) => ({ id: role, label: t(`roles.${role}`) }));
  const centreOptions = centres.map((c) => ({ id: c.id, label: c.name }));

  const update = (key: number, patch: Partial<RoleDraft>) =>
    onChange(value.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  return (
    <fieldset className="hub-roles">
      <legend className="hub-roles__legend">{t('users.rolesLegend')}</legend>
      <p className="lk-field__description">{t('users.rolesHint')}</p>
      <ol className="hub-roles__list">
        {value.map((draft, index) => {
          const number = index + 1;
          const error = showErrors ? rows.get(draft.key) : undefined;
          const network = draft.role ? isNetworkRole(draft.role) : false;
          return (
            <li key={draft.key} className="hub-roles__row">
              <SelectField
                label={t('users.role', { number })}
                placeholder={t('users.chooseRole')}
                options={roleOptions}
                value={draft.role}
                isRequired
                isInvalid={error === 'roleMissing' || error === 'duplicateRole'}
                errorMessage={
                  error === 'roleMissing' ? t('users.roleMissing') : t('users.duplicateRole')
                }
                onChange={(key) => {
                  const role = roleOrder.find((r) => r === key) ?? null;
                  update(draft.key, {
                    role,
                    centreId: role && isNetworkRole(role) ? null : draft.centreId,
                  });
                }}
              />
              {network ? (
                <p className="hub-roles__network">{t('users.wholeNetwork')}</p>
              ) : (
                <SelectField
                  label={t('users.roleCentre', { number })}
                  placeholder={t('users.chooseCentre')}
                  options={centreOptions}
                  value={draft.centreId}
                  isRequired
                  isInvalid={error === 'centreMissing'}
                  errorMessage={t('users.centreMissing')}
                  onChange={(key) =>
                    update(draft.key, { centreId: key === null ? null : String(key) })
                  }
                />
              )}
              <Button
                variant="secondary"
                size="small"
                onPress={() => onChange(value.filter((d) => d.key !== draft.key))}
              >
                {t('users.removeRole', { number })}
              </Button>
            </li>
          );
        })}
      </ol>
      {showErrors && isEmpty ? (
        <p className="lk-field__error" role="alert">
          {t('users.noRole')}
        </p>
      ) : null}
      <div>
        <Button variant="secondary" onPress={() => onChange([...value, roleDraft()])}>
          {t('users.addRole')}
        </Button>
      </div>
    </fieldset>
  );
}
