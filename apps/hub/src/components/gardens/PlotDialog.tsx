import type { Assignment, Garden, Plot } from '@lakou/domain/gardens';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { TextField } from '@lakou/ui/form-field';
import { LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { fieldProblems } from '../../api/events.ts';
import {
  assignmentsQuery,
  createAssignment,
  endAssignment,
  waitingListQuery,
} from '../../api/gardens.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { formatSquareMetres, plotHistory, plotState } from '../../lib/gardens.ts';
import { type GardenerChoice, GardenerPicker, resolveGardener } from './GardenerPicker.tsx';

interface PlotDialogProps {
  garden: Garden;
  /** The plot shown; null keeps the dialog closed. */
  plot: Plot | null;
  today: string;
  canWrite: boolean;
  canManage: boolean;
  onClose: () => void;
  onEdit: (plot: Plot) => void;
  /** After an assignment was made or ended: the caller refreshes the garden. */
  onChanged: (message: string) => Promise<void>;
}

/** A plot: what it is, who gardens it, give it to someone, end an assignment, its history. */
export function PlotDialog(props: PlotDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={props.plot !== null}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={props.plot ? t('gardens.plot.title', { label: props.plot.label }) : ''}
      closeLabel={t('app.close')}
      size="large"
    >
      {props.plot ? <PlotPanel {...props} plot={props.plot} /> : null}
    </Dialog>
  );
}

