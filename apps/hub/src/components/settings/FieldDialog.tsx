import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomFieldType,
  customFieldLabel,
  isChoiceType,
} from '@lakou/domain/config';
import type { Problem } from '@lakou/domain/shared';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { toast } from '@lakou/ui/toast';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import {
  createCustomField,
  customFieldKeys,
  customFieldsQuery,
  problemCode,
  updateCustomField,
} from '../../api/customFields.ts';
import { fieldProblems } from '../../api/events.ts';
import { useLocale } from '../../i18n/index.ts';
import { CustomFieldControl } from '../custom-fields/CustomFieldsSection.tsx';
import type { CustomRawValue } from '../custom-fields/customFieldForm.ts';
import {
  changedSpec,
  checkDraft,
  type DraftErrors,
  draftOf,
  draftSpec,
  emptyDraft,
  type FieldDraft,
  keyFromLabel,
  nextUid,
  type OptionDraft,
  slugify,
} from './fieldDraft.ts';

interface FieldDialogProps {
  isOpen: boolean;
  /** The field to change; null to add one. */
  field: CustomFieldDefinition | null;
  entity: CustomFieldEntity;
  centreId: string | null;
  scopeLabel: string;
  onClose: () => void;
  onDone: () => Promise<void>;
}

/** « Nouveau champ » or « Modifier le champ »: every setting of a field, checked by the domain. */
export function FieldDialog(props: FieldDialogProps) {
  const { t } = useTranslation();
  const { language } = useLocale();
  return (
    <Dialog
      isOpen={props.isOpen}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={
        props.field
          ? t('settings.form.editTitle', { label: customFieldLabel(props.field, language) })
          : t('settings.form.addTitle')
      }
      closeLabel={t('app.close')}
      isDismissable={false}
      size="large"
    >
      {props.isOpen ? <FieldForm key={props.field?.id ?? 'new'} {...props} /> : null}
    </Dialog>
  );
}

type Conflict = { kind: 'version' } | { kind: 'values'; detail: string } | null;

