import { type CustomFieldSpec, customFieldLabel, formatCustomValue } from '@lakou/domain/config';
import type { Event, Registration } from '@lakou/domain/events';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  cancelRegistration,
  eventKeys,
  fieldProblems,
  markAttendance,
  register,
  registrationsQuery,
} from '../../api/events.ts';
import { useLocale } from '../../i18n/index.ts';
import { promotedBetween, waitingListOf, wholeNumberOrNull } from '../../lib/events.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { initialRawValues } from '../custom-fields/customFieldForm.ts';
import { useCustomFields, useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';

/**
 * Who is coming: the registered people with one-tap attendance (large buttons, made for a
 * phone at the door), the waiting list in its order, a form for the desk, and cancellations.
 */
export function RegistrationsPanel({ event, canWrite }: { event: Event; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const registrations = useQuery(registrationsQuery(event.id));
  // The registration fields shown in tables appear beside each person.
  const shown = useCustomFields('registration', event.centreId).definitions.filter(
    (d) => d.inTables,
  );
  const [cancelling, setCancelling] = useState<Registration | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancelled = event.status === 'cancelled';

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: eventKeys.registrations(event.id) }),
      queryClient.invalidateQueries({ queryKey: eventKeys.detail(event.id) }),
      queryClient.invalidateQueries({ queryKey: ['events', 'list'] }),
    ]);
  };

  if (registrations.isPending) return <LoadingState label={t('events.registrationsLoading')} />;
  if (registrations.isError) {
    return (
      <ErrorState
        title={t('events.registrationsFailed')}
        detail={fieldProblems(registrations.error).detail}
        retryLabel={t('errors.retry')}
        onRetry={() => void registrations.refetch()}
      />
    );
  }

  const all = registrations.data;
  const registered = all.filter((r) => r.status === 'registered');
  const waiting = waitingListOf(all);
  const gone = all.filter((r) => r.status === 'cancelled');

  const confirmCancel = async () => {
    const target = cancelling;
    if (!target) return;
    const before = all;
    try {
      await cancelRegistration(event.id, target.id);
    } catch (failure) {
      toast.error(t('events.cancelRegistrationFailed'), fieldProblems(failure).detail);
      throw failure;
    }
    await refresh();
    const after = queryClient.getQueryData<Registration[]>(eventKeys.registrations(event.id)) ?? [];
    const promoted = promotedBetween(before, after);
    const message =
      promoted.length > 0
        ? t('events.cancelledAndPromoted', {
            name: target.name,
            promoted: promoted.map((p) => p.name).join(', '),
          })
        : t('events.registrationCancelled', { name: target.name });
    // Said on the page, not in a toast: on a phone, toasts would cover the next buttons.
    setNotice(message);
  };

  return (
    <>
      <p className="hub-live" role="status">
        {notice}
      </p>
      <Card
        title={t('events.registeredTitle', { count: registered.length })}
        headerEnd={
          <span className="hub-muted">
            {t('events.seats', { taken: event.seatsTaken, capacity: event.capacity })}
          </span>
        }
      >
        {registered.length === 0 ? (
          <p>{t('events.noRegistered')}</p>
        ) : (
          <ul className="hub-attendance">
            {registered.map((r) => (
              <RegisteredRow
                key={r.id}
                shown={shown}
                registration={r}
                eventId={event.id}
                canWrite={canWrite && !cancelled}
                onCancel={() => setCancelling(r)}
              />
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('events.waitingTitle', { count: waiting.length })}>
        {waiting.length === 0 ? (
          <p>{t('events.noWaiting')}</p>
        ) : (
          <ol className="hub-waiting" aria-label={t('events.waitingListLabel')}>
            {waiting.map((r) => (
              <li key={r.id} className="hub-waiting__item">
                <span className="hub-waiting__position">
                  {t('events.position', { position: r.position ?? '?' })}
                </span>
                <span className="hub-attendance__name">{r.name}</span>
                <span className="hub-muted">{t('events.seatCount', { count: r.seats })}</span>
                <Contact registration={r} />
                <CustomValues registration={r} shown={shown} />
                {canWrite && !cancelled ? (
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t('events.cancelRegistrationOf', { name: r.name })}
                    onPress={() => setCancelling(r)}
                  >
                    {t('events.cancelRegistration')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>

      {canWrite && !cancelled ? <DeskRegistration event={event} onDone={refresh} /> : null}

      {gone.length > 0 ? (
        <details className="hub-event-cancelled">
          <summary>{t('events.cancelledRegistrations', { count: gone.length })}</summary>
          <ul className="hub-list">
            {gone.map((r) => (
              <li key={r.id}>
                {r.name} — {t('events.seatCount', { count: r.seats })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <ConfirmDialog
        isOpen={cancelling !== null}
        onOpenChange={(open) => {
          if (!open) setCancelling(null);
        }}
        title={t('events.cancelRegistrationTitle', { name: cancelling?.name ?? '' })}
        confirmLabel={t('events.confirmCancelRegistration')}
        cancelLabel={t('events.keepRegistration')}
        isDestructive
        pendingLabel={t('events.saving')}
        onConfirm={() => confirmCancel()}
      >
        <p>
          {cancelling?.status === 'registered' && waiting.length > 0
            ? t('events.cancelRegistrationPromotes')
            : t('events.cancelRegistrationBody')}
        </p>
      </ConfirmDialog>
    </>
  );
}

function Contact({ registration }: { registration: Registration }) {
  const parts = [registration.email, registration.phone].filter(Boolean);
  return parts.length > 0 ? (
    <span className="hub-muted hub-attendance__contact">{parts.join(' · ')}</span>
  ) : null;
}

/** The values of the fields shown in tables, « Label : value », after the contact. */
function CustomValues({
  registration,
  shown,
}: {
  registration: Registration;
  shown: readonly CustomFieldSpec[];
}) {
  const { language } = useLocale();
  const parts = shown
    .map((d) => {
      const text = formatCustomValue(d, registration.custom?.[d.key], language);
      return text ? `${customFieldLabel(d, language)} : ${text}` : '';
    })
    .filter(Boolean);
  return parts.length > 0 ? (
    <span className="hub-muted hub-attendance__contact">{parts.join(' · ')}</span>
  ) : null;
}

function RegisteredRow({
  registration,
  shown,
  eventId,
  canWrite,
  onCancel,
}: {
  registration: Registration;
  shown: readonly CustomFieldSpec[];
  eventId: string;
  canWrite: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);

  // One tap marks; tapping the chosen answer again clears it. The list updates at once and
  // goes back if the API refuses.
  const mark = async (attendance: Registration['attendance']) => {
    const key = eventKeys.registrations(eventId);
    const previous = queryClient.getQueryData<Registration[]>(key);
    queryClient.setQueryData<Registration[]>(key, (list) =>
      list?.map((r) => (r.id === registration.id ? { ...r, attendance } : r)),
    );
    setPending(true);
    try {
      await markAttendance(eventId, registration.id, attendance);
      await queryClient.invalidateQueries({ queryKey: eventKeys.detail(eventId) });
    } catch (failure) {
      queryClient.setQueryData(key, previous);
      toast.error(t('events.attendanceFailed'), fieldProblems(failure).detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <li className="hub-attendance__item" data-attendance={registration.attendance ?? 'unknown'}>
      <div className="hub-attendance__who">
        <span className="hub-attendance__name">{registration.name}</span>
        <span className="hub-muted">{t('events.seatCount', { count: registration.seats })}</span>
        <Contact registration={registration} />
        <CustomValues registration={registration} shown={shown} />
      </div>
      {canWrite ? (
        <fieldset
          className="hub-attendance__choices"
          aria-label={t('events.attendanceOf', { name: registration.name })}
          aria-busy={pending || undefined}
        >
          <ToggleButton
            className="hub-attendance__toggle"
            data-choice="present"
            isSelected={registration.attendance === 'present'}
            onChange={(on) => void mark(on ? 'present' : null)}
          >
            {t('events.present')}
          </ToggleButton>
          <ToggleButton
            className="hub-attendance__toggle"
            data-choice="absent"
            isSelected={registration.attendance === 'absent'}
            onChange={(on) => void mark(on ? 'absent' : null)}
          >
            {t('events.absent')}
          </ToggleButton>
          <Button
            variant="ghost"
            size="small"
            aria-label={t('events.cancelRegistrationOf', { name: registration.name })}
            onPress={onCancel}
          >
            {t('events.cancelRegistration')}
          </Button>
        </fieldset>
      ) : registration.attendance ? (
        <span>{t(`events.${registration.attendance}`)}</span>
      ) : null}
    </li>
  );
}

type DeskErrors = Partial<Record<'name' | 'email' | 'phone' | 'seats', string>>;

/** Someone at the desk asks for places: the team registers them (even when registration is closed). */
function DeskRegistration({ event, onDone }: { event: Event; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [seats, setSeats] = useState('1');
  const [done, setDone] = useState<string | null>(null);
  const [errors, setErrors] = useState<DeskErrors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const { language } = useLocale();
  const custom = useCustomFieldsForm({
    entity: 'registration',
    centreId: event.centreId,
    mode: 'create',
  });

  const save = async () => {
    const found: DeskErrors = {};
    if (name.trim().length < 2) found.name = t('events.validation.name');
    const n = wholeNumberOrNull(seats);
    if (n === null || n < 1 || n > 10) found.seats = t('events.validation.seats');
    setErrors(found);
    setDetail(null);
    setDone(null);
    const checked = custom.check();
    if (Object.keys(found).length > 0 || !checked.ok) return;
    setPending(true);
    try {
      const input = {
        name: name.trim(),
        email: email.trim() || null,
        phone: phone.trim() || null,
        seats: n ?? 1,
        custom: checked.values,
      };
      const made = await register(event.id, input);
      setName('');
      setEmail('');
      setPhone('');
      setSeats('1');
      for (const [key, value] of Object.entries(
        initialRawValues(custom.definitions, undefined, language),
      )) {
        custom.setValue(key, value);
      }
      // Said in the card, not in a toast: on a phone, toasts would cover the next buttons.
      setDone(
        made.status === 'registered'
          ? t('events.deskRegistered', { name: made.name })
          : t('events.deskWaitlisted', { name: made.name, position: made.position ?? '?' }),
      );
      await onDone();
    } catch (failure) {
      const problems = fieldProblems(failure);
      custom.showProblems(failure);
      setErrors(problems.fields as DeskErrors);
      setDetail(problems.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <Card title={t('events.deskTitle')}>
      <form
        className="hub-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="hub-agenda__row">
          <TextField
            label={t('events.personName')}
            value={name}
            onChange={setName}
            isRequired
            maxLength={120}
            autoComplete="off"
            isInvalid={Boolean(errors.name)}
            errorMessage={errors.name}
          />
          <TextField
            label={t('events.seatsField')}
            inputMode="numeric"
            value={seats}
            onChange={setSeats}
            isRequired
            maxLength={2}
            isInvalid={Boolean(errors.seats)}
            errorMessage={errors.seats}
          />
        </div>
        <div className="hub-agenda__row">
          <TextField
            label={t('events.emailOptional')}
            type="email"
            value={email}
            onChange={setEmail}
            maxLength={254}
            autoComplete="off"
            isInvalid={Boolean(errors.email)}
            errorMessage={errors.email}
          />
          <TextField
            label={t('events.phoneOptional')}
            type="tel"
            value={phone}
            onChange={setPhone}
            maxLength={25}
            autoComplete="off"
            isInvalid={Boolean(errors.phone)}
            errorMessage={errors.phone}
          />
        </div>
        <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
        {detail ? (
          <p className="hub-error-text" role="alert">
            {detail}
          </p>
        ) : null}
        <p className="hub-live hub-success-text" role="status">
          {done}
        </p>
        <div className="hub-form__actions">
          <Button type="submit" isPending={isPending} pendingLabel={t('events.saving')}>
            {t('events.deskSubmit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
