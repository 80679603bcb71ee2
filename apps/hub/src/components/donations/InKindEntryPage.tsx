import {
  type Donation,
  inKindCategories,
  inKindConditions,
  inKindUnits,
  parseEuros,
  valuationMethods,
} from '@lakou/domain/fund';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDonation, donationKeys, refusalOf } from '../../api/donations.ts';
import { partnersQuery } from '../../api/queries.ts';
import { useCan, useMe } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { defaultReceivingCentre, kilogramsToGrams, recordsMass } from '../../lib/donations.ts';
import { todayIn } from '../../lib/events.ts';
import { NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { initialRawValues } from '../custom-fields/customFieldForm.ts';
import { useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';
import { useInKindCategories } from '../lists/useListItems.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useCentres } from '../useCentreNames.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { GiftReceipt } from './GiftReceipt.tsx';
import { useGiftDonor } from './useGiftDonor.tsx';
import './donations.css';

const NO_PARTNER = 'none';

type Field =
  | 'donorId'
  | 'receivedOn'
  | 'description'
  | 'category'
  | 'quantity'
  | 'unit'
  | 'condition'
  | 'valuationCents'
  | 'valuationMethod'
  | 'evidence'
  | 'centreId'
  | 'partnerId'
  | 'massGrams'
  | 'note';
type FieldErrors = Partial<Record<Field, string>>;

interface Draft {
  receivedOn: string;
  description: string;
  category: string;
  quantity: string;
  unit: (typeof inKindUnits)[number];
  condition: (typeof inKindConditions)[number];
  valuation: string;
  valuationMethod: (typeof valuationMethods)[number];
  evidence: string;
  centreId: string;
  partnerId: string;
  mass: string;
  note: string;
}

function emptyDraft(centreId: string): Draft {
  return {
    receivedOn: todayIn(NETWORK_TIME_ZONE),
    description: '',
    category: '',
    quantity: '1',
    unit: 'piece',
    condition: 'good',
    valuation: '',
    valuationMethod: 'market_value',
    evidence: '',
    centreId,
    partnerId: NO_PARTNER,
    mass: '',
    note: '',
  };
}

/**
 * A gift in kind: what the goods are, how many, in what state, what they are worth and why,
 * the centre that received them (the manager's own by default), the partner association they
 * went on to, and for a circular-economy stream their mass in kilograms.
 */
export function InKindEntryPage() {
  const { t } = useTranslation();
  const categories = useInKindCategories();
  const { locale, language } = useLocale();
  const queryClient = useQueryClient();
  const can = useCan();
  const me = useMe();
  const centres = useCentres().filter((c) => can('donation.write', { centreId: c.id }));
  const partners = useQuery(partnersQuery({ kind: 'association', pageSize: 100 }));
  useDocumentTitle(t('donations.inKind.title'));

  const myCentre = defaultReceivingCentre(me?.roles) ?? '';
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(myCentre));
  const { choice, resolveDonor, clearDonorErrors, startOver, fields } = useGiftDonor({
    keepCreatedOnSameName: false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const [saved, setSaved] = useState<{ donation: Donation; donorName: string | null } | null>(null);

  // The session may load after the first render: the manager's centre then becomes the default.
  const centreId =
    draft.centreId || myCentre || (centres.length === 1 ? (centres[0]?.id ?? '') : '');
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const withMass = recordsMass(draft.category || null);
  // The in-kind fields of the receiving centre (the network's and that centre's).
  const custom = useCustomFieldsForm({
    entity: 'in_kind_donation',
    centreId: centreId || undefined,
    mode: 'create',
  });

  const save = async () => {
    setDetail(null);
    const next: FieldErrors = {};
    const valuationCents = parseEuros(draft.valuation);
    const quantity = /^\d{1,7}$/.test(draft.quantity.trim()) ? Number(draft.quantity.trim()) : null;
    const massGrams = withMass && draft.mass.trim() ? kilogramsToGrams(draft.mass) : null;
    if (!choice) next.donorId = t('donations.money.donorRequired');
    if (!draft.category) next.category = t('donations.inKind.categoryRequired');
    if (quantity === null || quantity < 1) next.quantity = t('donations.inKind.quantityInvalid');
    if (valuationCents === null || valuationCents <= 0)
      next.valuationCents = t('donations.inKind.valuationInvalid');
    if (!centreId) next.centreId = t('donations.inKind.centreRequired');
    if (withMass && draft.mass.trim() && massGrams === null)
      next.massGrams = t('donations.inKind.massInvalid');
    setErrors(next);
    clearDonorErrors();
    const checked = custom.check();
    if (
      !checked.ok ||
      Object.keys(next).length > 0 ||
      !choice ||
      !draft.category ||
      quantity === null ||
      valuationCents === null
    )
      return;
    setPending(true);
    try {
      const giftDonor = await resolveDonor(choice, setDetail);
      if (!giftDonor) return;
      const { donorId, donorName } = giftDonor;
      const donation = await createDonation({
        kind: 'in_kind',
        donorId,
        receivedOn: draft.receivedOn,
        description: draft.description.trim(),
        category: draft.category,
        quantity,
        unit: draft.unit,
        condition: draft.condition,
        valuationCents,
        valuationMethod: draft.valuationMethod,
        evidence: draft.evidence.trim(),
        centreId,
        partnerId: draft.partnerId === NO_PARTNER ? null : draft.partnerId,
        massGrams,
        note: draft.note.trim() || null,
        custom: checked.values,
      });
      setSaved({ donation, donorName });
      setDraft(emptyDraft(centreId));
      for (const [key, value] of Object.entries(
        initialRawValues(custom.definitions, undefined, language),
      )) {
        custom.setValue(key, value);
      }
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

  const text = (
    key: 'description' | 'quantity' | 'valuation' | 'evidence' | 'mass' | 'note',
    field: Field,
    props: object,
  ) => (
    <TextField
      label={t(`donations.inKind.${key}`)}
      value={draft[key]}
      onChange={(value) => set(key, value)}
      autoComplete="off"
      isInvalid={Boolean(errors[field])}
      errorMessage={errors[field]}
      {...props}
    />
  );

  return (
    <div className="hub-page hub-donations">
      <p className="hub-back">
        <RouterLink to="/donations">
          <span aria-hidden="true">← </span>
          {t('donations.title')}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('donations.inKind.title')}</h1>
        <p className="hub-page__lead">{t('donations.inKind.lead')}</p>
      </header>

      <div className="hub-live" role="status">
        {saved ? (
          <div className="hub-notice">
            <p className="hub-notice__title">
              {t('donations.inKind.saved', {
                description: saved.donation.description ?? '',
                amount: formatCents(saved.donation.amountCents, locale),
              })}
            </p>
            <GiftReceipt donation={{ ...saved.donation, donorName: saved.donorName }} canWrite />
          </div>
        ) : null}
      </div>

      <Card title={t('donations.inKind.formTitle')}>
        <form
          className="hub-form hub-donations__form"
          aria-label={t('donations.inKind.formTitle')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {fields(errors.donorId)}
          {text('description', 'description', {
            isRequired: true,
            isMultiline: true,
            maxLength: 500,
            description: t('donations.inKind.descriptionHelp'),
          })}
          <div className="hub-donations__row">
            <SelectField
              label={t('donations.inKind.category')}
              options={
                categories.options ??
                inKindCategories.map((c) => ({
                  id: c,
                  label: t(`donations.categories.${c}`),
                }))
              }
              selectedKey={draft.category || null}
              onSelectionChange={(key) => set('category', key === null ? '' : String(key))}
              isRequired
              isInvalid={Boolean(errors.category)}
              errorMessage={errors.category}
            />
            <SelectField
              label={t('donations.inKind.condition')}
              options={inKindConditions.map((c) => ({
                id: c,
                label: t(`donations.conditions.${c}`),
              }))}
              selectedKey={draft.condition}
              onSelectionChange={(key) => set('condition', (key ?? 'good') as Draft['condition'])}
              isRequired
              isInvalid={Boolean(errors.condition)}
              errorMessage={errors.condition}
            />
          </div>
          <div className="hub-donations__row">
            {text('quantity', 'quantity', { isRequired: true, inputMode: 'numeric', maxLength: 7 })}
            <SelectField
              label={t('donations.inKind.unit')}
              options={inKindUnits.map((u) => ({ id: u, label: t(`donations.units.${u}`) }))}
              selectedKey={draft.unit}
              onSelectionChange={(key) => set('unit', (key ?? 'piece') as Draft['unit'])}
              isRequired
              isInvalid={Boolean(errors.unit)}
              errorMessage={errors.unit}
            />
            {withMass
              ? text('mass', 'massGrams', {
                  inputMode: 'decimal',
                  maxLength: 14,
                  description: t('donations.inKind.massHelp'),
                })
              : null}
          </div>
          <div className="hub-donations__row">
            {text('valuation', 'valuationCents', {
              isRequired: true,
              inputMode: 'decimal',
              maxLength: 16,
              description: t('donations.inKind.valuationHelp'),
            })}
            <SelectField
              label={t('donations.inKind.valuationMethod')}
              options={valuationMethods.map((m) => ({
                id: m,
                label: t(`donations.valuationMethods.${m}`),
              }))}
              selectedKey={draft.valuationMethod}
              onSelectionChange={(key) =>
                set('valuationMethod', (key ?? 'market_value') as Draft['valuationMethod'])
              }
              isRequired
              isInvalid={Boolean(errors.valuationMethod)}
              errorMessage={errors.valuationMethod}
            />
          </div>
          {text('evidence', 'evidence', {
            isRequired: true,
            maxLength: 500,
            description: t('donations.inKind.evidenceHelp'),
          })}
          <div className="hub-donations__row">
            <SelectField
              label={t('donations.inKind.centre')}
              options={centres.map((c) => ({ id: c.id, label: c.name }))}
              selectedKey={centreId || null}
              onSelectionChange={(key) => set('centreId', String(key ?? ''))}
              isRequired
              isInvalid={Boolean(errors.centreId)}
              errorMessage={errors.centreId}
            />
            <SelectField
              label={t('donations.inKind.partner')}
              description={t('donations.inKind.partnerHelp')}
              options={[
                { id: NO_PARTNER, label: t('donations.inKind.noPartner') },
                ...(partners.data?.items ?? []).map((p) => ({ id: p.id, label: p.name })),
              ]}
              selectedKey={draft.partnerId}
              onSelectionChange={(key) => set('partnerId', String(key ?? NO_PARTNER))}
              isInvalid={Boolean(errors.partnerId)}
              errorMessage={errors.partnerId}
            />
            <TextField
              label={t('donations.money.receivedOn')}
              type="date"
              value={draft.receivedOn}
              onChange={(value) => set('receivedOn', value)}
              isRequired
              isInvalid={Boolean(errors.receivedOn)}
              errorMessage={errors.receivedOn}
            />
          </div>
          {text('note', 'note', { isMultiline: true, maxLength: 1000 })}
          <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
          {detail ? (
            <p className="hub-error-text" role="alert">
              {detail}
            </p>
          ) : null}
          <div className="hub-form__actions">
            <Button type="submit" isPending={isPending} pendingLabel={t('donations.saving')}>
              {t('donations.inKind.submit')}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
