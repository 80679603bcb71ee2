import { type CoworkingPass, PASS_KINDS, type PassKind, passKinds } from '@lakou/domain/coworking';
import type { Centre } from '@lakou/domain/network';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { sellPass } from '../../api/coworking.ts';
import { fieldProblems } from '../../api/events.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { centsToEuroText, eurosToCents } from '../../lib/coworking.ts';
import { todayIn } from '../../lib/events.ts';

/** What the dialog opens with: empty, or the holder of a spent pass. */
export interface SellPrefill {
  holderName: string;
  holderEmail: string;
}

interface SellPassDialogProps {
  centre: Centre;
  /** `null` keeps the dialog closed. */
  prefill: SellPrefill | null;
  onClose: () => void;
  onSold: (pass: CoworkingPass) => Promise<void>;
}

/** « Vendre un pass »: a day, a carnet of 10 days or a month, at its price or another. */
export function SellPassDialog(props: SellPassDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={props.prefill !== null}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={t('coworking.sell.title')}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {props.prefill ? <SellPassForm {...props} prefill={props.prefill} /> : null}
    </Dialog>
  );
}

type FieldErrors = Partial<
  Record<'kind' | 'holderName' | 'holderEmail' | 'validFrom' | 'priceCents', string>
>;

function SellPassForm({
  centre,
  prefill,
  onClose,
  onSold,
}: SellPassDialogProps & { prefill: SellPrefill }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [kind, setKind] = useState<PassKind>('day');
  const [holderName, setHolderName] = useState(prefill.holderName);
  const [holderEmail, setHolderEmail] = useState(prefill.holderEmail);
  const [validFrom, setValidFrom] = useState(() => todayIn(centre.timeZone));
  const [price, setPrice] = useState(() =>
    centsToEuroText(PASS_KINDS.day.defaultPriceCents, locale),
  );
  const [priceTouched, setPriceTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const chooseKind = (next: PassKind) => {
    setKind(next);
    // A price typed by hand stays; otherwise it follows the kind.
    if (!priceTouched) setPrice(centsToEuroText(PASS_KINDS[next].defaultPriceCents, locale));
  };

  const save = async () => {
    setDetail(null);
    const priceCents = eurosToCents(price);
    if (priceCents === null) {
      setErrors({ priceCents: t('coworking.sell.priceInvalid') });
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const pass = await sellPass({
        centreId: centre.id,
        kind,
        holderName: holderName.trim(),
        holderEmail: holderEmail.trim() || null,
        validFrom,
        priceCents,
      });
      await onSold(pass);
    } catch (error) {
      const problems = fieldProblems(error);
      setErrors(problems.fields as FieldErrors);
      setDetail(problems.detail);
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
        className="hub-coworking__kinds"
        value={kind}
        onChange={(value) => chooseKind(value as PassKind)}
        isInvalid={Boolean(errors.kind)}
        isRequired
      >
        <Label className="lk-field__label">{t('coworking.sell.kind')}</Label>
        {passKinds.map((k) => {
          const rule = PASS_KINDS[k];
          return (
            <Radio key={k} value={k} className="hub-coworking__kind">
              <span className="hub-coworking__kind-mark" aria-hidden="true" />
              <span className="hub-coworking__kind-text">
                <span className="hub-coworking__kind-label">{t(`coworking.kinds.${k}.label`)}</span>
                <span className="hub-coworking__kind-price">
                  {formatCents(rule.defaultPriceCents, locale)}
                </span>
                <span className="hub-coworking__kind-rule">{t(`coworking.kinds.${k}.rule`)}</span>
              </span>
            </Radio>
          );
        })}
        {errors.kind ? <p className="hub-error-text">{errors.kind}</p> : null}
      </RadioGroup>
      <TextField
        label={t('coworking.sell.holderName')}
        value={holderName}
        onChange={setHolderName}
        isRequired
        maxLength={120}
        autoComplete="off"
        isInvalid={Boolean(errors.holderName)}
        errorMessage={errors.holderName}
      />
      <TextField
        label={t('coworking.sell.holderEmail')}
        description={t('coworking.sell.holderEmailHelp')}
        type="email"
        inputMode="email"
        value={holderEmail}
        onChange={setHolderEmail}
        maxLength={254}
        autoComplete="off"
        isInvalid={Boolean(errors.holderEmail)}
        errorMessage={errors.holderEmail}
      />
      <TextField
        label={t('coworking.sell.validFrom')}
        description={t('coworking.sell.validFromHelp', { zone: centre.timeZone })}
        type="date"
        value={validFrom}
        onChange={setValidFrom}
        isRequired
        isInvalid={Boolean(errors.validFrom)}
        errorMessage={errors.validFrom}
      />
      <TextField
        label={t('coworking.sell.price')}
        description={t('coworking.sell.priceHelp', {
          price: formatCents(PASS_KINDS[kind].defaultPriceCents, locale),
        })}
        inputMode="decimal"
        value={price}
        onChange={(value) => {
          setPrice(value);
          setPriceTouched(true);
        }}
        isRequired
        maxLength={12}
        isInvalid={Boolean(errors.priceCents)}
        errorMessage={errors.priceCents}
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
        <Button type="submit" isPending={isPending} pendingLabel={t('coworking.saving')}>
          {t('coworking.sell.submit')}
        </Button>
      </div>
    </form>
  );
}
