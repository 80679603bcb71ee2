import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { donorQuery } from '../../api/donations.ts';
import type { DonorChoice } from './DonorPicker.tsx';

/**
 * The donor filter of a list, for its DonorPicker: the donor of `?donorId=` (named once loaded),
 * or the one just picked; picking a donor or clearing the picker changes `donorId`.
 */
export function useDonorFilter(
  donorId: string | undefined,
  onDonorChange: (donorId: string | undefined) => void,
) {
  const filteredDonor = useQuery({ ...donorQuery(donorId ?? ''), enabled: Boolean(donorId) });
  const [picked, setPicked] = useState<DonorChoice>(null);
  const choice: DonorChoice =
    picked ??
    (donorId && filteredDonor.data
      ? { kind: 'donor', donor: { id: donorId, name: filteredDonor.data.name } }
      : null);
  const onChoiceChange = (next: DonorChoice) => {
    setPicked(next);
    if (next === null && donorId) onDonorChange(undefined);
    if (next?.kind === 'donor') onDonorChange(next.donor.id);
  };
  return { choice, onChoiceChange, forget: () => setPicked(null) };
}