function PlotPanel({
  garden,
  plot,
  today,
  canWrite,
  canManage,
  onEdit,
  onChanged,
}: PlotDialogProps & { plot: Plot }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const state = plotState(plot);
  const [notice, setNotice] = useState('');
  const changed = async (message: string) => {
    setNotice(message);
    await onChanged(message);
  };
  return (
    <div className="hub-stack">
      <dl className="hub-details hub-gardens__plot-details">
        <div>
          <dt>{t('gardens.plot.kind')}</dt>
          <dd>{t(`gardens.kinds.${plot.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('gardens.plot.exposure')}</dt>
          <dd>{t(`gardens.exposures.${plot.exposure}`)}</dd>
        </div>
        <div>
          <dt>{t('gardens.plot.area')}</dt>
          <dd>{formatSquareMetres(plot.areaM2, locale)}</dd>
        </div>
        <div>
          <dt>{t('gardens.plot.cell')}</dt>
          <dd>{t('gardens.plot.cellValue', { row: plot.row, column: plot.column })}</dd>
        </div>
        <div>
          <dt>{t('gardens.plot.state')}</dt>
          <dd>{t(`gardens.plot.states.${state}`)}</dd>
        </div>
      </dl>
      {canManage ? (
        <p>
          <Button variant="secondary" onPress={() => onEdit(plot)}>
            {t('gardens.plotForm.edit')}
          </Button>
        </p>
      ) : null}
      <p className="hub-gardens__notice" role="status">
        {notice}
      </p>
      <section className="hub-stack" aria-labelledby="plot-current">
        <h3 className="hub-section-title" id="plot-current">
          {t('gardens.plot.current')}
        </h3>
        {plot.currentGardeners.length === 0 ? (
          <p className="hub-muted">{t('gardens.plot.nobody')}</p>
        ) : (
          <ul className="hub-gardens__current">
            {plot.currentGardeners.map((g) => (
              <li key={g.assignmentId}>
                <CurrentGardener
                  plot={plot}
                  current={g}
                  today={today}
                  canWrite={canWrite}
                  onEnded={(endsOn) =>
                    changed(
                      t('gardens.end.done', {
                        name: g.name,
                        date: formatDate(endsOn, locale, { withWeekday: false }),
                      }),
                    )
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {canWrite && state !== 'taken' ? (
        <AssignForm
          garden={garden}
          plot={plot}
          today={today}
          onAssigned={(name) => changed(t('gardens.assign.done', { name, label: plot.label }))}
        />
      ) : null}
      <History plot={plot} />
    </div>
  );
}

function CurrentGardener({
  plot,
  current,
  today,
  canWrite,
  onEnded,
}: {
  plot: Plot;
  current: Plot['currentGardeners'][number];
  today: string;
  canWrite: boolean;
  onEnded: (endsOn: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [step, setStep] = useState<'idle' | 'date' | 'confirm'>('idle');
  const [endsOn, setEndsOn] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const day = (date: string) => formatDate(date, locale, { withWeekday: false });

  const save = async () => {
    setPending(true);
    setError(null);
    try {
      await endAssignment(current.assignmentId, endsOn);
      setStep('idle');
      await onEnded(endsOn);
    } catch (e) {
      const problems = fieldProblems(e);
      setError(problems.fields.endsOn ?? problems.detail);
      setStep('date');
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="hub-gardens__gardener">
      <p>
        <strong>{current.name}</strong>{' '}
        <span className="hub-muted">
          {t('gardens.plot.since', { date: day(current.startsOn) })}
        </span>
      </p>
      {!canWrite ? null : step === 'idle' ? (
        <Button variant="secondary" onPress={() => setStep('date')}>
          {t('gardens.end.open', { name: current.name })}
        </Button>
      ) : step === 'date' ? (
        <form
          className="hub-form"
          noValidate
          aria-label={t('gardens.end.formLabel', { name: current.name })}
          onSubmit={(e) => {
            e.preventDefault();
            if (!/^\d{4}-\d{2}-\d{2}$/.test(endsOn)) {
              setError(t('gardens.common.dateInvalid'));
              return;
            }
            if (endsOn < current.startsOn) {
              setError(t('gardens.end.beforeStart', { date: day(current.startsOn) }));
              return;
            }
            setError(null);
            setStep('confirm');
            requestAnimationFrame(() => confirmRef.current?.focus());
          }}
        >
          <TextField
            label={t('gardens.end.date')}
            description={t('gardens.end.dateHelp')}
            type="date"
            value={endsOn}
            onChange={setEndsOn}
            isRequired
            isInvalid={Boolean(error)}
            errorMessage={error ?? undefined}
          />
          <div className="hub-dialog-actions">
            <Button variant="secondary" onPress={() => setStep('idle')}>
              {t('app.cancel')}
            </Button>
            <Button type="submit">{t('gardens.end.next')}</Button>
          </div>
        </form>
      ) : (
        <div className="hub-stack">
          <p className="hub-warning" tabIndex={-1} ref={confirmRef}>
            {t('gardens.end.confirmText', {
              name: current.name,
              label: plot.label,
              date: day(endsOn),
            })}
          </p>
          <div className="hub-dialog-actions">
            <Button variant="secondary" onPress={() => setStep('date')} isDisabled={isPending}>
              {t('gardens.common.back')}
            </Button>
            <Button
              variant="danger"
              isPending={isPending}
              pendingLabel={t('gardens.common.saving')}
              onPress={() => void save()}
            >
              {t('gardens.end.confirm')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

type Who = 'first' | 'other';

function AssignForm({
  garden,
  plot,
  today,
  onAssigned,
}: {
  garden: Garden;
  plot: Plot;
  today: string;
  onAssigned: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const waiting = useQuery(waitingListQuery(garden.id));
  // Only an individual plot goes to the first in line; a collective plot takes anyone.
  const first = plot.kind === 'individual' ? (waiting.data?.[0] ?? null) : null;
  const [who, setWho] = useState<Who>('first');
  const [choice, setChoice] = useState<GardenerChoice>(null);
  const [startsOn, setStartsOn] = useState(today);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const proposing = first !== null && who === 'first';

  const save = async () => {
    const found: Record<string, string> = {};
    if (!proposing && !choice) found.gardenerId = t('gardens.assign.gardenerRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) found.startsOn = t('gardens.common.dateInvalid');
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      let gardener: { id: string; name: string };
      if (proposing && first) gardener = { id: first.gardenerId, name: first.gardenerName };
      else if (choice) gardener = await resolveGardener(choice, garden.centreId);
      else return;
      // A new gardener is now one of the centre's: pick them again if the save fails below.
      if (choice?.kind === 'new') setChoice({ kind: 'gardener', gardener });
      await createAssignment({
        plotId: plot.id,
        gardenerId: gardener.id,
        startsOn,
        waitingRequestId: proposing && first ? first.id : null,
      });
      setChoice(null);
      await onAssigned(gardener.name);
    } catch (error) {
      if (error instanceof ApiError && error.problem.code === 'QUEUE_FIRST') {
        setDetail(
          first
            ? t('gardens.assign.queueFirst', { name: first.gardenerName })
            : (error.problem.detail ?? error.problem.title),
        );
        setWho('first');
        void waiting.refetch();
      } else {
        const problems = fieldProblems(error);
        const shown = {
          gardenerId: problems.fields.gardenerId,
          startsOn: problems.fields.startsOn,
        };
        setErrors(
          Object.fromEntries(Object.entries(shown).filter(([, v]) => v)) as Record<string, string>,
        );
        // A refusal said on a field of this form is not said twice; any other is said below.
        setDetail(Object.values(shown).includes(problems.detail) ? null : problems.detail);
      }
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="hub-stack" aria-labelledby="plot-assign">
      <h3 className="hub-section-title" id="plot-assign">
        {t('gardens.assign.title')}
      </h3>
      {waiting.isPending && plot.kind === 'individual' ? (
        <LoadingState label={t('gardens.waiting.loading')} lines={1} />
      ) : null}
      <form
        className="hub-form"
        noValidate
        aria-labelledby="plot-assign"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {first ? (
          <RadioGroup
            className="hub-gardens__choice"
            value={who}
            onChange={(value) => setWho(value as Who)}
          >
            <Label className="lk-field__label">{t('gardens.assign.who')}</Label>
            <Radio value="first" className="hub-gardens__radio">
              {t('gardens.assign.first', {
                name: first.gardenerName,
                date: formatDate(first.requestedOn, locale, { withWeekday: false }),
              })}
            </Radio>
            <Radio value="other" className="hub-gardens__radio">
              {t('gardens.assign.other')}
            </Radio>
          </RadioGroup>
        ) : null}
        {first && who === 'other' ? (
          <p className="hub-warning">
            {t('gardens.assign.queueWarning', { name: first.gardenerName })}
          </p>
        ) : null}
        {proposing ? null : (
          <GardenerPicker
            centreId={garden.centreId}
            label={t('gardens.assign.gardener')}
            choice={choice}
            onChoiceChange={setChoice}
            isRequired
            errorMessage={errors.gardenerId}
          />
        )}
        <TextField
          label={t('gardens.assign.startsOn')}
          type="date"
          value={startsOn}
          onChange={setStartsOn}
          isRequired
          isInvalid={Boolean(errors.startsOn)}
          errorMessage={errors.startsOn}
        />
        {detail ? (
          <p className="hub-error-text" role="alert">
            {detail}
          </p>
        ) : null}
        <div className="hub-form__actions">
          <Button type="submit" isPending={isPending} pendingLabel={t('gardens.common.saving')}>
            {t('gardens.assign.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function History({ plot }: { plot: Plot }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const history = useQuery(assignmentsQuery({ plotId: plot.id }));
  const day = (date: string) => formatDate(date, locale, { withWeekday: false });
  const period = (a: Assignment) =>
    a.endsOn
      ? t('gardens.history.period', { from: day(a.startsOn), to: day(a.endsOn) })
      : t('gardens.history.open', { from: day(a.startsOn) });
  return (
    <section className="hub-stack" aria-labelledby="plot-history">
      <h3 className="hub-section-title" id="plot-history">
        {t('gardens.history.title')}
      </h3>
      {history.isPending ? (
        <LoadingState label={t('gardens.history.loading')} lines={2} />
      ) : history.isError ? (
        <p className="hub-error-text" role="alert">
          {fieldProblems(history.error).detail}
        </p>
      ) : history.data.length === 0 ? (
        <p className="hub-muted">{t('gardens.history.empty')}</p>
      ) : (
        <ul className="hub-gardens__history">
          {plotHistory(history.data).map((a) => (
            <li key={a.id}>
              <strong>{a.gardenerName}</strong> — {period(a)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
