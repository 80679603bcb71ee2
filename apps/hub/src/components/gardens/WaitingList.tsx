import type { Garden } from '@lakou/domain/gardens';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { fieldProblems } from '../../api/events.ts';
import {
  addToWaitingList,
  type WaitingRequest,
  waitingListQuery,
  withdrawFromWaitingList,
} from '../../api/gardens.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { type GardenerChoice, GardenerPicker, resolveGardener } from './GardenerPicker.tsx';

/**
 * The garden's waiting list in its order (first come, first served): who waits since when. The
 * next free individual plot goes to the first in line. Adding someone is refused while a plot
 * is free (PLOTS_AVAILABLE): the refusal says so, and the plot is given from the map instead.
 */
export function WaitingList({
  garden,
  freeCount,
  today,
  canWrite,
  onChanged,
}: {
  garden: Garden;
  /** Individual plots free today (from the map). */
  freeCount: number;
  today: string;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const waiting = useQuery(waitingListQuery(garden.id));
  const [withdrawing, setWithdrawing] = useState<WaitingRequest | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const day = (date: string) => formatDate(date, locale, { withWeekday: false });

  return (
    <Card title={t('gardens.waiting.title')}>
      <p className="hub-card__lead">{t('gardens.waiting.lead')}</p>
      <p className="hub-gardens__notice" role="status">
        {notice}
      </p>
      {failure ? (
        <p className="hub-error-text" role="alert">
          {failure}
        </p>
      ) : null}
      {waiting.isPending ? (
        <LoadingState label={t('gardens.waiting.loading')} lines={2} />
      ) : waiting.isError ? (
        <ErrorState
          title={t('gardens.waiting.loadFailed')}
          detail={fieldProblems(waiting.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void waiting.refetch()}
        />
      ) : waiting.data.length === 0 ? (
        <EmptyState title={t('gardens.waiting.empty')} />
      ) : (
        <ol className="hub-gardens__waiting" aria-label={t('gardens.waiting.title')}>
          {waiting.data.map((request) => (
            <li key={request.id} className="hub-gardens__waiting-item">
              <span className="hub-gardens__position" aria-hidden="true">
                {request.position}
              </span>
              <span className="hub-gardens__waiting-who">
                <strong>{request.gardenerName}</strong>
                <span className="hub-muted">
                  {t('gardens.waiting.since', {
                    position: request.position,
                    date: day(request.requestedOn),
                  })}
                </span>
                {request.note ? <span className="hub-muted">{request.note}</span> : null}
              </span>
              {canWrite ? (
                <Button variant="secondary" onPress={() => setWithdrawing(request)}>
                  {t('gardens.waiting.withdraw')}
                  <span className="lk-visually-hidden"> {request.gardenerName}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canWrite ? (
        <AddToWaitingList
          garden={garden}
          freeCount={freeCount}
          today={today}
          onAdded={async (name, position) => {
            setNotice(t('gardens.waiting.added', { name, position }));
            await onChanged();
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={withdrawing !== null}
        onOpenChange={(open) => {
          if (!open) setWithdrawing(null);
        }}
        title={t('gardens.waiting.withdrawTitle')}
        confirmLabel={t('gardens.waiting.withdrawConfirm')}
        cancelLabel={t('app.cancel')}
        pendingLabel={t('gardens.common.saving')}
        isDestructive
        onConfirm={async () => {
          if (!withdrawing) return;
          setFailure(null);
          try {
            await withdrawFromWaitingList(withdrawing.id);
            setNotice(t('gardens.waiting.withdrawn', { name: withdrawing.gardenerName }));
            setWithdrawing(null);
            await onChanged();
          } catch (error) {
            setFailure(fieldProblems(error).detail);
            setWithdrawing(null);
          }
        }}
      >
        {withdrawing
          ? t('gardens.waiting.withdrawText', {
              name: withdrawing.gardenerName,
              position: withdrawing.position,
            })
          : null}
      </ConfirmDialog>
    </Card>
  );
}

function AddToWaitingList({
  garden,
  freeCount,
  today,
  onAdded,
}: {
  garden: Garden;
  freeCount: number;
  today: string;
  onAdded: (name: string, position: number) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<GardenerChoice>(null);
  const [requestedOn, setRequestedOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<{ text: string; plotsAvailable: boolean } | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    const found: Record<string, string> = {};
    if (!choice) found.gardenerId = t('gardens.assign.gardenerRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(requestedOn))
      found.requestedOn = t('gardens.common.dateInvalid');
    setErrors(found);
    setDetail(null);
    if (!choice || Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const gardener = await resolveGardener(choice, garden.centreId);
      if (choice.kind === 'new') setChoice({ kind: 'gardener', gardener });
      const made = await addToWaitingList({
        gardenId: garden.id,
        gardenerId: gardener.id,
        requestedOn,
        note: note.trim() || null,
      });
      setChoice(null);
      setNote('');
      await onAdded(gardener.name, made.position);
    } catch (error) {
      const plotsAvailable = error instanceof ApiError && error.problem.code === 'PLOTS_AVAILABLE';
      const problems = fieldProblems(error);
      setErrors(plotsAvailable ? {} : problems.fields);
      setDetail({
        text: plotsAvailable
          ? `${problems.detail} ${t('gardens.waiting.plotsAvailable')}`
          : problems.detail,
        plotsAvailable,
      });
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form hub-gardens__add-waiting"
      noValidate
      aria-labelledby="waiting-add"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="hub-section-title" id="waiting-add">
        {t('gardens.waiting.addTitle')}
      </h3>
      {freeCount > 0 ? (
        <p className="hub-muted">{t('gardens.waiting.freeHint', { count: freeCount })}</p>
      ) : null}
      <GardenerPicker
        centreId={garden.centreId}
        label={t('gardens.waiting.gardener')}
        choice={choice}
        onChoiceChange={setChoice}
        isRequired
        errorMessage={errors.gardenerId}
      />
      <div className="hub-gardens__row">
        <TextField
          label={t('gardens.waiting.requestedOn')}
          type="date"
          value={requestedOn}
          onChange={setRequestedOn}
          isRequired
          isInvalid={Boolean(errors.requestedOn)}
          errorMessage={errors.requestedOn}
        />
        <TextField
          label={t('gardens.waiting.note')}
          value={note}
          onChange={setNote}
          maxLength={500}
          isInvalid={Boolean(errors.note)}
          errorMessage={errors.note}
        />
      </div>
      {detail ? (
        <p className={detail.plotsAvailable ? 'hub-warning' : 'hub-error-text'} role="alert">
          {detail.text}
        </p>
      ) : null}
      <div className="hub-form__actions">
        <Button type="submit" isPending={isPending} pendingLabel={t('gardens.common.saving')}>
          {t('gardens.waiting.add')}
        </Button>
      </div>
    </form>
  );
}
