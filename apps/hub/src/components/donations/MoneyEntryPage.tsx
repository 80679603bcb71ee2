import { type Donation, type PaymentMethod, parseEuros, paymentMethods } from '@lakou/domain/fund';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { ErrorState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDonation, donationKeys, refusalOf, subFundsQuery } from '../../api/donations.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { nextMoneyEntry } from '../../lib/donations.ts';
import { todayIn } from '../../lib/events.ts';
import { formatDate, NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { GiftReceipt } from './GiftReceipt.tsx';
import { useGiftDonor } from './useGiftDonor.tsx';
import './donations.css';

type FieldErrors = Partial<
  Record<'donorId' | 'amountCents' | 'receivedOn' | 'method' | 'subFundId' | 'reference', string>
>;

interface TypedGift {
  donation: Donation;
  donorName: string | null;
}

/**
 * Typing a stack of cheques with the keyboard only: donor (search as you type, or a new donor
 * inline), amount, Enter. The date, the method and the sub-fund stay for the next cheque, focus
 * goes back to the donor, and what was typed is listed below with its receipt.
 */
export function MoneyEntryPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const subFunds = useQuery(subFundsQuery());
  useDocumentTitle(t('donations.money.title'));

  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => todayIn(NETWORK_TIME_ZONE));
  const [method, setMethod] = useState<PaymentMethod>('cheque');
  const [subFundId, setSubFundId] = useState('');
  const [reference, setReference] = useState('');
  const { choice, resolveDonor, clearDonorErrors, startOver, fields } = useGiftDonor({
    keepCreatedOnSameName: true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const [typed, setTyped] = useState<TypedGift[]>([]);
  const [notice, setNotice] = useState('');
  // The network's donation fields; their values stay for the next cheque, as the date does.
  const custom = useCustomFieldsForm({ entity: 'donation', centreId: null, mode: 'create' });

  // The unrestricted « Fonds libre » first: most gifts go there.
  const funds = subFunds.data ?? [];
  const defaultFund =
    funds.find((f) => f.code === 'LIBRE') ?? funds.find((f) => f.kind === 'unrestricted');
  const chosenFund = subFundId || defaultFund?.id || '';

  const save = async () => {
    setDetail(null);
    setNotice('');
    const next: FieldErrors = {};
    const amountCents = parseEuros(amount);
    if (!choice) next.donorId = t('donations.money.donorRequired');
    if (amountCents === null || amountCents <= 0)
      next.amountCents = t('donations.money.amountInvalid');
    if (!chosenFund) next.subFundId = t('donations.money.subFundRequired');
    if (!receivedOn) next.receivedOn = t('donations.money.dateRequired');
    setErrors(next);
    clearDonorErrors();
    const checked = custom.check();
    if (Object.keys(next).length > 0 || amountCents === null || !choice || !checked.ok) return;
    setPending(true);
    try {
      const giftDonor = await resolveDonor(choice, setDetail);
      if (!giftDonor) return;
      const { donorId, donorName } = giftDonor;
      const donation = await createDonation({
        kind: 'money',
        donorId,
        receivedOn,
        amountCents,
        method,
        subFundId: chosenFund,
        reference: reference.trim() || null,
        custom: checked.values,
      });
      setTyped((list) => [{ donation, donorName }, ...list]);
      setNotice(
        t('donations.money.saved', {
          amount: formatCents(donation.amountCents, locale),
          name: donorName ?? t('donations.picker.anonymous'),
        }),
      );
      const kept = nextMoneyEntry({ receivedOn, method, subFundId: chosenFund });
      setSubFundId(kept.subFundId);
      setAmount(kept.amount);
      setReference(kept.reference);
      startOver();
      await queryClient.invalidateQueries({ queryKey: donationKeys.all });
    } catch (error) {
      const refusal = refusalOf(error);
      custom.showProblems(error);
      setErrors(refusal.fields as FieldErrors);
      setDetail(refusal.detail);
    } finally {
      setPending(false);
    }
  };

  const total = typed.reduce((sum, g) => sum + g.donation.amountCents, 0);

  return (
    <div className="hub-page hub-donations">
      <p className="hub-back">
        <RouterLink to="/donations">
          <span aria-hidden="true">← </span>
          {t('donations.title')}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('donations.money.title')}</h1>
        <p className="hub-page__lead">{t('donations.money.lead')}</p>
      </header>

      {subFunds.isError ? (
        <ErrorState
          title={t('donations.subFundsFailed')}
          detail={refusalOf(subFunds.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void subFunds.refetch()}
        />
      ) : null}

      <Card title={t('donations.money.formTitle')}>
        <form
          className="hub-form hub-donations__form"
          aria-label={t('donations.money.formTitle')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {fields(errors.donorId)}
          <div className="hub-donations__row">
            <TextField
              label={t('donations.money.amount')}
              description={t('donations.money.amountHelp')}
              inputMode="decimal"
              value={amount}
              onChange={setAmount}
              isRequired
              maxLength={16}
              autoComplete="off"
              isInvalid={Boolean(errors.amountCents)}
              errorMessage={errors.amountCents}
            />
            <TextField
              label={t('donations.money.reference')}
              description={t('donations.money.referenceHelp')}
              value={reference}
              onChange={setReference}
              maxLength={80}
              autoComplete="off"
              isInvalid={Boolean(errors.reference)}
              errorMessage={errors.reference}
            />
          </div>
          <div className="hub-donations__row">
            <TextField
              label={t('donations.money.receivedOn')}
              type="date"
              value={receivedOn}
              onChange={setReceivedOn}
              isRequired
              isInvalid={Boolean(errors.receivedOn)}
              errorMessage={errors.receivedOn}
            />
            <SelectField
              label={t('donations.money.method')}
              options={paymentMethods.map((m) => ({ id: m, label: t(`donations.methods.${m}`) }))}
              selectedKey={method}
              onSelectionChange={(key) => setMethod((key ?? 'cheque') as PaymentMethod)}
              isRequired
              isInvalid={Boolean(errors.method)}
              errorMessage={errors.method}
            />
            <SelectField
              label={t('donations.money.subFund')}
              options={funds.map((f) => ({ id: f.id, label: `${f.name} (${f.code})` }))}
              selectedKey={chosenFund || null}
              onSelectionChange={(key) => setSubFundId(String(key ?? ''))}
              isRequired
              isInvalid={Boolean(errors.subFundId)}
              errorMessage={errors.subFundId}
            />
          </div>
          <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
          {detail ? (
            <p className="hub-error-text" role="alert">
              {detail}
            </p>
          ) : null}
          <div className="hub-form__actions">
            <Button type="submit" isPending={isPending} pendingLabel={t('donations.saving')}>
              {t('donations.money.submit')}
            </Button>
          </div>
          <p className="hub-note">{t('donations.money.keptNote')}</p>
        </form>
      </Card>

      <p className="hub-live hub-success-text" role="status">
        {notice}
      </p>

      <Card title={t('donations.money.typedTitle')}>
        {typed.length === 0 ? (
          <p className="hub-muted">{t('donations.money.typedEmpty')}</p>
        ) : (
          <>
            <p className="hub-results">
              {t('donations.money.typedTotal', {
                count: typed.length,
                total: formatCents(total, locale),
              })}
            </p>
            <ul className="hub-donations__typed" aria-label={t('donations.money.typedTitle')}>
              {typed.map(({ donation, donorName }) => (
                <li key={donation.id} className="hub-donations__typed-item">
                  <span className="hub-donations__typed-who">
                    {donorName ?? t('donations.picker.anonymous')}
                  </span>
                  <span>{formatCents(donation.amountCents, locale)}</span>
                  <span>
                    {donation.method ? t(`donations.methods.${donation.method}`) : null}
                    {donation.reference ? ` ${donation.reference}` : null}
                  </span>
                  <span>{formatDate(donation.receivedOn, locale, { withWeekday: false })}</span>
                  <GiftReceipt donation={{ ...donation, donorName }} canWrite />
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}
