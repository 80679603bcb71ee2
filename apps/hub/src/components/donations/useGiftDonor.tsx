import type { Donor } from '@lakou/domain/fund';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createDonor, refusalOf } from '../../api/donations.ts';
import { type DonorFieldErrors, DonorFields, emptyDonorDraft, inputOf } from './DonorFields.tsx';
import { type DonorChoice, DonorPicker } from './DonorPicker.tsx';

/** Who a gift is saved under: `donorId` null for an anonymous gift. */
export interface GiftDonor {
  donorId: string | null;
  donorName: string | null;
}

/**
 * The donor of a gift being typed (money or in kind): the picker's choice, the new donor's
 * fields, and the donor created by a save that then failed, reused on the retry.
 * `keepCreatedOnSameName`: choosing « new donor » again with the same name keeps that donor.
 */
export function useGiftDonor({ keepCreatedOnSameName }: { keepCreatedOnSameName: boolean }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<DonorChoice>(null);
  const [newDonor, setNewDonor] = useState(emptyDonorDraft());
  // A donor created by a save that then failed is reused on the retry, never created twice.
  const [createdDonor, setCreatedDonor] = useState<Donor | null>(null);
  const [donorErrors, setDonorErrors] = useState<DonorFieldErrors>({});
  const [focusTick, setFocusTick] = useState(0);
  const donorInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusTick > 0) donorInput.current?.focus();
  }, [focusTick]);

  const chooseDonor = (next: DonorChoice) => {
    setChoice(next);
    if (
      next?.kind === 'new' &&
      (!keepCreatedOnSameName || createdDonor === null || createdDonor.name !== next.name)
    ) {
      setCreatedDonor(null);
      setNewDonor((draft) => ({ ...draft, name: next.name }));
    }
  };

  /**
   * The donor to save the gift under, creating the new one if need be. Undefined when that
   * creation is refused: its field errors are shown and `onRefused` gets the detail.
   */
  const resolveDonor = async (
    chosen: NonNullable<DonorChoice>,
    onRefused: (detail: string | null) => void,
  ): Promise<GiftDonor | undefined> => {
    if (chosen.kind === 'donor') return { donorId: chosen.donor.id, donorName: chosen.donor.name };
    if (chosen.kind !== 'new') return { donorId: null, donorName: null };
    let donor = createdDonor;
    if (!donor) {
      try {
        donor = await createDonor(inputOf(newDonor));
      } catch (error) {
        const refusal = refusalOf(error);
        setDonorErrors(refusal.fields as DonorFieldErrors);
        onRefused(refusal.detail);
        return undefined;
      }
      setCreatedDonor(donor);
    }
    return { donorId: donor.id, donorName: donor.name };
  };

  /** After a saved gift: no donor chosen, and the focus back on the picker for the next one. */
  const startOver = () => {
    setChoice(null);
    setNewDonor(emptyDonorDraft());
    setCreatedDonor(null);
    setFocusTick((n) => n + 1);
  };

  /** The donor picker, and the new donor's fields when « new donor » is chosen. */
  const fields = (errorMessage: string | undefined) => (
    <>
      <DonorPicker
        label={t('donations.money.donor')}
        description={t('donations.money.donorHelp')}
        choice={choice}
        onChoiceChange={chooseDonor}
        allowNew
        isRequired
        errorMessage={errorMessage}
        inputRef={donorInput}
        autoFocus
      />
      {choice?.kind === 'new' ? (
        <fieldset className="hub-donations__new-donor">
          <legend>{t('donations.money.newDonorLegend')}</legend>
          <p className="hub-note">{t('donations.money.newDonorHelp')}</p>
          <DonorFields draft={newDonor} onChange={setNewDonor} errors={donorErrors} compact />
        </fieldset>
      ) : null}
    </>
  );

  return {
    choice,
    resolveDonor,
    clearDonorErrors: () => setDonorErrors({}),
    startOver,
    fields,
  };
}
