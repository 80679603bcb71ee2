import type { Disbursement, Donation } from '@lakou/domain/fund';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { fieldProblems } from '../../api/events.ts';
import { createDisbursement, inKindGiftsQuery } from '../../api/fund.ts';
import { partnersQuery } from '../../api/queries.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import {
  DISBURSEMENT_AMOUNT_CODES,
  formatEuros,
  formProblems,
  fundToday,
  GOODS_CODES,
  giftsToPassOn,
  isCalendarDate,
  typedEurosToCents,
} from '../../lib/fund.ts';
import { useCentres } from '../useCentreNames.ts';
import { useSubFunds } from './parts.tsx';

type Beneficiary = 'centre' | 'partner';
type Kind = 'money' | 'goods';
type Errors = Record<string, string>;

/**
 * « Enregistrer un décaissement »: money given from a sub-fund, or gifts received in kind passed
 * on, on a decision of the board.
 */
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
  const [kind, setKind] = useState<Kind>('money');
  const [donationIds, setDonationIds] = useState<string[]>([]);
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
    const amountCents = typedEurosToCents(amount);
    if (kind === 'money') {
      if (!subFundId) found.subFundId = t('fund.newDisbursement.subFundRequired');
      if (amountCents === null) found.amountCents = t('fund.common.amountInvalid');
    } else if (donationIds.length === 0) {
      found.donationIds = t('fund.newDisbursement.giftsRequired');
    }
    if (purpose.trim().length < 3) found.purpose = t('fund.newDisbursement.purposeTooShort');
    if (!isCalendarDate(decisionOn)) found.decisionOn = t('fund.common.dateInvalid');
    if (decisionRef.trim().length < 2) found.decisionRef = t('fund.newDisbursement.refTooShort');
    if (!isCalendarDate(paidOn)) found.paidOn = t('fund.common.dateInvalid');
    else if (isCalendarDate(decisionOn) && paidOn < decisionOn)
      found.paidOn = t('fund.newDisbursement.paidBeforeDecision');
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0) return;
    const common = {
      centreId: beneficiary === 'centre' ? centreId : null,
      partnerId: beneficiary === 'partner' ? partnerId : null,
      purpose: purpose.trim(),
      decisionOn,
      decisionRef: decisionRef.trim(),
      paidOn,
    };
    setPending(true);
    try {
      const made =
        kind === 'money' && subFundId && amountCents !== null
          ? await createDisbursement({ kind: 'money', ...common, subFundId, amountCents })
          : await createDisbursement({ kind: 'goods', ...common, donationIds });
      await onCreated(made);
    } catch (error) {
      if (error instanceof ApiError) {
        const problems = formProblems(
          error.problem,
          kind === 'money' ? DISBURSEMENT_AMOUNT_CODES : GOODS_CODES,
        );
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
        value={kind}
        onChange={(value) => setKind(value as Kind)}
        isRequired
      >
        <Label className="lk-field__label">{t('fund.newDisbursement.kind')}</Label>
        <Radio value="money" className="hub-fund__radio">
          {t('fund.newDisbursement.money')}
        </Radio>
        <Radio value="goods" className="hub-fund__radio">
          {t('fund.newDisbursement.goods')}
        </Radio>
      </RadioGroup>
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
      {kind === 'goods' ? (
        <GiftsPicker chosen={donationIds} onChange={setDonationIds} error={errors.donationIds} />
      ) : null}
      {kind === 'money' ? (
        <>
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
        </>
      ) : null}
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

/**
 * The gifts received in kind that no goods disbursement lists yet, to tick; their valuations
 * make the disbursement's amount (the API sums them).
 */
function GiftsPicker({
  chosen,
  onChange,
  error,
}: {
  chosen: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const gifts = useQuery(inKindGiftsQuery());
  const open: Donation[] = gifts.data
    ? giftsToPassOn(gifts.data.gifts, gifts.data.passedOnIds)
    : [];
  const total = open
    .filter((g) => chosen.includes(g.id))
    .reduce((sum, g) => sum + g.amountCents, 0);
  return (
    <fieldset className="hub-fund__gifts" aria-describedby="disbursement-gifts-help">
      <legend className="lk-field__label">{t('fund.newDisbursement.gifts')}</legend>
      <p className="lk-field__description" id="disbursement-gifts-help">
        {t('fund.newDisbursement.giftsHelp')}
      </p>
      {gifts.isPending ? (
        <LoadingState label={t('fund.newDisbursement.loadingGifts')} lines={2} />
      ) : gifts.isError ? (
        <ErrorState
          title={t('fund.newDisbursement.giftsFailed')}
          detail={fieldProblems(gifts.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void gifts.refetch()}
        />
      ) : open.length === 0 ? (
        <EmptyState title={t('fund.newDisbursement.noGifts')} />
      ) : (
        <div className="hub-fund__gift-list">
          {open.map((g) => (
            <Checkbox
              key={g.id}
              label={t('fund.newDisbursement.giftOption', {
                description: g.description ?? '—',
                amount: formatEuros(g.amountCents, locale),
                date: formatDate(g.receivedOn, locale, { withWeekday: false }),
                donor: g.donorName ?? t('fund.newDisbursement.anonymous'),
              })}
              isSelected={chosen.includes(g.id)}
              onChange={(on) =>
                onChange(on ? [...chosen, g.id] : chosen.filter((id) => id !== g.id))
              }
            />
          ))}
        </div>
      )}
      {open.length > 0 ? (
        <p className="hub-note" aria-live="polite">
          {t('fund.newDisbursement.giftsTotal', {
            count: chosen.length,
            amount: formatEuros(total, locale),
          })}
        </p>
      ) : null}
      {error ? (
        <p className="hub-error-text" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
