import {
  type CircleCase,
  type CircleSession,
  type Participant,
  type SessionKind,
  sessionAllowed,
  sessionKinds,
} from '@lakou/domain/circles';
import type { Centre } from '@lakou/domain/network';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resourcesQuery } from '../../api/booking.ts';
import {
  type AvailabilitySearch,
  circleAvailabilityQuery,
  rescheduleSession,
  scheduleSession,
} from '../../api/circles.ts';
import { fieldProblems } from '../../api/events.ts';
import { useLocale } from '../../i18n/index.ts';
import { toCentreIso } from '../../lib/agenda.ts';
import { clockIn, dayIn, dayWindow, isIsoDate, minutesBetween } from '../../lib/circles.ts';
import { formatDate } from '../../lib/format.ts';

const DURATIONS = [60, 90, 120, 180];

interface ScheduleDialogProps {
  found: CircleCase;
  centre: Centre;
  participants: Participant[];
  isOpen: boolean;
  /** The session to move, or null to plan a new one. */
  moving: CircleSession | null;
  onClose: () => void;
  onDone: () => Promise<void>;
}

/**
 * « Planifier une séance » (or « Déplacer »): the rooms, a day and a length, then the free slots
 * the circles availability search proposes for that day (rooms' bookings and the facilitators'
 * other sessions honoured), picked as buttons.
 */
export function ScheduleDialog(props: ScheduleDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={props.isOpen}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={props.moving ? t('circles.moveTitle') : t('circles.scheduleTitle')}
      closeLabel={t('app.close')}
      size="large"
      isDismissable={false}
    >
      {props.isOpen ? <ScheduleForm key={props.moving?.id ?? 'new'} {...props} /> : null}
    </Dialog>
  );
}

interface Slot {
  resourceId: string;
  start: string;
  end: string;
}

