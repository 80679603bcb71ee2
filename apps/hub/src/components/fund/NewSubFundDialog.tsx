import { type SubFund, type SubFundKind, subFundKinds } from '@lakou/domain/fund';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { createSubFund } from '../../api/fund.ts';
import {
  formProblems,
  normaliseSubFundCode,
  SUB_FUND_CODES,
  subFundDraftErrors,
} from '../../lib/fund.ts';
import { useCentres } from '../useCentreNames.ts';

const NO_CENTRE = 'none';
type Errors = Record<string, string>;

/** « Nouveau sous-fonds »: free money, money restricted to a purpose, or an endowment. */
export function NewSubFundDialog({
  isOpen,
  onClose,
  onCreated,
}: {
  isOpen: boolean;
  onClose: () => void;
  onCreated: (fund: SubFund) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('fund.newSubFund.title')}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {isOpen ? <NewSubFundForm onClose={onClose} onCreated={onCreated} /> : null}
    </Dialog>
  );
}

function NewSubFundForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (fund: SubFund) => Promise<void>;
}) {
  const { t } = useTranslation();
  const centres = useCentres();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SubFundKind>('restricted');
  const [purpose, setPurpose] = useState('');
  const [centreId, setCentreId] = useState(NO_CENTRE);
  const [consumable, setConsumable] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    const draft = {
      code,
      name,
      kind,
      purpose,
      // A centre restricts money only; the others never carry one.
      centreId: kind === 'restricted' && centreId !== NO_CENTRE ? centreId : null,
      consumable: kind === 'endowment' && consumable,
    };
    const found: Errors = {};
    for (const [field, error] of Object.entries(subFundDraftErrors(draft)))
      found[field] = t(`fund.newSubFund.errors.${error}`);
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const made = await createSubFund({
        ...draft,
        code: normaliseSubFundCode(code),
        name: name.trim(),
        purpose: purpose.trim() || null,
      });
      await onCreated(made);
    } catch (error) {
      if (error instanceof ApiError) {
        const problems = formProblems(error.problem, SUB_FUND_CODES);
        // « Le code … est déjà pris » is said on the code field, not twice.
        const codeTaken = error.problem.code === 'CODE_TAKEN';
        setErrors(
          codeTaken
            ? { ...problems.fields, code: problems.fields.code ?? problems.detail ?? '' }
            : problems.fields,
        );
        setDetail(codeTaken ? null : problems.detail);
      } else {
        setDetail(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label={t('fund.newSubFund.code')}
        description={t('fund.newSubFund.codeHelp')}
        value={code}
        onChange={(value) => setCode(value.toUpperCase())}
        isRequired
        maxLength={24}
        autoComplete="off"
        isInvalid={Boolean(errors.code)}
        errorMessage={errors.code}
      />
      <TextField
        label={t('fund.newSubFund.name')}
        value={name}
        onChange={setName}
        isRequired
        maxLength={120}
        isInvalid={Boolean(errors.name)}
        errorMessage={errors.name}
      />
      <RadioGroup
        className="hub-fund__choice"
        value={kind}
        onChange={(value) => setKind(value as SubFundKind)}
        isRequired
      >
        <Label className="lk-field__label">{t('fund.newSubFund.kind')}</Label>
        {subFundKinds.map((k) => (
          <Radio key={k} value={k} className="hub-fund__radio">
            {t(`fund.newSubFund.kinds.${k}`)}
          </Radio>
        ))}
      </RadioGroup>
      <TextField
        label={t('fund.newSubFund.purpose')}
        description={
          kind === 'restricted'
            ? t('fund.newSubFund.purposeRestrictedHelp')
            : t('fund.newSubFund.purposeHelp')
        }
        isMultiline
        value={purpose}
        onChange={setPurpose}
        isRequired={kind === 'restricted' && centreId === NO_CENTRE}
        maxLength={500}
        isInvalid={Boolean(errors.purpose)}
        errorMessage={errors.purpose}
      />
      {kind === 'restricted' ? (
        <SelectField
          label={t('fund.newSubFund.centre')}
          description={t('fund.newSubFund.centreHelp')}
          options={[
            { id: NO_CENTRE, label: t('fund.newSubFund.noCentre') },
            ...centres.map((c) => ({ id: c.id, label: c.name })),
          ]}
          selectedKey={centreId}
          onSelectionChange={(key) => setCentreId(String(key ?? NO_CENTRE))}
          isInvalid={Boolean(errors.centreId)}
          errorMessage={errors.centreId}
        />
      ) : null}
      {kind === 'endowment' ? (
        <Checkbox
          label={t('fund.newSubFund.consumable')}
          description={t('fund.newSubFund.consumableHelp')}
          isSelected={consumable}
          onChange={setConsumable}
          isInvalid={Boolean(errors.consumable)}
          errorMessage={errors.consumable}
        />
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
        <Button type="submit" isPending={isPending} pendingLabel={t('fund.common.saving')}>
          {t('fund.newSubFund.submit')}
        </Button>
      </div>
    </form>
  );
}
