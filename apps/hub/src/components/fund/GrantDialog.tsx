import type { Grant, GrantStatus } from '@lakou/domain/fund';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { fieldProblems } from '../../api/events.ts';
import {
  addInstalment,
  grantQuery,
  markInstalmentReceived,
  moveGrant,
  updateGrant,
} from '../../api/fund.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import {
  centsToTypedEuros,
  formatEuros,
  formProblems,
  fundToday,
  grantAlerts,
  grantChanges,
  grantDraftOf,
  isCalendarDate,
  leftToSchedule,
  moveNeeds,
  movesFrom,
  takesInstalments,
  typedEurosToCents,
} from '../../lib/fund.ts';
import { useCentreName, useCentres } from '../useCentreNames.ts';
import { useSubFunds } from './parts.tsx';

interface GrantDialogProps {
  /** `null` keeps the dialog closed. */
  grantId: string | null;
  canWrite: boolean;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
}

type Errors = Record<string, string>;

function problemsOf(error: unknown): { fields: Errors; detail: string | null } {
  if (error instanceof ApiError) return formProblems(error.problem);
  return { fields: {}, detail: error instanceof Error ? error.message : String(error) };
}

/** One grant: what was asked and awarded, its dates, its instalments; for the admin its moves. */
export function GrantDialog({ grantId, canWrite, onClose, onChanged }: GrantDialogProps) {
  const { t } = useTranslation();
  const grant = useQuery({ ...grantQuery(grantId ?? ''), enabled: grantId !== null });
  return (
    <Dialog
      isOpen={grantId !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={grant.data?.project ?? t('fund.grant.title')}
      closeLabel={t('app.close')}
      size="large"
    >
      {grant.isPending ? (
        <LoadingState label={t('fund.grant.loading')} lines={3} />
      ) : grant.isError ? (
        <ErrorState
          title={
            grant.error instanceof ApiError && grant.error.isNotFound
              ? t('fund.grant.notFound')
              : t('fund.grant.loadFailed')
          }
          detail={fieldProblems(grant.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void grant.refetch()}
        />
      ) : (
        <GrantDetails
          grant={grant.data}
          canWrite={canWrite}
          onChanged={async () => {
            await Promise.all([grant.refetch(), onChanged()]);
          }}
        />
      )}
    </Dialog>
  );
}

function GrantDetails({
  grant,
  canWrite,
  onChanged,
}: {
  grant: Grant;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const centreName = useCentreName();
  const { nameOf } = useSubFunds();
  const [notice, setNotice] = useState('');
  const today = fundToday();
  const alerts = grantAlerts(grant, today);
  const day = (date: string | null) =>
    date ? formatDate(date, locale, { withWeekday: false }) : '—';
  const facts: [string, string][] = [
    [t('fund.grant.funder'), grant.funderName],
    [t('fund.grant.call'), grant.callForProjects],
    [t('fund.grant.requested'), formatEuros(grant.amountRequestedCents, locale)],
    [
      t('fund.grant.awarded'),
      grant.amountAwardedCents === null ? '—' : formatEuros(grant.amountAwardedCents, locale),
    ],
    [t('fund.grant.received'), formatEuros(grant.receivedCents, locale)],
    [t('fund.grant.submissionDeadline'), day(grant.submissionDeadline)],
    [t('fund.grant.submittedOn'), day(grant.submittedOn)],
    [t('fund.grant.decisionOn'), day(grant.decisionOn)],
    [t('fund.grant.reportDueOn'), day(grant.reportDueOn)],
    [t('fund.grant.closedOn'), day(grant.closedOn)],
    [t('fund.grant.centre'), grant.centreId ? centreName(grant.centreId) : '—'],
    [t('fund.grant.subFund'), nameOf(grant.subFundId)],
  ];
  return (
    <div className="hub-stack">
      <p className="hub-fund__card-line">
        <Badge tone="info">{t(`fund.grantStatuses.${grant.status}`)}</Badge>
        {alerts.map((a) => (
          <Badge key={a} tone="danger">
            {t(`fund.grants.alerts.${a}`)}
          </Badge>
        ))}
      </p>
      <dl className="hub-details hub-details--inline">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {grant.notes ? <p className="hub-note">{grant.notes}</p> : null}
      <p className="hub-fund__notice" role="status">
        {notice}
      </p>
      {canWrite ? (
        <EditSection
          grant={grant}
          onSaved={async () => {
            setNotice(t('fund.editGrant.saved'));
            await onChanged();
          }}
        />
      ) : null}
      {canWrite && movesFrom(grant.status).length > 0 ? (
        <MoveSection
          grant={grant}
          onMoved={async (moved) => {
            setNotice(t('fund.grant.moved', { status: t(`fund.grantStatuses.${moved.status}`) }));
            await onChanged();
          }}
        />
      ) : null}
      <Instalments
        grant={grant}
        canWrite={canWrite}
        onChanged={async (message) => {
          setNotice(message);
          await onChanged();
        }}
      />
    </div>
  );
}

function MoveSection({
  grant,
  onMoved,
}: {
  grant: Grant;
  onMoved: (grant: Grant) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState<GrantStatus | null>(null);
  return (
    <section className="hub-stack" aria-labelledby="grant-moves">
      <h3 className="hub-section-title" id="grant-moves">
        {t('fund.grant.moves')}
      </h3>
      <div className="hub-form__actions">
        {movesFrom(grant.status).map((status) => (
          <Button
            key={status}
            variant={to === status ? 'primary' : 'secondary'}
            aria-pressed={to === status}
            onPress={() => setTo(to === status ? null : status)}
          >
            {t('fund.grant.moveTo', { status: t(`fund.grantStatuses.${status}`) })}
          </Button>
        ))}
      </div>
      {to ? (
        <MoveForm
          key={to}
          grant={grant}
          to={to}
          onCancel={() => setTo(null)}
          onMoved={async (moved) => {
            setTo(null);
            await onMoved(moved);
          }}
        />
      ) : null}
    </section>
  );
}

/** The admin changes what the application says, until the grant is closed. */
function EditSection({ grant, onSaved }: { grant: Grant; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (grant.status === 'closed' && !editing)
    return <p className="hub-note">{t('fund.editGrant.closed')}</p>;
  return editing ? (
    <EditGrantForm
      grant={grant}
      onCancel={() => setEditing(false)}
      onSaved={async () => {
        setEditing(false);
        await onSaved();
      }}
    />
  ) : (
    <div className="hub-form__actions">
      <Button variant="secondary" onPress={() => setEditing(true)}>
        {t('fund.editGrant.open')}
      </Button>
    </div>
  );
}

const NO_CENTRE = 'none';

function EditGrantForm({
  grant,
  onCancel,
  onSaved,
}: {
  grant: Grant;
  onCancel: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const centres = useCentres();
  const [before] = useState(() => grantDraftOf(grant));
  const [call, setCall] = useState(before.callForProjects);
  const [project, setProject] = useState(before.project);
  const [amount, setAmount] = useState(() => centsToTypedEuros(before.amountRequestedCents));
  const [submissionDeadline, setSubmissionDeadline] = useState(before.submissionDeadline);
  const [reportDueOn, setReportDueOn] = useState(before.reportDueOn);
  const [centreId, setCentreId] = useState(before.centreId ?? NO_CENTRE);
  const [notes, setNotes] = useState(before.notes);
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    const found: Errors = {};
    if (call.trim().length < 3) found.callForProjects = t('fund.newGrant.tooShort');
    if (project.trim().length < 3) found.project = t('fund.newGrant.tooShort');
    const amountCents = typedEurosToCents(amount);
    if (amountCents === null) found.amountRequestedCents = t('fund.common.amountInvalid');
    if (submissionDeadline && !isCalendarDate(submissionDeadline))
      found.submissionDeadline = t('fund.common.dateInvalid');
    if (reportDueOn && !isCalendarDate(reportDueOn))
      found.reportDueOn = t('fund.common.dateInvalid');
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0 || amountCents === null) return;
    const patch = grantChanges(before, {
      callForProjects: call,
      project,
      amountRequestedCents: amountCents,
      submissionDeadline,
      reportDueOn,
      centreId: centreId === NO_CENTRE ? null : centreId,
      notes,
    });
    if (Object.keys(patch).length === 0) {
      setDetail(t('fund.editGrant.nothingChanged'));
      return;
    }
    setPending(true);
    try {
      await updateGrant(grant.id, patch);
      await onSaved();
    } catch (error) {
      // A closed grant is refused with the API's own sentence (GRANT_CLOSED).
      const problems = problemsOf(error);
      setErrors(problems.fields);
      setDetail(problems.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form hub-fund__subform"
      noValidate
      aria-labelledby="grant-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="hub-section-title" id="grant-edit">
        {t('fund.editGrant.title')}
      </h3>
      <TextField
        label={t('fund.newGrant.call')}
        value={call}
        onChange={setCall}
        isRequired
        maxLength={200}
        isInvalid={Boolean(errors.callForProjects)}
        errorMessage={errors.callForProjects}
      />
      <TextField
        label={t('fund.newGrant.project')}
        value={project}
        onChange={setProject}
        isRequired
        maxLength={200}
        autoFocus
        isInvalid={Boolean(errors.project)}
        errorMessage={errors.project}
      />
      <TextField
        label={t('fund.newGrant.amountRequested')}
        description={t('fund.common.amountHelp')}
        inputMode="decimal"
        value={amount}
        onChange={setAmount}
        isRequired
        maxLength={16}
        isInvalid={Boolean(errors.amountRequestedCents)}
        errorMessage={errors.amountRequestedCents}
      />
      <TextField
        label={t('fund.newGrant.submissionDeadline')}
        type="date"
        value={submissionDeadline}
        onChange={setSubmissionDeadline}
        isInvalid={Boolean(errors.submissionDeadline)}
        errorMessage={errors.submissionDeadline}
      />
      <TextField
        label={t('fund.newGrant.reportDueOn')}
        type="date"
        value={reportDueOn}
        onChange={setReportDueOn}
        isInvalid={Boolean(errors.reportDueOn)}
        errorMessage={errors.reportDueOn}
      />
      <SelectField
        label={t('fund.newGrant.centre')}
        options={[
          { id: NO_CENTRE, label: t('fund.newGrant.noCentre') },
          ...centres.map((c) => ({ id: c.id, label: c.name })),
        ]}
        selectedKey={centreId}
        onSelectionChange={(key) => setCentreId(String(key ?? NO_CENTRE))}
        isInvalid={Boolean(errors.centreId)}
        errorMessage={errors.centreId}
      />
      <TextField
        label={t('fund.newGrant.notes')}
        isMultiline
        value={notes}
        onChange={setNotes}
        maxLength={2000}
        isInvalid={Boolean(errors.notes)}
        errorMessage={errors.notes}
      />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="hub-form__actions">
        <Button variant="secondary" onPress={onCancel} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('fund.common.saving')}>
          {t('fund.editGrant.submit')}
        </Button>
      </div>
    </form>
  );
}

function MoveForm({
  grant,
  to,
  onCancel,
  onMoved,
}: {
  grant: Grant;
  to: GrantStatus;
  onCancel: () => void;
  onMoved: (grant: Grant) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const needs = moveNeeds(to);
  const [on, setOn] = useState(fundToday);
  const [amount, setAmount] = useState('');
  const [reportDueOn, setReportDueOn] = useState(grant.reportDueOn ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    const found: Errors = {};
    if (!isCalendarDate(on)) found.on = t('fund.common.dateInvalid');
    const amountCents = needs.amount ? typedEurosToCents(amount) : null;
    if (needs.amount && amountCents === null)
      found.amountAwardedCents = t('fund.common.amountInvalid');
    if (needs.reportDate && !isCalendarDate(reportDueOn))
      found.reportDueOn = t('fund.common.dateInvalid');
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const moved = await moveGrant(grant.id, {
        to,
        on,
        ...(amountCents !== null ? { amountAwardedCents: amountCents } : {}),
        ...(needs.reportDate ? { reportDueOn } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      await onMoved(moved);
    } catch (error) {
      const problems = problemsOf(error);
      setErrors(problems.fields);
      setDetail(problems.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form hub-fund__subform"
      noValidate
      aria-label={t('fund.grant.moveTo', { status: t(`fund.grantStatuses.${to}`) })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label={t(`fund.grant.moveDate.${to}`)}
        type="date"
        value={on}
        onChange={setOn}
        isRequired
        isInvalid={Boolean(errors.on)}
        errorMessage={errors.on}
      />
      {needs.amount ? (
        <TextField
          label={t('fund.grant.amountAwarded')}
          description={t('fund.grant.amountAwardedHelp', {
            amount: formatEuros(grant.amountRequestedCents, locale),
          })}
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
          isRequired
          maxLength={16}
          isInvalid={Boolean(errors.amountAwardedCents)}
          errorMessage={errors.amountAwardedCents}
        />
      ) : null}
      {needs.reportDate ? (
        <TextField
          label={t('fund.grant.reportDueOn')}
          type="date"
          value={reportDueOn}
          onChange={setReportDueOn}
          isRequired
          isInvalid={Boolean(errors.reportDueOn)}
          errorMessage={errors.reportDueOn}
        />
      ) : null}
      <TextField
        label={t('fund.grant.note')}
        isMultiline
        value={note}
        onChange={setNote}
        maxLength={1000}
        isInvalid={Boolean(errors.note)}
        errorMessage={errors.note}
      />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="hub-form__actions">
        <Button variant="secondary" onPress={onCancel} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('fund.common.saving')}>
          {t('fund.grant.confirmMove', { status: t(`fund.grantStatuses.${to}`) })}
        </Button>
      </div>
    </form>
  );
}

function Instalments({
  grant,
  canWrite,
  onChanged,
}: {
  grant: Grant;
  canWrite: boolean;
  onChanged: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [receiving, setReceiving] = useState<string | null>(null);
  const open = takesInstalments(grant.status);
  const day = (date: string) => formatDate(date, locale, { withWeekday: false });
  return (
    <section className="hub-stack" aria-labelledby="grant-instalments">
      <h3 className="hub-section-title" id="grant-instalments">
        {t('fund.grant.instalments')}
      </h3>
      {grant.instalments.length === 0 ? (
        <p className="hub-muted">
          {open ? t('fund.grant.noInstalments') : t('fund.grant.instalmentsAfterAward')}
        </p>
      ) : (
        <ul className="hub-fund__instalments">
          {grant.instalments.map((i) => {
            const late = i.receivedOn === null && i.expectedOn < fundToday();
            return (
              <li key={i.id} className="hub-fund__instalment" data-overdue={late || undefined}>
                <span>
                  <strong>{formatEuros(i.amountCents, locale)}</strong>{' '}
                  {t('fund.grant.expectedOn', { date: day(i.expectedOn) })}
                </span>
                {i.receivedOn ? (
                  <Badge tone="success">
                    {t('fund.grant.receivedOn', { date: day(i.receivedOn) })}
                  </Badge>
                ) : (
                  <Badge tone={late ? 'danger' : 'warning'}>
                    {late ? t('fund.grants.alerts.instalment') : t('fund.grant.awaited')}
                  </Badge>
                )}
                {canWrite && open && i.receivedOn === null && receiving !== i.id ? (
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t('fund.grant.markReceivedLabel', {
                      amount: formatEuros(i.amountCents, locale),
                      date: day(i.expectedOn),
                    })}
                    onPress={() => setReceiving(i.id)}
                  >
                    {t('fund.grant.markReceived')}
                  </Button>
                ) : null}
                {receiving === i.id ? (
                  <ReceiveForm
                    grantId={grant.id}
                    instalmentId={i.id}
                    onCancel={() => setReceiving(null)}
                    onReceived={async () => {
                      setReceiving(null);
                      await onChanged(
                        t('fund.grant.receivedDone', {
                          amount: formatEuros(i.amountCents, locale),
                        }),
                      );
                    }}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canWrite && open ? (
        <AddInstalmentForm
          grant={grant}
          onAdded={async (amountCents) =>
            onChanged(t('fund.grant.instalmentAdded', { amount: formatEuros(amountCents, locale) }))
          }
        />
      ) : null}
    </section>
  );
}

function ReceiveForm({
  grantId,
  instalmentId,
  onCancel,
  onReceived,
}: {
  grantId: string;
  instalmentId: string;
  onCancel: () => void;
  onReceived: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [receivedOn, setReceivedOn] = useState(fundToday);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const save = async () => {
    if (!isCalendarDate(receivedOn)) {
      setError(t('fund.common.dateInvalid'));
      return;
    }
    setError(null);
    setPending(true);
    try {
      await markInstalmentReceived(grantId, instalmentId, receivedOn);
      await onReceived();
    } catch (e) {
      const problems = problemsOf(e);
      setError(problems.fields.receivedOn ?? problems.detail);
    } finally {
      setPending(false);
    }
  };
  return (
    <form
      className="hub-fund__inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label={t('fund.grant.receivedDate')}
        description={t('fund.grant.receivedHelp')}
        type="date"
        value={receivedOn}
        onChange={setReceivedOn}
        isRequired
        autoFocus
        isInvalid={Boolean(error)}
        errorMessage={error}
      />
      <div className="hub-form__actions">
        <Button variant="secondary" size="small" onPress={onCancel} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button
          type="submit"
          size="small"
          isPending={isPending}
          pendingLabel={t('fund.common.saving')}
        >
          {t('fund.grant.confirmReceived')}
        </Button>
      </div>
    </form>
  );
}

function AddInstalmentForm({
  grant,
  onAdded,
}: {
  grant: Grant;
  onAdded: (amountCents: number) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [expectedOn, setExpectedOn] = useState('');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const left = leftToSchedule(grant);

  const save = async () => {
    const found: Errors = {};
    if (!isCalendarDate(expectedOn)) found.expectedOn = t('fund.common.dateInvalid');
    const amountCents = typedEurosToCents(amount);
    if (amountCents === null) found.amountCents = t('fund.common.amountInvalid');
    else if (amountCents > left)
      found.amountCents = t('fund.grant.overAwarded', { amount: formatEuros(left, locale) });
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0 || amountCents === null) return;
    setPending(true);
    try {
      await addInstalment(grant.id, { expectedOn, amountCents });
      setExpectedOn('');
      setAmount('');
      await onAdded(amountCents);
    } catch (error) {
      const problems = problemsOf(error);
      setErrors(problems.fields);
      setDetail(problems.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form hub-fund__subform"
      noValidate
      aria-labelledby="grant-add-instalment"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h4 className="hub-fund__subform-title" id="grant-add-instalment">
        {t('fund.grant.addInstalment')}
      </h4>
      <p className="hub-note">
        {t('fund.grant.leftToSchedule', { amount: formatEuros(left, locale) })}
      </p>
      <TextField
        label={t('fund.grant.expectedOnField')}
        type="date"
        value={expectedOn}
        onChange={setExpectedOn}
        isRequired
        isInvalid={Boolean(errors.expectedOn)}
        errorMessage={errors.expectedOn}
      />
      <TextField
        label={t('fund.grant.instalmentAmount')}
        inputMode="decimal"
        value={amount}
        onChange={setAmount}
        isRequired
        maxLength={16}
        isInvalid={Boolean(errors.amountCents)}
        errorMessage={errors.amountCents}
      />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="hub-form__actions">
        <Button
          type="submit"
          variant="secondary"
          isPending={isPending}
          pendingLabel={t('fund.common.saving')}
          isDisabled={left <= 0}
        >
          {t('fund.grant.add')}
        </Button>
      </div>
    </form>
  );
}