function ScheduleForm({
  found,
  centre,
  participants,
  moving,
  onClose,
  onDone,
}: ScheduleDialogProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const resources = useQuery(resourcesQuery(centre.id));
  const rooms = (resources.data ?? []).filter((r) => r.kind === 'room');
  const firstAllowed =
    sessionKinds.find((k) => sessionAllowed(found.stage, k) === null) ?? 'pre_circle';
  const [kind, setKind] = useState<SessionKind>(moving?.kind ?? firstAllowed);
  const [roomIds, setRoomIds] = useState<string[] | null>(moving ? [moving.resourceId] : null);
  const [date, setDate] = useState(moving ? dayIn(moving.start, centre.timeZone) : '');
  const [duration, setDuration] = useState(moving ? minutesBetween(moving.start, moving.end) : 90);
  const [people, setPeople] = useState<string[]>([]);
  const [search, setSearch] = useState<AvailabilitySearch | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const chosenRooms = roomIds ?? rooms.map((r) => r.id);
  const notAllowed = moving ? null : sessionAllowed(found.stage, kind);
  const slots = useQuery({
    ...circleAvailabilityQuery(
      found.id,
      search ?? { resourceIds: [], from: '', to: '', duration: 0 },
    ),
    enabled: search !== null,
  });
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? '';
  const live = participants.filter((p) => p.consent !== 'declined');

  const find = () => {
    const found: Record<string, string> = {};
    if (chosenRooms.length === 0) found.rooms = t('circles.validation.rooms');
    if (!isIsoDate(date)) found.date = t('circles.validation.date');
    setErrors(found);
    setSlot(null);
    if (Object.keys(found).length) return;
    setSearch({ resourceIds: chosenRooms, ...dayWindow(date, centre.timeZone), duration });
  };

  const save = async () => {
    const problems: Record<string, string> = {};
    if (!slot) problems.slot = t('circles.validation.slot');
    if (!moving && kind === 'pre_circle' && people.length === 0)
      problems.participantIds = t('circles.validation.people');
    setErrors(problems);
    setDetail(null);
    if (Object.keys(problems).length || !slot || notAllowed) return;
    setPending(true);
    try {
      const times = {
        start: toCentreIso(slot.start, centre.timeZone),
        end: toCentreIso(slot.end, centre.timeZone),
      };
      if (moving) await rescheduleSession(found.id, moving.id, times);
      else
        await scheduleSession(found.id, {
          kind,
          resourceId: slot.resourceId,
          ...times,
          participantIds: kind === 'pre_circle' ? people : [],
        });
      await onDone();
      onClose();
    } catch (error) {
      const p = fieldProblems(error);
      setErrors(p.fields);
      setDetail(p.detail);
      // The slot may have gone meanwhile: search again.
      if (search) void slots.refetch();
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
      {moving ? (
        <p>
          {t('circles.movingSession', {
            kind: t(`circles.kinds.${moving.kind}`),
            room: moving.resourceName,
          })}
        </p>
      ) : (
        <>
          <SelectField
            label={t('circles.kind')}
            options={sessionKinds.map((k) => ({ id: k, label: t(`circles.kinds.${k}`) }))}
            selectedKey={kind}
            onSelectionChange={(key) => key && setKind(String(key) as SessionKind)}
            isRequired
          />
          {notAllowed ? (
            <p className="hub-warning" role="status">
              {notAllowed}
            </p>
          ) : null}
          <fieldset className="hub-circles__choices">
            <legend>{t('circles.rooms')}</legend>
            {resources.isPending ? (
              <LoadingState label={t('circles.loadingRooms')} lines={1} />
            ) : resources.error ? (
              <ErrorState
                title={t('circles.roomsFailed')}
                detail={fieldProblems(resources.error).detail}
              />
            ) : rooms.length === 0 ? (
              <p>{t('circles.noRooms')}</p>
            ) : (
              rooms.map((r) => (
                <Checkbox
                  key={r.id}
                  label={r.name}
                  isSelected={chosenRooms.includes(r.id)}
                  onChange={(on) =>
                    setRoomIds(
                      on ? [...chosenRooms, r.id] : chosenRooms.filter((id) => id !== r.id),
                    )
                  }
                />
              ))
            )}
            {errors.rooms ? <p className="hub-error-text">{errors.rooms}</p> : null}
          </fieldset>
        </>
      )}
      <div className="hub-circles__when">
        <TextField
          label={t('circles.date')}
          type="date"
          value={date}
          onChange={setDate}
          isRequired
          isInvalid={Boolean(errors.date)}
          errorMessage={errors.date}
        />
        <SelectField
          label={t('circles.duration')}
          options={[...new Set([...DURATIONS, duration])]
            .sort((a, b) => a - b)
            .map((d) => ({ id: String(d), label: t('circles.minutes', { count: d }) }))}
          selectedKey={String(duration)}
          onSelectionChange={(key) => key && setDuration(Number(key))}
          isRequired
        />
      </div>
      <div>
        <Button variant="secondary" onPress={find} isDisabled={!moving && resources.isPending}>
          {t('circles.findSlots')}
        </Button>
      </div>
      <div aria-live="polite">
        {search === null ? null : slots.isFetching ? (
          <LoadingState label={t('circles.loadingSlots')} lines={2} />
        ) : slots.error ? (
          <ErrorState title={t('circles.slotsFailed')} detail={fieldProblems(slots.error).detail} />
        ) : (slots.data ?? []).every((r) => r.slots.length === 0) ? (
          <p>{t('circles.noSlots', { date: formatDate(date, locale) })}</p>
        ) : (
          <div className="hub-circles__slots">
            <p className="hub-note">{t('circles.slotsFor', { date: formatDate(date, locale) })}</p>
            {(slots.data ?? [])
              .filter((r) => r.slots.length > 0)
              .map((r) => (
                <fieldset key={r.resourceId} className="hub-circles__slot-group">
                  <legend>{roomName(r.resourceId) || moving?.resourceName}</legend>
                  <div className="hub-circles__slot-list">
                    {r.slots.map((s) => {
                      const picked = slot?.resourceId === r.resourceId && slot.start === s.start;
                      return (
                        <label
                          key={s.start}
                          className={`hub-circles__slot${picked ? ' hub-circles__slot--picked' : ''}`}
                        >
                          <input
                            type="radio"
                            name="circle-slot"
                            checked={picked}
                            onChange={() => setSlot({ resourceId: r.resourceId, ...s })}
                          />
                          {clockIn(s.start, centre.timeZone)} – {clockIn(s.end, centre.timeZone)}
                        </label>
                      );
                    })}
                  </div>
                </fieldset>
              ))}
          </div>
        )}
        {errors.slot ? <p className="hub-error-text">{errors.slot}</p> : null}
      </div>
      {!moving && kind === 'pre_circle' ? (
        <fieldset className="hub-circles__choices">
          <legend>{t('circles.preCirclePeople')}</legend>
          {live.length === 0 ? <p>{t('circles.noParticipants')}</p> : null}
          {live.map((p) => (
            <Checkbox
              key={p.id}
              label={`${p.pseudonym} (${t(`circles.roles.${p.role}`)})`}
              isSelected={people.includes(p.id)}
              onChange={(on) =>
                setPeople((ids) => (on ? [...ids, p.id] : ids.filter((id) => id !== p.id)))
              }
            />
          ))}
          {errors.participantIds ? <p className="hub-error-text">{errors.participantIds}</p> : null}
        </fieldset>
      ) : null}
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={pending}>
          {t('app.cancel')}
        </Button>
        <Button
          type="submit"
          isPending={pending}
          isDisabled={Boolean(notAllowed)}
          pendingLabel={t('circles.saving')}
        >
          {moving ? t('circles.moveConfirm') : t('circles.scheduleConfirm')}
        </Button>
      </div>
    </form>
  );
}