function FieldForm({ field, entity, centreId, scopeLabel, onClose, onDone }: FieldDialogProps) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(field);
  const [draft, setDraft] = useState<FieldDraft>(() =>
    field ? draftOf(field, language) : emptyDraft(),
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict>(null);
  const [isPending, setPending] = useState(false);
  const [preview, setPreview] = useState<CustomRawValue>(null);
  const isChoice = isChoiceType(draft.type);

  const update = (change: Partial<FieldDraft>, ...cleared: string[]) => {
    setDraft((d) => ({ ...d, ...change }));
    if (cleared.length > 0) {
      setErrors((e) => {
        const next = { ...e };
        for (const name of cleared) delete next[name];
        return next;
      });
    }
  };
  const setOptions = (options: OptionDraft[]) => update({ options }, 'options');
  const setOption = (index: number, change: Partial<OptionDraft>) =>
    setDraft((d) => ({
      ...d,
      options: d.options.map((o, i) => {
        if (i !== index) return o;
        const next = { ...o, ...change };
        // The key follows the French label until the person types one.
        if (change.labelFr !== undefined && !o.keyTouched) next.key = slugify(change.labelFr, '-');
        return next;
      }),
    }));
  const moveOption = (index: number, by: -1 | 1) => {
    const options = [...draft.options];
    const [moved] = options.splice(index, 1);
    if (!moved) return;
    options.splice(index + by, 0, moved);
    setOptions(options);
  };

  const err = (name: string) => errors[name];
  const invalid = (name: string) => ({
    isInvalid: Boolean(errors[name]),
    errorMessage: errors[name],
  });

  /** A refusal of the API: messages under the controls it names, the rest in the alert. */
  const showFailure = (failure: unknown) => {
    const code = problemCode(failure);
    if (failure instanceof ApiError && failure.status === 409 && code === 'VERSION_CONFLICT') {
      setConflict({ kind: 'version' });
      return;
    }
    if (failure instanceof ApiError && code === 'VALUES_DO_NOT_FIT') {
      setConflict({
        kind: 'values',
        detail: failure.problem.detail ?? failure.problem.title,
      });
      return;
    }
    if (failure instanceof ApiError && code === 'KEY_TAKEN') {
      setErrors({ key: failure.problem.detail ?? failure.problem.title });
      return;
    }
    const found: DraftErrors = {};
    if (failure instanceof ApiError) {
      for (const entry of (failure.problem as Problem).errors ?? []) {
        found[entry.field] ??= entry.message;
      }
    }
    setErrors(found);
    setDetail(fieldProblems(failure).detail);
  };

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
    const fresh = (
      await queryClient.fetchQuery(customFieldsQuery({ entity, centreId, includeRetired: true }))
    ).find((d) => d.id === current?.id);
    if (fresh) {
      setCurrent(fresh);
      setDraft(draftOf(fresh, language));
    }
    setConflict(null);
    setErrors({});
    setDetail(null);
  };

  const save = async () => {
    setDetail(null);
    setConflict(null);
    const checked = checkDraft(draft, entity, { invalidNumber: t('settings.form.invalidNumber') });
    if (!checked.ok) {
      setErrors(checked.errors);
      setDetail(t('settings.form.fixErrors'));
      return;
    }
    setErrors({});
    const label = customFieldLabel(checked.spec, language);
    setPending(true);
    try {
      if (current) {
        const changes = changedSpec(current, checked.spec);
        if (Object.keys(changes).length > 0) {
          await updateCustomField(current.id, { ...changes, version: current.version });
        }
        toast.success(t('settings.form.saved', { label }));
      } else {
        await createCustomField({ ...checked.spec, entity, centreId });
        toast.success(t('settings.form.created', { label }));
      }
      await onDone();
    } catch (failure) {
      showFailure(failure);
    } finally {
      setPending(false);
    }
  };

  // The default value's control is the field itself as it stands, never required.
  const asDrafted = draftSpec(draft, entity);
  const seen = new Set<string>();
  const shownOptions = asDrafted.options.filter(
    (o) => o.key && o.labelFr.trim() && !seen.has(o.key) && Boolean(seen.add(o.key)),
  );
  const previewSpec = { ...asDrafted, options: shownOptions, required: false };
  const entityName = t(`settings.entities.${entity}`);

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="hub-note">
        {t('settings.form.where', { entity: entityName, scope: scopeLabel })}
      </p>
      <TextField
        label={t('settings.form.labelFr')}
        value={draft.labelFr}
        onChange={(labelFr) =>
          update(
            { labelFr, ...(!draft.keyTouched && !current ? { key: keyFromLabel(labelFr) } : {}) },
            'labelFr',
            'key',
          )
        }
        isRequired
        maxLength={80}
        autoFocus
        {...invalid('labelFr')}
      />
      <TextField
        label={t('settings.form.key')}
        description={t('settings.form.keyHelp')}
        value={draft.key}
        onChange={(key) => update({ key, keyTouched: true }, 'key')}
        isRequired
        isReadOnly={current !== null}
        maxLength={40}
        {...invalid('key')}
      />
      <TextField
        label={t('settings.form.labelEn')}
        description={t('settings.form.labelEnHelp')}
        value={draft.labelEn}
        onChange={(labelEn) => update({ labelEn }, 'labelEn')}
        maxLength={80}
        {...invalid('labelEn')}
      />
      <TextField
        label={t('settings.form.helpFr')}
        description={t('settings.form.helpHelp')}
        value={draft.helpFr}
        onChange={(helpFr) => update({ helpFr }, 'helpFr')}
        isMultiline
        maxLength={300}
        {...invalid('helpFr')}
      />
      <TextField
        label={t('settings.form.helpEn')}
        value={draft.helpEn}
        onChange={(helpEn) => update({ helpEn }, 'helpEn')}
        isMultiline
        maxLength={300}
        {...invalid('helpEn')}
      />
      <SelectField
        label={t('settings.form.type')}
        options={CUSTOM_FIELD_TYPES.map((type) => ({
          id: type,
          label: t(`settings.types.${type}`),
        }))}
        selectedKey={draft.type}
        onSelectionChange={(key) => {
          if (!key) return;
          const type = key as CustomFieldType;
          update(
            {
              type,
              defaultRaw: null,
              // A choice field starts with one empty choice to fill in.
              ...(isChoiceType(type) && draft.options.length === 0
                ? {
                    options: [
                      { uid: nextUid(), key: '', labelFr: '', labelEn: '', keyTouched: false },
                    ],
                  }
                : {}),
            },
            'type',
            'defaultValue',
            'options',
            'min',
            'max',
          );
        }}
        isRequired
        {...invalid('type')}
      />
      <Checkbox
        label={t('settings.form.required')}
        isSelected={draft.required}
        onChange={(required) => update({ required }, 'required')}
      />
      <Checkbox
        label={t('settings.form.inTables')}
        description={t('settings.form.inTablesHelp')}
        isSelected={draft.inTables}
        onChange={(inTables) => update({ inTables }, 'inTables')}
      />
      {entity === 'circle_intake' ? (
        <Checkbox
          label={t('settings.form.confidential')}
          description={t('settings.form.confidentialHelp')}
          isSelected={draft.confidential}
          onChange={(confidential) => update({ confidential }, 'confidential')}
          {...invalid('confidential')}
        />
      ) : null}
      {draft.type === 'number' ? (
        <div className="hub-fields__option">
          <TextField
            label={t('settings.form.min')}
            inputMode="decimal"
            value={draft.min}
            onChange={(min) => update({ min }, 'min', 'max')}
            {...invalid('min')}
          />
          <TextField
            label={t('settings.form.max')}
            inputMode="decimal"
            value={draft.max}
            onChange={(max) => update({ max }, 'min', 'max')}
            {...invalid('max')}
          />
        </div>
      ) : null}
      {isChoice ? (
        <fieldset
          className="hub-fields__options"
          aria-describedby={err('options') ? 'field-options-error' : undefined}
        >
          <legend className="lk-field__label">
            {t('settings.form.options')}
            <span className="lk-field__required" aria-hidden="true">
              *
            </span>
          </legend>
          {draft.options.map((option, index) => {
            const n = index + 1;
            return (
              <div key={option.uid} className="hub-fields__option">
                <TextField
                  label={t('settings.form.optionLabelFr', { index: n })}
                  value={option.labelFr}
                  onChange={(labelFr) => setOption(index, { labelFr })}
                  isRequired
                  maxLength={80}
                  {...invalid(`options.${index}.labelFr`)}
                />
                <TextField
                  label={t('settings.form.optionLabelEn', { index: n })}
                  value={option.labelEn}
                  onChange={(labelEn) => setOption(index, { labelEn })}
                  maxLength={80}
                  {...invalid(`options.${index}.labelEn`)}
                />
                <TextField
                  label={t('settings.form.optionKey', { index: n })}
                  value={option.key}
                  onChange={(key) => setOption(index, { key, keyTouched: true })}
                  isRequired
                  maxLength={40}
                  {...invalid(`options.${index}.key`)}
                />
                <div className="hub-fields__actions">
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t('settings.form.moveOptionUp', { index: n })}
                    isDisabled={index === 0}
                    onPress={() => moveOption(index, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t('settings.form.moveOptionDown', { index: n })}
                    isDisabled={index === draft.options.length - 1}
                    onPress={() => moveOption(index, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t('settings.form.removeOption', { index: n })}
                    onPress={() => setOptions(draft.options.filter((_, i) => i !== index))}
                  >
                    ×
                  </Button>
                </div>
              </div>
            );
          })}
          <div>
            <Button
              variant="secondary"
              onPress={() =>
                setOptions([
                  ...draft.options,
                  { uid: nextUid(), key: '', labelFr: '', labelEn: '', keyTouched: false },
                ])
              }
            >
              {t('settings.form.addOption')}
            </Button>
          </div>
          {err('options') ? (
            <p id="field-options-error" className="hub-error-text">
              {err('options')}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <CustomFieldControl
        spec={{
          ...previewSpec,
          labelFr: t('settings.form.default'),
          labelEn: t('settings.form.default'),
          helpFr: t('settings.form.defaultHelp'),
          helpEn: t('settings.form.defaultHelp'),
        }}
        value={draft.defaultRaw}
        error={err('defaultValue')}
        onChange={(defaultRaw) => update({ defaultRaw }, 'defaultValue')}
        isDisabled={false}
      />
      {draft.labelFr.trim() ? (
        <section className="hub-fields__preview" aria-label={t('settings.fields.previewTitle')}>
          <p className="hub-note">{t('settings.fields.previewTitle')}</p>
          <CustomFieldControl
            spec={{ ...asDrafted, options: shownOptions }}
            value={preview}
            error={undefined}
            onChange={setPreview}
            isDisabled={false}
          />
        </section>
      ) : null}
      {conflict?.kind === 'version' ? (
        <div className="hub-warning" role="alert">
          <p>{t('settings.fields.conflict')}</p>
          <Button variant="secondary" onPress={() => void reload()}>
            {t('settings.fields.reload')}
          </Button>
        </div>
      ) : null}
      {conflict?.kind === 'values' ? (
        <div className="hub-warning" role="alert">
          <p>{t('settings.fields.valuesDoNotFit')}</p>
          <p>{conflict.detail}</p>
        </div>
      ) : null}
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('settings.form.saving')}>
          {current ? t('settings.form.save') : t('settings.form.create')}
        </Button>
      </div>
    </form>
  );
}
