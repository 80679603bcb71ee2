import type { SubFund, SubFundKind } from '@lakou/domain/fund';
import { Badge, type BadgeTone } from '@lakou/ui/badge';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { balancesQuery } from '../../api/fund.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatSignedEuros, sortSubFunds } from '../../lib/fund.ts';

const KIND_TONES: Record<SubFundKind, BadgeTone> = {
  unrestricted: 'success',
  restricted: 'info',
  endowment: 'neutral',
};

/** « Libre d’affectation », « Affecté », « Dotation en capital »: the words carry the meaning. */
export function SubFundKindBadge({ fund }: { fund: Pick<SubFund, 'kind' | 'consumable'> }) {
  const { t } = useTranslation();
  return (
    <Badge tone={KIND_TONES[fund.kind]}>
      {t(`fund.kinds.${fund.kind}`)}
      {fund.kind === 'endowment'
        ? ` (${fund.consumable ? t('fund.overview.consumable') : t('fund.overview.notConsumable')})`
        : ''}
    </Badge>
  );
}

/** A signed amount, in and out told by the sign and by the words for screen readers. */
export function SignedAmount({ cents }: { cents: number }) {
  const { locale } = useLocale();
  return (
    <span className="hub-fund__amount" data-sign={cents < 0 ? 'out' : 'in'}>
      {formatSignedEuros(cents, locale)}
    </span>
  );
}

/** Every sub-fund (today's balances), sorted as the board reads them, and a name by id. */
export function useSubFunds(): {
  funds: SubFund[];
  nameOf: (id: string | null) => string;
  isPending: boolean;
} {
  const balances = useQuery(balancesQuery());
  const funds = useMemo(() => sortSubFunds(balances.data?.items ?? []), [balances.data]);
  const names = useMemo(() => new Map(funds.map((f) => [f.id, f.name])), [funds]);
  const nameOf = useCallback((id: string | null) => (id ? (names.get(id) ?? '—') : '—'), [names]);
  return { funds, nameOf, isPending: balances.isPending };
}
