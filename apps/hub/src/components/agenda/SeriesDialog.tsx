import {
  occurrenceVerdict,
  priceOf,
  type RecurrenceFrequency,
  type Resource,
  recurrenceFrequencies,
  type SeriesCreateInput,
  type WeekdayCode,
  weekdayCodes,
} from '@lakou/domain/booking/rules';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { VisuallyHidden } from '@lakou/ui/visually-hidden';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Temporal } from 'temporal-polyfill';
import { ApiError } from '../../api/api-error.ts';
import {
  createSeries,
  previewSeries,
  type SeriesOccurrence,
  type SeriesReport,
  seriesReportOf,
} from '../../api/booking.ts';
import { useLocale } from '../../i18n/index.ts';
import { describeBooking, formatCentreRange, formatCents } from '../../lib/agenda.ts';
import {
  describeSeries,
  firstStartOf,
  formatLocalDate,
  monthDayOf,
  ruleProblems,
  ruleText,
  type SeriesEnd,
  type SeriesRuleSpec,
  type SeriesStart,
  skipList,
  unresolvedConflicts,
  weekdayName,
  weekdayOf,
} from '../../lib/series.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';
import {
  initialPurpose,
  PurposeFields,
  type PurposeValues,
  purposeComplete,
  purposeInput,
  wholeNumber,
} from './BookingDialogs.tsx';
import '../../styles/series.css';

/** Where the series editor starts from, with what was typed in the booking dialog if any. */
export interface SeriesSeed extends SeriesStart {
  purpose?: PurposeValues | undefined;
}

interface SeriesDialogProps {
  seed: SeriesSeed | null;
  resources: Resource[];
  timeZone: string;
  defaultOrganiser: string;
  onClose: () => void;
  /** After the series is booked: how many bookings were made. */
  onCreated: (purpose: string, booked: number) => Promise<void> | void;
}

export function SeriesDialog(props: SeriesDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={props.seed !== null}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={t('series.title')}
      closeLabel={t('app.close')}
      size="large"
      isDismissable={false}
    >
      {props.seed ? <SeriesForm {...props} seed={props.seed} /> : null}
    </Dialog>
  );
}

/** The price of one occurrence (the first), when its time is known. */
function pricePerOccurrence(
  resource: Resource | undefined,
  first: { date: string; time: string; durationMinutes: number },
  timeZone: string,
  audience: PurposeValues['audience'],
) {
  if (!resource || first.durationMinutes < 5) return null;
  try {
    const start = Temporal.PlainDateTime.from(firstStartOf(first.date, first.time))
      .toZonedDateTime(timeZone)
      .toInstant();
    const end = start.add({ minutes: first.durationMinutes });
    return priceOf(resource.tariff, audience, start.toString(), end.toString());
  } catch {
    return null;
  }
}

function problemLines(error: unknown): string[] {
  if (error instanceof ApiError) {
    const fields = (error.problem.errors ?? []).map((e) => e.message);
    return [error.problem.detail ?? error.problem.title, ...fields].filter(
      (line, index, all) => all.indexOf(line) === index,
    );
  }
  return [error instanceof Error ? error.message : String(error)];
}

