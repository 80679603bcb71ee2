import { customFieldLabel, formatCustomValue } from '@lakou/domain/config';
import type { Event } from '@lakou/domain/events';
import type { Centre } from '@lakou/domain/network';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, TextField } from '@lakou/ui/form-field';
import { toast } from '@lakou/ui/toast';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelEvent, eventKeys, fieldProblems, updateEvent } from '../../api/events.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCentreRange } from '../../lib/agenda.ts';
import { placesLeft, wholeNumberOrNull } from '../../lib/events.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { useCustomFields, useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { RegistrationsPanel } from './RegistrationsPanel.tsx';
import '../../styles/events.css';

/** One event of a centre: details, settings, registrations, attendance and headcount. */
export function EventPage({ centre, event }: { centre: Centre; event: Event }) {
  const { t } = useTranslation();
  const { locale, language } = useLocale();
  const can = useCan();
  const canWrite = can('booking.write', { centreId: centre.id });
  const cancelled = event.status === 'cancelled';
  const customFields = useCustomFields('event', event.centreId).definitions;
  useDocumentTitle(event.title);

  return (
    <div className="hub-page">
      <p className="hub-back">
        <RouterLink to="/centres/$centreId/events" params={{ centreId: centre.id }}>
          <span aria-hidden="true">← </span>
          {t('events.backToList', { centre: centre.name })}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{event.title}</h1>
        <p className="hub-event__when">
          {formatCentreRange(event.start, event.end, event.timeZone, locale)}
        </p>
        <p className="hub-event__badges">
          <Badge tone="neutral">{event.kind.label}</Badge>
          {cancelled ? <Badge tone="danger">{t('events.cancelled')}</Badge> : null}
          {event.public ? (
            <Badge tone="info">{t('events.public')}</Badge>
          ) : (
            <Badge tone="neutral">{t('events.internal')}</Badge>
          )}
          {!cancelled ? (
            event.registrationOpen ? (
              <Badge tone="success">{t('events.registrationOpen')}</Badge>
            ) : (
              <Badge tone="warning">{t('events.registrationClosed')}</Badge>
            )
          ) : null}
        </p>
        {cancelled && event.cancelReason ? (
          <p className="hub-warning">
            {t('events.cancelledBecause', { reason: event.cancelReason })}
          </p>
        ) : null}
      </header>

      <div className="hub-event-page__grid">
        <Card title={t('events.details')}>
          <dl className="hub-details">
            <div>
              <dt>{t('events.seatsLabel')}</dt>
              <dd>
                {t('events.seats', { taken: event.seatsTaken, capacity: event.capacity })}
                {' — '}
                {t('events.placesLeft', { count: placesLeft(event) })}
              </dd>
            </div>
            <div>
              <dt>{t('events.waitingLabel')}</dt>
              <dd>{t('events.waitingCount', { count: event.waiting })}</dd>
            </div>
            <div>
              <dt>{t('events.attendedLabel')}</dt>
              <dd>{t('events.attended', { count: event.attended })}</dd>
            </div>
            {event.partnerName ? (
              <div>
                <dt>{t('events.partner')}</dt>
                <dd>{event.partnerName}</dd>
              </div>
            ) : null}
            {event.basicNeeds.length > 0 ? (
              <div>
                <dt>{t('events.basicNeeds')}</dt>
                <dd>{event.basicNeeds.map((need) => t(`events.needs.${need}`)).join(', ')}</dd>
              </div>
            ) : null}
            {customFields.map((field) => {
              const text = formatCustomValue(field, event.custom?.[field.key], language);
              return text ? (
                <div key={field.key}>
                  <dt>{customFieldLabel(field, language)}</dt>
                  <dd>{text}</dd>
                </div>
              ) : null;
            })}
            {event.description ? (
              <div>
                <dt>{t('events.description')}</dt>
                <dd className="hub-event__description">{event.description}</dd>
              </div>
            ) : null}
          </dl>
          <h3 className="hub-event__subtitle">{t('events.sessions')}</h3>
          <ul className="hub-list">
            {event.sessions.map((s) => (
              <li key={s.bookingId}>
                {formatCentreRange(s.start, s.end, event.timeZone, locale)} — {s.resourceName}
                {s.cancelled ? ` (${t('events.sessionCancelled')})` : ''}
              </li>
            ))}
          </ul>
        </Card>
        <HeadcountCard event={event} canWrite={canWrite} />
        {canWrite && !cancelled ? <SettingsCard event={event} /> : null}
      </div>

      <RegistrationsPanel event={event} canWrite={canWrite} />

      {canWrite && !cancelled ? <CancelEventSection event={event} /> : null}
    </div>
  );
}

