import type { Disbursement } from '@lakou/domain/fund';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { createDisbursement } from '../../api/fund.ts';
import { partnersQuery } from '../../api/queries.ts';
import { useLocale } from '../../i18n/index.ts';
import {
  DISBURSEMENT_AMOUNT_CODES,
  formatEuros,
  formProblems,
  fundToday,
  isCalendarDate,
  typedEurosToCents,
} from '../../lib/fund.ts';
import { useCentres } from '../useCentreNames.ts';
import { useSubFunds } from './parts.tsx';

type Beneficiary = 'centre' | 'partner';
type Errors = Record<string, string>;

/** « Enregistrer un décaissement »: money given on a decision of the board. */
export function NewDisbursementDialog({
  isOpen,
  onClose,
  onCreated,
}: {
  isOpen: boolean;
  onClose: () => void;
  onCreated: (disbursement: Disbursement) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('fund.newDisbursement.title')}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {isOpen ? <NewDisbursementForm onClose={onClose} onCreated={onCreated} /> : null}
    </Dialog>
  );
}

function NewDisbursementForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (disbursement: Disbursement) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const centres = useCentres();
  const partners = useQuery(partnersQuery({ pageSize: 100 }));
  const { funds } = useSubFunds();
  const [beneficiary, setBeneficiary] = useState<Beneficiary>('centre');
  const [centreId, setCentreId] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [subFundId, setSubFundId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState('');
  const [decisionOn, setDecisionOn] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [paidOn, setPaidOn] = useState(fundToday);
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const chosenFund = funds.find((f) => f.id === subFundId);

  const save = async () => {
    const found: Errors = {};
    const who = beneficiary === 'centre' ? centreId : partnerId;
    if (!who) found.centreId = t('fund.newDisbursement.beneficiaryRequired');
    if (!subFundId) found.subFundId = t('fund.newDisbursement.subFundRequired');
    const amountCents = typedEurosToCents(amount);
    if (amountCents === null) found.amountCents = t('fund.common.amountInvalid');
    if (purpose.trim().length < 3) found.purpose = t('fund.newDisbursement.purposeTooShort');
    if (!isCalendarDate(decisionOn)) found.decisionOn = t('fund.common.dateInvalid');
    if (decisionRef.trim().length < 2) found.decisionRef = t('fund.newDisbursement.refTooShort');
    if (!isCalendarDate(paidOn)) found.paidOn = t('fund.common.dateInvalid');
    else if (isCalendarDate(decisionOn) && paidOn < decisionOn)
      found.paidOn = t('fund.newDisbursement.paidBeforeDecision');
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0 || !subFundId || amountCents === null) return;
    setPending(true);
    try {
      const made = await createDisbursement({
        kind: 'money',
        centreId: beneficiary === 'centre' ? centreId : null,
        partnerId: beneficiary === 'partner' ? partnerId : null,
        subFundId,
        amountCents,
        purpose: purpose.trim(),
        decisionOn,
        decisionRef: decisionRef.trim(),
        paidOn,
      });
      await onCreated(made);
    } catch (error) {
      if (error instanceof ApiError) {
        const problems = formProblems(error.problem, DISBURSEMENT_AMOUNT_CODES);
        setErrors(problems.fields);
        setDetail(problems.detail);
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
      <RadioGroup
        className="hub-fund__choice"
        value={beneficiary}
        onChange={(value) => setBeneficiary(value as Beneficiary)}
        isRequired
      >
        <Label className="lk-field__label">{t('fund.newDisbursement.beneficiaryKind')}</Label>
        <Radio value="centre" className="hub-fund__radio">
          {t('fund.newDisbursement.toCentre')}
        </Radio>
        <Radio value="partner" className="hub-fund__radio">
          {t('fund.newDisbursement.toPartner')}
        </Radio>
      </RadioGroup>
      {beneficiary === 'centre' ? (
        <SelectField
          label={t('fund.newDisbursement.centre')}
          placeholder={t('fund.common.choose')}
          options={centres.map((c) => ({ id: c.id, label: c.name }))}
          selectedKey={centreId}
          onSelectionChange={(key) => setCentreId(key === null ? null : String(key))}
          isRequired
          isInvalid={Boolean(errors.centreId)}
          errorMessage={errors.centreId}
        />
      ) : (
        <SelectField
          label={t('fund.newDisbursement.partner')}
          placeholder={t('fund.common.choose')}
          options={(partners.data?.items ?? []).map((p) => ({ id: p.id, label: p.name }))}
          selectedKey={partnerId}
          onSelectionChange={(key) => setPartnerId(key === null ? null : String(key))}
          isRequired
          isInvalid={Boolean(errors.centreId ?? errors.partnerId)}
          errorMessage={errors.centreId ?? errors.partnerId}
        />
      )}
      <SelectField
        label={t('fund.newDisbursement.subFund')}
        placeholder={t('fund.common.choose')}
        options={funds.map((f) => ({
          id: f.id,
          label: t('fund.newDisbursement.subFundOption', {
            name: f.name,
            amount: formatEuros(f.availableCents, locale),
          }),
        }))}
        selectedKey={subFundId}
        onSelectionChange={(key) => setSubFundId(key === null ? null : String(key))}
        isRequired
        isInvalid={Boolean(errors.subFundId)}
        errorMessage={errors.subFundId}
      />
      <TextField
        label={t('fund.newDisbursement.amount')}
        description={
          chosenFund
            ? t('fund.newDisbursement.amountHelp', {
                amount: formatEuros(chosenFund.availableCents, locale),
              })
            : t('fund.common.amountHelp')
        }
        inputMode="decimal"
        value={amount}
        onChange={setAmount}
        isRequired
        maxLength={16}
        isInvalid={Boolean(errors.amountCents)}
        errorMessage={errors.amountCents}
      />
      <TextField
        label={t('fund.newDisbursement.purpose')}
        isMultiline
        value={purpose}
        onChange={setPurpose}
        isRequired
        maxLength={500}
        isInvalid={Boolean(errors.purpose)}
        errorMessage={errors.purpose}
      />
      <TextField
        label={t('fund.newDisbursement.decisionOn')}
        type="date"
        value={decisionOn}
        onChange={setDecisionOn}
        isRequired
        isInvalid={Boolean(errors.decisionOn)}
        errorMessage={errors.decisionOn}
      />
      <TextField
        label={t('fund.newDisbursement.decisionRef')}
        description={t('fund.newDisbursement.decisionRefHelp')}
        value={decisionRef}
        onChange={setDecisionRef}
        isRequired
        maxLength={80}
        isInvalid={Boolean(errors.decisionRef)}
        errorMessage={errors.decisionRef}
      />
      <TextField
        label={t('fund.newDisbursement.paidOn')}
        type="date"
        value={paidOn}
        onChange={setPaidOn}
        isRequired
        isInvalid={Boolean(errors.paidOn)}
        errorMessage={errors.paidOn}
      />
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
          {t('fund.newDisbursement.submit')}
        </Button>
      </div>
    </form>
  );
}