function SeriesForm({
  seed,
  resources,
  timeZone,
  defaultOrganiser,
  onClose,
  onCreated,
}: SeriesDialogProps & { seed: SeriesSeed }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [resourceId, setResourceId] = useState(seed.resourceId || resources[0]?.id || '');
  const [date, setDate] = useState(seed.date);
  const [time, setTime] = useState(seed.time);
  const [duration, setDuration] = useState(String(seed.durationMinutes));
  const [freq, setFreq] = useState<RecurrenceFrequency>('WEEKLY');
  const [interval, setInterval] = useState('1');
  const [weekdays, setWeekdays] = useState<WeekdayCode[]>(() => {
    const day = weekdayOf(seed.date);
    return day ? [day] : [];
  });
  const [monthDay, setMonthDay] = useState(() => String(monthDayOf(seed.date) ?? 1));
  const [endKind, setEndKind] = useState<SeriesEnd['kind']>('count');
  const [count, setCount] = useState('10');
  const [until, setUntil] = useState('');
  const [values, setValues] = useState<PurposeValues>(
    () => seed.purpose ?? initialPurpose(defaultOrganiser),
  );

  const [report, setReport] = useState<SeriesReport | null>(null);
  const [checkedInput, setCheckedInput] = useState<string | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<'preview' | 'create' | null>(null);
  const [failure, setFailure] = useState<{ title: string; lines: string[] } | null>(null);
  const [takenSince, setTakenSince] = useState(false);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  const durationMinutes = wholeNumber(duration);
  const spec: SeriesRuleSpec = {
    freq,
    interval: wholeNumber(interval),
    weekdays,
    monthDay: wholeNumber(monthDay),
    end:
      endKind === 'count' ? { kind: 'count', count: wholeNumber(count) } : { kind: 'until', until },
  };
  const first = { date, time, durationMinutes };
  const problems = ruleProblems(spec, first);
  const resource = resources.find((r) => r.id === resourceId);
  // Every occurrence carries the same values of the centre's booking fields.
  const custom = useCustomFieldsForm({
    entity: 'booking',
    centreId: resource?.centreId,
    mode: 'create',
  });
  const complete = problems.length === 0 && resource !== undefined && purposeComplete(values);

  const input: Omit<SeriesCreateInput, 'skip'> | null = complete
    ? {
        resourceId,
        ...purposeInput(values),
        recurrence: {
          rule: ruleText(spec),
          firstStart: firstStartOf(date, time),
          durationMinutes,
          exceptions: [],
        },
      }
    : null;
  const inputKey = input ? JSON.stringify(input) : null;
  const stale = report !== null && inputKey !== checkedInput;
  const occurrences = report?.occurrences ?? [];
  const unresolved = unresolvedConflicts(occurrences, ticked);
  const freeCount = occurrences.filter((o) => o.verdict === 'free').length;
  const conflictCount = occurrences.filter((o) => o.verdict === 'conflict').length;

  const summary = problems.length === 0 ? describeSeries(spec, first, t, locale) : null;
  const price = pricePerOccurrence(resource, first, timeZone, values.audience);

  const check = async () => {
    if (!input) return;
    setPending('preview');
    setFailure(null);
    setTakenSince(false);
    try {
      const judged = await previewSeries({ ...input, skip: [] });
      setReport(judged);
      setCheckedInput(inputKey);
      // Keep the ticks of dates still in conflict; the others no longer mean anything.
      const conflicting = new Set(
        judged.occurrences.filter((o) => o.verdict === 'conflict').map((o) => o.date),
      );
      setTicked((current) => new Set([...current].filter((d) => conflicting.has(d))));
      requestAnimationFrame(() => reportHeading.current?.focus());
    } catch (error) {
      setReport(null);
      setFailure({ title: t('series.previewFailed'), lines: problemLines(error) });
    } finally {
      setPending(null);
    }
  };

  const create = async () => {
    if (!input || !report) return;
    const checked = custom.check();
    if (!checked.ok) return;
    setPending('create');
    setFailure(null);
    setTakenSince(false);
    try {
      const made = await createSeries({
        ...input,
        custom: checked.values,
        skip: skipList(occurrences, ticked),
      });
      await onCreated(input.purpose, made.bookings.length);
    } catch (error) {
      const fresh = seriesReportOf(error);
      if (fresh) {
        // A slot was taken since the preview: show the judged list again, ticks kept.
        // It judged the dates sent as skipped as such: judge them again without that.
        setReport({
          ...fresh,
          occurrences: fresh.occurrences.map((o) => ({
            ...o,
            verdict: occurrenceVerdict({ ...o, skipped: false }),
          })),
        });
        setTakenSince(true);
        requestAnimationFrame(() => reportHeading.current?.focus());
      } else if (!custom.showProblems(error)) {
        setFailure({ title: t('series.createRefused'), lines: problemLines(error) });
      }
    } finally {
      setPending(null);
    }
  };

  // The weekday and day of the month follow the first date, until the manager picks others.
  const changeDate = (next: string) => {
    const before = weekdayOf(date);
    const after = weekdayOf(next);
    if (after && (weekdays.length === 0 || (weekdays.length === 1 && weekdays[0] === before))) {
      setWeekdays([after]);
    }
    const dayAfter = monthDayOf(next);
    if (dayAfter && monthDay === String(monthDayOf(date) ?? '')) setMonthDay(String(dayAfter));
    setDate(next);
  };

  const toggle = (day: string, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(day);
      else next.delete(day);
      return next;
    });

  return (
    <div className="hub-form">
      <SelectField
        label={t('agenda.resource')}
        options={resources.map((r) => ({ id: r.id, label: r.name }))}
        selectedKey={resourceId}
        onSelectionChange={(key) => setResourceId(String(key))}
        isRequired
      />
      <div className="hub-agenda__row">
        <TextField
          label={t('series.firstDate')}
          type="date"
          value={date}
          onChange={changeDate}
          isRequired
        />
        <TextField
          label={t('series.startTime')}
          type="time"
          value={time}
          onChange={setTime}
          isRequired
        />
        <TextField
          label={t('series.duration')}
          inputMode="numeric"
          value={duration}
          onChange={setDuration}
          isRequired
          maxLength={4}
        />
      </div>
      <div className="hub-agenda__row">
        <SelectField
          label={t('series.frequency')}
          options={recurrenceFrequencies.map((f) => ({
            id: f,
            label: t(`series.frequencies.${f}`),
          }))}
          selectedKey={freq}
          onSelectionChange={(key) => setFreq(key as RecurrenceFrequency)}
        />
        <TextField
          label={t(`series.intervalLabel.${freq}`)}
          inputMode="numeric"
          value={interval}
          onChange={setInterval}
          isRequired
          maxLength={3}
        />
        {freq === 'MONTHLY' ? (
          <TextField
            label={t('series.monthDay')}
            description={t('series.monthDayHelp')}
            inputMode="numeric"
            value={monthDay}
            onChange={setMonthDay}
            isRequired
            maxLength={2}
          />
        ) : null}
      </div>
      {freq === 'WEEKLY' ? (
        <fieldset className="hub-agenda__needs">
          <legend>{t('series.weekdays')}</legend>
          {weekdayCodes.map((code) => (
            <Checkbox
              key={code}
              label={weekdayName(code, locale)}
              isSelected={weekdays.includes(code)}
              onChange={(on) =>
                setWeekdays((list) => (on ? [...list, code] : list.filter((d) => d !== code)))
              }
            />
          ))}
        </fieldset>
      ) : null}
      <div className="hub-agenda__row">
        <SelectField
          label={t('series.endKind')}
          options={(['count', 'until'] as const).map((k) => ({
            id: k,
            label: t(`series.endKinds.${k}`),
          }))}
          selectedKey={endKind}
          onSelectionChange={(key) => setEndKind(key as SeriesEnd['kind'])}
        />
        {endKind === 'count' ? (
          <TextField
            label={t('series.count')}
            inputMode="numeric"
            value={count}
            onChange={setCount}
            isRequired
            maxLength={3}
          />
        ) : (
          <TextField
            label={t('series.until')}
            type="date"
            value={until}
            onChange={setUntil}
            isRequired
          />
        )}
      </div>
      {summary ? (
        <p className="hub-series__summary">
          <strong>{t('series.summary')}</strong> {summary}
        </p>
      ) : (
        <ul className="hub-list hub-series__problems">
          {problems.map((p) => (
            <li key={p}>{t(`series.problems.${p}`)}</li>
          ))}
        </ul>
      )}
      <PurposeFields
        values={values}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
      />
      <CustomFieldsSection {...custom.sectionProps} isDisabled={pending !== null} />
      {price ? (
        <p className="hub-agenda__price">
          <strong>{t('agenda.price')}</strong> {formatCents(price.cents, locale)}
        </p>
      ) : null}

      {failure ? (
        <div className="hub-agenda__refusal" role="alert">
          <p className="hub-agenda__refusal-title">{failure.title}</p>
          <ul className="hub-list">
            {failure.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {report ? (
        <section className="hub-series__report" aria-labelledby={`${ids}-report`}>
          <h3 id={`${ids}-report`} ref={reportHeading} tabIndex={-1}>
            {t('series.occurrences')}
          </h3>
          <p role="status">
            {t('series.counts', {
              free: report.counts.free,
              conflict: report.counts.conflict,
              unavailable: report.counts.unavailable,
              skipped: report.counts.skipped,
            })}
          </p>
          {takenSince ? (
            <p className="hub-agenda__refusal" role="alert">
              {t('series.takenSince')}
            </p>
          ) : null}
          {stale ? (
            <p className="hub-series__stale" role="alert">
              {t('series.staleReport')}
            </p>
          ) : null}
          {conflictCount > 0 ? (
            <Button
              variant="secondary"
              size="small"
              onPress={() =>
                setTicked(
                  new Set(occurrences.filter((o) => o.verdict === 'conflict').map((o) => o.date)),
                )
              }
            >
              {t('series.skipAllConflicts')}
            </Button>
          ) : null}
          <ol className="hub-series__occurrences">
            {occurrences.map((o) => (
              <OccurrenceItem
                key={o.date}
                occurrence={o}
                timeZone={timeZone}
                isSkipped={ticked.has(o.date)}
                onSkip={(on) => toggle(o.date, on)}
              />
            ))}
          </ol>
          {unresolved.length > 0 ? (
            <p className="hub-series__stale">
              {t('series.mustResolve', { count: unresolved.length })}
            </p>
          ) : freeCount === 0 ? (
            <p className="hub-series__stale">{t('series.nothingToBook')}</p>
          ) : null}
        </section>
      ) : null}

      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={pending !== null}>
          {t('app.cancel')}
        </Button>
        <Button
          variant={report && !stale ? 'secondary' : 'primary'}
          onPress={() => void check()}
          isDisabled={!complete || pending === 'create'}
          isPending={pending === 'preview'}
          pendingLabel={t('series.checking')}
        >
          {t('series.check')}
        </Button>
        {report ? (
          <Button
            onPress={() => void create()}
            isDisabled={stale || unresolved.length > 0 || freeCount === 0 || pending === 'preview'}
            isPending={pending === 'create'}
            pendingLabel={t('series.creating')}
          >
            {t('series.create')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

const verdictTone = {
  free: 'success',
  conflict: 'danger',
  unavailable: 'warning',
  skipped: 'neutral',
} as const;

function OccurrenceItem({
  occurrence,
  timeZone,
  isSkipped,
  onSkip,
}: {
  occurrence: SeriesOccurrence;
  timeZone: string;
  isSkipped: boolean;
  onSkip: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const verdict = occurrence.verdict === 'conflict' && isSkipped ? 'skipped' : occurrence.verdict;
  return (
    <li className="hub-series__occurrence" data-verdict={occurrence.verdict}>
      <div className="hub-series__occurrence-head">
        <span>{formatCentreRange(occurrence.start, occurrence.end, timeZone, locale)}</span>{' '}
        <Badge tone={verdictTone[verdict]}>{t(`series.verdicts.${verdict}`)}</Badge>
      </div>
      {occurrence.conflicts.length > 0 || occurrence.problems.length > 0 ? (
        <ul className="hub-list">
          {occurrence.conflicts.map((b) => (
            <li key={b.id}>
              {t('agenda.conflictWith', { booking: describeBooking(b, timeZone, locale) })}
            </li>
          ))}
          {occurrence.problems.map((p) => (
            <li key={p}>
              {p} {t('series.unavailableSkipped')}
            </li>
          ))}
        </ul>
      ) : null}
      {occurrence.verdict === 'conflict' ? (
        <Checkbox
          label={
            <>
              {t('series.skip')}
              <VisuallyHidden>
                {' '}
                {t('series.skipWhich', { date: formatLocalDate(occurrence.date, locale) })}
              </VisuallyHidden>
            </>
          }
          isSelected={isSkipped}
          onChange={onSkip}
        />
      ) : null}
    </li>
  );
}