function useRefreshEvent(eventId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: eventKeys.detail(eventId) }),
      queryClient.invalidateQueries({ queryKey: eventKeys.registrations(eventId) }),
      queryClient.invalidateQueries({ queryKey: ['events', 'list'] }),
    ]);
  };
}

/**
 * People who came without registering, counted at the door with large − and + buttons (or
 * typed); saved a moment after the last tap so a run of taps is one request.
 */
function HeadcountCard({ event, canWrite }: { event: Event; canWrite: boolean }) {
  const { t } = useTranslation();
  const refresh = useRefreshEvent(event.id);
  const [value, setValue] = useState(String(event.anonymousHeadcount));
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saved = useRef(event.anonymousHeadcount);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    // A change made elsewhere (another phone at the door) shows once nothing is pending here.
    if (status !== 'saving' && timer.current === undefined) {
      setValue(String(event.anonymousHeadcount));
      saved.current = event.anonymousHeadcount;
    }
  }, [event.anonymousHeadcount, status]);

  const save = async (next: number) => {
    timer.current = undefined;
    if (next === saved.current) return;
    setStatus('saving');
    setError(null);
    try {
      await updateEvent(event.id, { anonymousHeadcount: next });
      saved.current = next;
      setStatus('saved');
      await refresh();
    } catch (failure) {
      setStatus('failed');
      setError(fieldProblems(failure).detail);
    }
  };

  const change = (next: number) => {
    const clamped = Math.max(0, next);
    setValue(String(clamped));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(clamped), 600);
  };
  const current = wholeNumberOrNull(value) ?? 0;

  return (
    <Card title={t('events.headcount')}>
      <p className="hub-note">{t('events.headcountHelp')}</p>
      {canWrite ? (
        <div className="hub-counter">
          <Button
            variant="secondary"
            size="large"
            aria-label={t('events.headcountMinus')}
            isDisabled={current <= 0}
            onPress={() => change(current - 1)}
          >
            −
          </Button>
          <TextField
            label={t('events.headcountField')}
            inputMode="numeric"
            value={value}
            maxLength={6}
            onChange={(text) => {
              setValue(text);
              const n = wholeNumberOrNull(text);
              clearTimeout(timer.current);
              if (n !== null) timer.current = setTimeout(() => void save(n), 600);
            }}
          />
          <Button
            variant="secondary"
            size="large"
            aria-label={t('events.headcountPlus')}
            onPress={() => change(current + 1)}
          >
            +
          </Button>
        </div>
      ) : (
        <p className="hub-counter__value">{event.anonymousHeadcount}</p>
      )}
      <p className="hub-note" role="status">
        {status === 'saving'
          ? t('events.saving')
          : status === 'saved'
            ? t('events.headcountSaved', { count: saved.current })
            : ''}
      </p>
      {error ? (
        <p className="hub-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <p>{t('events.totalPresent', { count: event.attended + event.anonymousHeadcount })}</p>
    </Card>
  );
}

/** Capacity (a larger one lets the waiting list in at once), visibility, registration open. */
function SettingsCard({ event }: { event: Event }) {
  const { t } = useTranslation();
  const refresh = useRefreshEvent(event.id);
  const [capacity, setCapacity] = useState(String(event.capacity));
  const [isPublic, setPublic] = useState(event.public);
  const [registrationOpen, setRegistrationOpen] = useState(event.registrationOpen);
  const [capacityError, setCapacityError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const custom = useCustomFieldsForm({
    entity: 'event',
    centreId: event.centreId,
    mode: 'update',
    stored: event.custom,
  });

  const save = async () => {
    setError(null);
    setCapacityError(null);
    const seats = wholeNumberOrNull(capacity);
    const checked = custom.check();
    if (seats === null || seats < 1) {
      setCapacityError(t('events.validation.capacity'));
      return;
    }
    if (!checked.ok) return;
    const patch: Parameters<typeof updateEvent>[1] = {};
    if (seats !== event.capacity) patch.capacity = seats;
    if (isPublic !== event.public) patch.public = isPublic;
    if (registrationOpen !== event.registrationOpen) patch.registrationOpen = registrationOpen;
    // Only the custom values that changed (null erases one).
    const changed = Object.fromEntries(
      Object.entries(checked.values).filter(
        ([key, value]) =>
          JSON.stringify(value ?? null) !== JSON.stringify(event.custom?.[key] ?? null),
      ),
    );
    if (Object.keys(changed).length > 0) patch.custom = changed;
    if (Object.keys(patch).length === 0) {
      toast.info(t('events.nothingChanged'));
      return;
    }
    setPending(true);
    try {
      await updateEvent(event.id, patch);
      toast.success(t('events.settingsSaved'));
      await refresh();
    } catch (failure) {
      const problems = fieldProblems(failure);
      if (custom.showProblems(failure)) return;
      // The API refuses a capacity below the seats already given (422, no field named).
      if (
        patch.capacity !== undefined &&
        (problems.fields.capacity || /capacit/i.test(problems.detail))
      ) {
        setCapacityError(problems.fields.capacity ?? problems.detail);
      } else {
        setError(problems.detail);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <Card title={t('events.settings')}>
      <form
        className="hub-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          label={t('events.capacity')}
          description={t('events.capacityRaiseHelp')}
          inputMode="numeric"
          value={capacity}
          onChange={setCapacity}
          isRequired
          maxLength={5}
          isInvalid={capacityError !== null}
          errorMessage={capacityError}
        />
        <Checkbox label={t('events.publicField')} isSelected={isPublic} onChange={setPublic} />
        <Checkbox
          label={t('events.registrationOpenField')}
          isSelected={registrationOpen}
          onChange={setRegistrationOpen}
        />
        <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
        {error ? (
          <p className="hub-error-text" role="alert">
            {error}
          </p>
        ) : null}
        <div className="hub-form__actions">
          <Button type="submit" isPending={isPending} pendingLabel={t('events.saving')}>
            {t('events.saveSettings')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function CancelEventSection({ event }: { event: Event }) {
  const { t } = useTranslation();
  const refresh = useRefreshEvent(event.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const confirm = async (close: () => void) => {
    if (reason.trim().length < 3) {
      setError(t('events.validation.reason'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await cancelEvent(event.id, reason.trim());
      close();
      toast.success(t('events.cancelDone'));
      await refresh();
    } catch (failure) {
      setError(fieldProblems(failure).detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="hub-event-danger" aria-labelledby="cancel-event-title">
      <h2 id="cancel-event-title" className="hub-section-title">
        {t('events.cancelTitle')}
      </h2>
      <p>{t('events.cancelHelp')}</p>
      <div>
        <Button variant="danger" onPress={() => setOpen(true)}>
          {t('events.cancelEvent')}
        </Button>
      </div>
      <Dialog
        isOpen={open}
        onOpenChange={setOpen}
        title={t('events.cancelConfirmTitle', { title: event.title })}
        closeLabel={t('app.close')}
        isDismissable={false}
      >
        {(close) => (
          <form
            className="hub-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void confirm(close);
            }}
          >
            <p>{t('events.cancelConfirmBody', { count: event.seatsTaken })}</p>
            <TextField
              label={t('events.cancelReason')}
              value={reason}
              onChange={setReason}
              isRequired
              maxLength={500}
              autoFocus
              isInvalid={error !== null}
              errorMessage={error}
            />
            <div className="hub-dialog-actions">
              <Button variant="secondary" onPress={close} isDisabled={isPending}>
                {t('events.keepEvent')}
              </Button>
              <Button
                type="submit"
                variant="danger"
                isPending={isPending}
                pendingLabel={t('events.saving')}
              >
                {t('events.confirmCancel')}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </section>
  );
}
