import type { CheckIn } from '@lakou/domain/coworking';
import type { Centre } from '@lakou/domain/network';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalOf, todayCheckInsQuery, undoCheckIn } from '../../api/coworking.ts';
import { useLocale } from '../../i18n/index.ts';
import { clockTimeIn, occupancyPercent } from '../../lib/coworking.ts';
import { formatDate } from '../../lib/format.ts';

/**
 * Today in the coworking space, on the centre's clock: how many people for how many desks
 * (a meter screen readers read), who came, at which desk and when; a check-in made by mistake
 * is undone after confirming, and its day goes back on the pass.
 */
export function TodayPanel({
  centre,
  canWrite,
  onChanged,
}: {
  centre: Centre;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const today = useQuery(todayCheckInsQuery(centre.id));
  const [undoing, setUndoing] = useState<CheckIn | null>(null);
  const [notice, setNotice] = useState('');
  const meterLabelId = useId();

  let body: React.ReactNode;
  if (today.isPending) {
    body = <LoadingState label={t('coworking.today.loading')} lines={2} />;
  } else if (today.isError) {
    body = (
      <ErrorState
        title={t('coworking.today.loadFailed')}
        detail={refusalOf(today.error).detail}
        retryLabel={t('errors.retry')}
        onRetry={() => void today.refetch()}
      />
    );
  } else {
    const { occupancy, items } = today.data;
    const percent = occupancyPercent(occupancy.checkedIn, occupancy.seats);
    const full = occupancy.seats > 0 && occupancy.checkedIn >= occupancy.seats;
    const summary =
      occupancy.seats > 0
        ? t('coworking.today.occupancy', {
            count: occupancy.seats,
            checkedIn: occupancy.checkedIn,
          })
        : t('coworking.today.occupancyNoDesk', { count: occupancy.checkedIn });
    body = (
      <>
        <p className="hub-note">
          {t('coworking.today.day', {
            date: formatDate(occupancy.day, locale, { withWeekday: true }),
          })}
        </p>
        <div className="hub-coworking__occupancy">
          <p className="hub-coworking__figure" id={meterLabelId} aria-live="polite">
            <span className="hub-coworking__count">
              {occupancy.checkedIn} / {occupancy.seats}
            </span>{' '}
            <span>{t('coworking.today.seats', { count: occupancy.seats })}</span>
            {full ? (
              <>
                {' '}
                <Badge tone={occupancy.checkedIn > occupancy.seats ? 'warning' : 'info'}>
                  {occupancy.checkedIn > occupancy.seats
                    ? t('coworking.today.overbooked')
                    : t('coworking.today.full')}
                </Badge>
              </>
            ) : null}
          </p>
          <meter
            className="hub-coworking__meter"
            aria-label={t('coworking.today.meterLabel')}
            aria-valuetext={summary}
            min={0}
            max={Math.max(1, occupancy.seats)}
            value={Math.min(occupancy.checkedIn, Math.max(1, occupancy.seats))}
            data-full={full || undefined}
          >
            {percent} %
          </meter>
        </div>
        {items.length === 0 ? (
          <p>{t('coworking.today.empty')}</p>
        ) : (
          <ul className="hub-coworking__list" aria-label={t('coworking.today.listLabel')}>
            {items.map((item) => (
              <li key={item.id} className="hub-coworking__item">
                <div className="hub-coworking__who">
                  <span className="hub-coworking__name">{item.holderName}</span>
                  <span className="hub-coworking__facts">
                    <span>
                      {t('coworking.today.at', {
                        time: clockTimeIn(item.at, centre.timeZone, locale),
                      })}
                    </span>
                    <span>{item.resourceName ?? t('coworking.today.noDesk')}</span>
                    <span>
                      {item.daysLeft === null
                        ? t('coworking.unlimited')
                        : t('coworking.daysLeft', { count: item.daysLeft })}
                    </span>
                  </span>
                </div>
                {canWrite ? (
                  <Button
                    variant="secondary"
                    aria-label={t('coworking.today.undoLabel', { name: item.holderName })}
                    onPress={() => setUndoing(item)}
                  >
                    {t('coworking.today.undo')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <Card title={t('coworking.today.title')}>
      {body}
      <p className="hub-coworking__notice" role="status">
        {notice}
      </p>
      <ConfirmDialog
        isOpen={undoing !== null}
        onOpenChange={(open) => {
          if (!open) setUndoing(null);
        }}
        title={t('coworking.today.undoTitle', { name: undoing?.holderName ?? '' })}
        confirmLabel={t('coworking.today.undoConfirm')}
        cancelLabel={t('coworking.today.undoKeep')}
        pendingLabel={t('coworking.saving')}
        isDestructive
        onConfirm={async () => {
          if (!undoing) return;
          try {
            await undoCheckIn(undoing.id);
            setNotice(t('coworking.today.undone', { name: undoing.holderName }));
            setUndoing(null);
            await onChanged();
          } catch (error) {
            toast.error(t('coworking.today.undoFailed'), refusalOf(error).detail);
            throw error;
          }
        }}
      >
        <p>{t('coworking.today.undoText')}</p>
      </ConfirmDialog>
    </Card>
  );
}
