import {
  type Agreement,
  type AgreementOutcome,
  agreementOutcomes,
  type CircleCase,
  type CircleSession,
  isOpen,
  judgeCaseMove,
  type Participant,
  type ParticipantRole,
  participantRoles,
} from '@lakou/domain/circles';
import { customFieldLabel, formatCustomValue } from '@lakou/domain/config';
import type { Centre } from '@lakou/domain/network';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { ConfirmDialog, Dialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import { VisuallyHidden } from '@lakou/ui/visually-hidden';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addAgreement,
  addParticipant,
  agreementsQuery,
  circleKeys,
  evaluateAgreement,
  moveCase,
  participantsQuery,
  recordConsent,
  sessionsQuery,
  setSessionStatus,
} from '../../api/circles.ts';
import { fieldProblems } from '../../api/events.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCentreRange } from '../../lib/agenda.ts';
import { caseFactsOf, isIsoDate, nextStage, timeline } from '../../lib/circles.ts';
import { formatDate, formatInstant } from '../../lib/format.ts';
import { useCustomFields } from '../custom-fields/useCustomFields.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { ScheduleDialog } from './ScheduleDialog.tsx';
import '../../styles/circles.css';

/** One restorative circle case, for its facilitators only. */
export function CasePage({ found, centre }: { found: CircleCase; centre: Centre }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  useDocumentTitle(t('circles.caseTitle', { reference: found.reference }));
  const participants = useQuery(participantsQuery(found.id));
  const sessions = useQuery(sessionsQuery(found.id));
  const agreements = useQuery(agreementsQuery(found.id));
  const open = isOpen(found.stage);

  return (
    <div className="hub-page hub-circles">
      <p className="hub-back">
        <RouterLink to="/circles">
          <span aria-hidden="true">← </span>
          {t('circles.backToDashboard')}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">
          {t('circles.caseTitle', { reference: found.reference })}
        </h1>
        <p className="hub-note">
          {t('circles.caseMeta', {
            centre: centre.name,
            opened: formatInstant(found.openedAt, locale, 'date', centre.timeZone),
          })}
        </p>
        {found.description ? <p className="hub-circles__description">{found.description}</p> : null}
        <IntakeValues found={found} />
        <StageTimeline found={found} />
        {found.stage === 'abandoned' && found.abandonReason ? (
          <p className="hub-warning">
            {t('circles.abandonedBecause', { reason: found.abandonReason })}
          </p>
        ) : null}
        {open ? (
          participants.data && sessions.data && agreements.data ? (
            <StageActions
              found={found}
              participants={participants.data}
              sessions={sessions.data}
              agreements={agreements.data}
            />
          ) : null
        ) : null}
      </header>

      <div className="hub-circles__grid">
        <Card title={t('circles.participants')}>
          {participants.isPending ? (
            <LoadingState label={t('circles.loadingParticipants')} lines={2} />
          ) : participants.error ? (
            <ErrorState
              title={t('circles.participantsFailed')}
              detail={fieldProblems(participants.error).detail}
            />
          ) : (
            <ParticipantsPanel found={found} centre={centre} participants={participants.data} />
          )}
        </Card>
        <Card title={t('circles.sessions')}>
          {sessions.isPending || participants.isPending ? (
            <LoadingState label={t('circles.loadingSessions')} lines={2} />
          ) : sessions.error ? (
            <ErrorState
              title={t('circles.sessionsFailed')}
              detail={fieldProblems(sessions.error).detail}
            />
          ) : (
            <SessionsPanel
              found={found}
              centre={centre}
              sessions={sessions.data}
              participants={participants.data ?? []}
            />
          )}
        </Card>
        <Card title={t('circles.agreements')}>
          {agreements.isPending ? (
            <LoadingState label={t('circles.loadingAgreements')} lines={2} />
          ) : agreements.error ? (
            <ErrorState
              title={t('circles.agreementsFailed')}
              detail={fieldProblems(agreements.error).detail}
            />
          ) : (
            <AgreementsPanel found={found} agreements={agreements.data} />
          )}
        </Card>
      </div>
    </div>
  );
}

function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: circleKeys.detail(caseId) }),
      queryClient.invalidateQueries({ queryKey: circleKeys.list }),
    ]);
  };
}

function StageTimeline({ found }: { found: CircleCase }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('circles.timeline')}>
      <ol className="hub-circles__timeline">
        {timeline(found.stage).map((step) => (
          <li
            key={step.stage}
            className={`hub-circles__step hub-circles__step--${step.state}`}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <span className="hub-circles__step-mark" aria-hidden="true">
              {step.state === 'done' ? '✓' : step.state === 'current' ? '●' : '○'}
            </span>
            {t(`circles.stages.${step.stage}`)}
            {step.state === 'done' ? (
              <VisuallyHidden>{t('circles.stepDone')}</VisuallyHidden>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function StageActions(props: {
  found: CircleCase;
  participants: Participant[];
  sessions: CircleSession[];
  agreements: Agreement[];
}) {
  const { found } = props;
  const { t } = useTranslation();
  const refresh = useRefresh(found.id);
  const reasonId = useId();
  const next = nextStage(found.stage);
  const facts = caseFactsOf(found, props.participants, props.sessions, props.agreements);
  const verdict = next ? judgeCaseMove(facts, { to: next }) : null;
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [abandonOpen, setAbandonOpen] = useState(false);

  const advance = async () => {
    if (!next) return;
    setPending(true);
    setProblem(null);
    try {
      await moveCase(found.id, next);
      await refresh();
    } catch (error) {
      setProblem(fieldProblems(error).detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="hub-circles__stage-actions">
      {next && verdict ? (
        <div className="hub-circles__next">
          <Button
            onPress={() => void advance()}
            isDisabled={!verdict.ok}
            isPending={pending}
            pendingLabel={t('circles.moving')}
            aria-describedby={!verdict.ok ? reasonId : undefined}
          >
            {t('circles.moveTo', { stage: t(`circles.stages.${next}`) })}
          </Button>
          {!verdict.ok ? (
            <p id={reasonId} className="hub-note">
              {t('circles.notYet', { reason: verdict.reason })}
            </p>
          ) : null}
        </div>
      ) : null}
      <Button variant="secondary" onPress={() => setAbandonOpen(true)}>
        {t('circles.abandon')}
      </Button>
      {problem ? (
        <p className="hub-error-text" role="alert">
          {problem}
        </p>
      ) : null}
      <AbandonDialog
        found={found}
        isOpen={abandonOpen}
        onClose={() => setAbandonOpen(false)}
        onDone={refresh}
      />
    </div>
  );
}

function AbandonDialog(props: {
  found: CircleCase;
  isOpen: boolean;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const save = async () => {
    const verdict = judgeCaseMove(
      { ...caseFactsOf(props.found, [], [], []) },
      {
        to: 'abandoned',
        reason,
      },
    );
    if (!verdict.ok) {
      setError(verdict.reason);
      return;
    }
    setPending(true);
    try {
      await moveCase(props.found.id, 'abandoned', reason.trim());
      await props.onDone();
      props.onClose();
    } catch (e) {
      setError(fieldProblems(e).detail);
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog
      isOpen={props.isOpen}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={t('circles.abandonTitle', { reference: props.found.reference })}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      <form
        className="hub-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p>{t('circles.abandonBody')}</p>
        <TextField
          label={t('circles.abandonReason')}
          value={reason}
          onChange={setReason}
          isMultiline
          isRequired
          maxLength={500}
          isInvalid={Boolean(error)}
          errorMessage={error ?? undefined}
        />
        <div className="lk-dialog__footer hub-dialog-actions">
          <Button variant="secondary" onPress={props.onClose} isDisabled={pending}>
            {t('app.cancel')}
          </Button>
          <Button
            type="submit"
            variant="danger"
            isPending={pending}
            pendingLabel={t('circles.moving')}
          >
            {t('circles.abandonConfirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ParticipantsPanel(props: {
  found: CircleCase;
  centre: Centre;
  participants: Participant[];
}) {
  const { found, centre, participants } = props;
  const { t } = useTranslation();
  const { locale } = useLocale();
  const refresh = useRefresh(found.id);
  const open = isOpen(found.stage);
  const [problem, setProblem] = useState<string | null>(null);

  const consent = async (p: Participant, answer: 'consented' | 'declined') => {
    setProblem(null);
    try {
      await recordConsent(found.id, p.id, answer);
      await refresh();
    } catch (error) {
      setProblem(fieldProblems(error).detail);
    }
  };

  return (
    <>
      {participants.length === 0 ? (
        <p>{t('circles.noParticipants')}</p>
      ) : (
        <ul className="hub-circles__items">
          {participants.map((p) => (
            <li key={p.id} className="hub-circles__item">
              <p className="hub-circles__item-title">
                <strong>{p.pseudonym}</strong> — {t(`circles.roles.${p.role}`)}
              </p>
              <p>
                {p.consent === 'invited'
                  ? t('circles.consent.invited')
                  : t('circles.consentRecorded', {
                      answer: t(`circles.consent.${p.consent}`),
                      date: p.consentAt
                        ? formatInstant(p.consentAt, locale, 'dateTime', centre.timeZone)
                        : '',
                      by: p.consentRecordedBy ?? t('app.dash'),
                    })}
              </p>
              {p.invitedBy ? <p>{t('circles.invitedByValue', { name: p.invitedBy })}</p> : null}
              {p.contact ? <p>{t('circles.contactValue', { contact: p.contact })}</p> : null}
              {open ? (
                <div className="hub-circles__buttons">
                  {p.consent !== 'consented' ? (
                    <Button
                      size="small"
                      variant="secondary"
                      onPress={() => void consent(p, 'consented')}
                      aria-label={t('circles.consentYesFor', { name: p.pseudonym })}
                    >
                      {t('circles.consentYes')}
                    </Button>
                  ) : null}
                  {p.consent !== 'declined' ? (
                    <Button
                      size="small"
                      variant="secondary"
                      onPress={() => void consent(p, 'declined')}
                      aria-label={t('circles.consentNoFor', { name: p.pseudonym })}
                    >
                      {t('circles.consentNo')}
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {problem ? (
        <p className="hub-error-text" role="alert">
          {problem}
        </p>
      ) : null}
      {open ? <AddParticipantForm caseId={found.id} onAdded={refresh} /> : null}
    </>
  );
}

function AddParticipantForm({ caseId, onAdded }: { caseId: string; onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const [pseudonym, setPseudonym] = useState('');
  const [role, setRole] = useState<ParticipantRole | ''>('');
  const [invitedBy, setInvitedBy] = useState('');
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const save = async () => {
    const found: Record<string, string> = {};
    if (!pseudonym.trim()) found.pseudonym = t('circles.validation.pseudonym');
    if (!role) found.role = t('circles.validation.role');
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length || !role) return;
    setPending(true);
    try {
      await addParticipant(caseId, {
        pseudonym: pseudonym.trim(),
        role,
        invitedBy: invitedBy.trim() || null,
        contact: contact.trim() || null,
      });
      setPseudonym('');
      setRole('');
      setInvitedBy('');
      setContact('');
      await onAdded();
    } catch (error) {
      const problems = fieldProblems(error);
      setErrors(problems.fields);
      setDetail(problems.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form hub-circles__subform"
      aria-label={t('circles.addParticipant')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="hub-circles__subtitle">{t('circles.addParticipant')}</h3>
      <TextField
        label={t('circles.pseudonym')}
        description={t('circles.pseudonymHelp')}
        value={pseudonym}
        onChange={setPseudonym}
        isRequired
        maxLength={60}
        isInvalid={Boolean(errors.pseudonym)}
        errorMessage={errors.pseudonym}
      />
      <SelectField
        label={t('circles.role')}
        placeholder={t('circles.chooseRole')}
        options={participantRoles.map((r) => ({ id: r, label: t(`circles.roles.${r}`) }))}
        selectedKey={role || null}
        onSelectionChange={(key) => setRole(key ? (String(key) as ParticipantRole) : '')}
        isRequired
        isInvalid={Boolean(errors.role)}
        errorMessage={errors.role}
      />
      <TextField
        label={t('circles.invitedBy')}
        value={invitedBy}
        onChange={setInvitedBy}
        maxLength={60}
      />
      <TextField
        label={t('circles.contact')}
        description={t('circles.contactHelp')}
        value={contact}
        onChange={setContact}
        maxLength={200}
        isInvalid={Boolean(errors.contact)}
        errorMessage={errors.contact}
      />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div>
        <Button type="submit" isPending={pending} pendingLabel={t('circles.saving')}>
          {t('circles.add')}
        </Button>
      </div>
    </form>
  );
}

function SessionsPanel(props: {
  found: CircleCase;
  centre: Centre;
  sessions: CircleSession[];
  participants: Participant[];
}) {
  const { found, centre, sessions, participants } = props;
  const { t } = useTranslation();
  const { locale } = useLocale();
  const refresh = useRefresh(found.id);
  const open = isOpen(found.stage);
  const [scheduling, setScheduling] = useState(false);
  const [moving, setMoving] = useState<CircleSession | null>(null);
  const [cancelling, setCancelling] = useState<CircleSession | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const nameOf = (id: string) => participants.find((p) => p.id === id)?.pseudonym ?? '';
  const labelOf = (s: CircleSession) =>
    `${t(`circles.kinds.${s.kind}`)}, ${formatCentreRange(s.start, s.end, centre.timeZone, locale)}`;

  const status = async (s: CircleSession, action: 'held' | 'cancel') => {
    setProblem(null);
    try {
      await setSessionStatus(found.id, s.id, action);
      await refresh();
    } catch (error) {
      setProblem(fieldProblems(error).detail);
      throw error;
    }
  };

  return (
    <>
      {sessions.length === 0 ? (
        <p>{t('circles.noSessions')}</p>
      ) : (
        <ul className="hub-circles__items">
          {sessions.map((s) => (
            <li key={s.id} className="hub-circles__item">
              <p className="hub-circles__item-title">
                <strong>{t(`circles.kinds.${s.kind}`)}</strong>{' '}
                <Badge
                  tone={
                    s.status === 'held' ? 'success' : s.status === 'cancelled' ? 'danger' : 'info'
                  }
                >
                  {t(`circles.sessionStatus.${s.status}`)}
                </Badge>
              </p>
              <p>
                {formatCentreRange(s.start, s.end, centre.timeZone, locale)} — {s.resourceName}
              </p>
              {s.participantIds.length > 0 ? (
                <p>{t('circles.with', { names: s.participantIds.map(nameOf).join(', ') })}</p>
              ) : null}
              {open && s.status === 'scheduled' ? (
                <div className="hub-circles__buttons">
                  <Button
                    size="small"
                    onPress={() => void status(s, 'held').catch(() => undefined)}
                    aria-label={t('circles.markHeldFor', { session: labelOf(s) })}
                  >
                    {t('circles.markHeld')}
                  </Button>
                  <Button
                    size="small"
                    variant="secondary"
                    onPress={() => setMoving(s)}
                    aria-label={t('circles.moveFor', { session: labelOf(s) })}
                  >
                    {t('circles.move')}
                  </Button>
                  <Button
                    size="small"
                    variant="secondary"
                    onPress={() => setCancelling(s)}
                    aria-label={t('circles.cancelFor', { session: labelOf(s) })}
                  >
                    {t('circles.cancelSession')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {problem ? (
        <p className="hub-error-text" role="alert">
          {problem}
        </p>
      ) : null}
      {open ? (
        <div>
          <Button onPress={() => setScheduling(true)}>{t('circles.schedule')}</Button>
        </div>
      ) : null}
      <ScheduleDialog
        found={found}
        centre={centre}
        participants={participants}
        isOpen={scheduling || moving !== null}
        moving={moving}
        onClose={() => {
          setScheduling(false);
          setMoving(null);
        }}
        onDone={refresh}
      />
      <ConfirmDialog
        isOpen={cancelling !== null}
        onOpenChange={(o) => {
          if (!o) setCancelling(null);
        }}
        title={t('circles.cancelTitle')}
        confirmLabel={t('circles.cancelConfirm')}
        cancelLabel={t('circles.keep')}
        isDestructive
        onConfirm={async () => {
          if (cancelling) await status(cancelling, 'cancel');
          setCancelling(null);
        }}
      >
        {cancelling ? t('circles.cancelBody', { session: labelOf(cancelling) }) : null}
      </ConfirmDialog>
    </>
  );
}

function AgreementsPanel({ found, agreements }: { found: CircleCase; agreements: Agreement[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const refresh = useRefresh(found.id);
  const canAdd = found.stage === 'circle' || found.stage === 'post_circle';
  const canEvaluate = found.stage === 'post_circle';
  return (
    <>
      {agreements.length === 0 ? (
        <p>{t('circles.noAgreements')}</p>
      ) : (
        <ul className="hub-circles__items">
          {agreements.map((a) => (
            <li key={a.id} className="hub-circles__item">
              <p className="hub-circles__item-title">
                <strong>{a.what ?? t('app.dash')}</strong>
              </p>
              <p>
                {t('circles.agreementMeta', {
                  owner: a.owner ?? t('app.dash'),
                  due: formatDate(a.dueOn, locale),
                })}
              </p>
              {a.outcome ? (
                <p>
                  {t('circles.evaluated', { outcome: t(`circles.outcomes.${a.outcome}`) })}
                  {a.note ? ` — ${a.note}` : ''}
                </p>
              ) : (
                <p>{t('circles.notEvaluated')}</p>
              )}
              {canEvaluate ? (
                <EvaluateForm caseId={found.id} agreement={a} onDone={refresh} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAdd ? <AddAgreementForm caseId={found.id} onAdded={refresh} /> : null}
      {!canAdd && isOpen(found.stage) ? (
        <p className="hub-note">{t('circles.agreementsLater')}</p>
      ) : null}
    </>
  );
}

function AddAgreementForm({ caseId, onAdded }: { caseId: string; onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const [what, setWhat] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const save = async () => {
    const found: Record<string, string> = {};
    if (what.trim().length < 3) found.what = t('circles.validation.what');
    if (!owner.trim()) found.owner = t('circles.validation.owner');
    if (!isIsoDate(dueOn)) found.dueOn = t('circles.validation.dueOn');
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length) return;
    setPending(true);
    try {
      await addAgreement(caseId, { what: what.trim(), owner: owner.trim(), dueOn });
      setWhat('');
      setOwner('');
      setDueOn('');
      await onAdded();
    } catch (error) {
      const problems = fieldProblems(error);
      setErrors(problems.fields);
      setDetail(problems.detail);
    } finally {
      setPending(false);
    }
  };
  return (
    <form
      className="hub-form hub-circles__subform"
      aria-label={t('circles.addAgreement')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="hub-circles__subtitle">{t('circles.addAgreement')}</h3>
      <TextField
        label={t('circles.what')}
        value={what}
        onChange={setWhat}
        isRequired
        maxLength={500}
        isInvalid={Boolean(errors.what)}
        errorMessage={errors.what}
      />
      <TextField
        label={t('circles.owner')}
        value={owner}
        onChange={setOwner}
        isRequired
        maxLength={60}
        isInvalid={Boolean(errors.owner)}
        errorMessage={errors.owner}
      />
      <TextField
        label={t('circles.dueOn')}
        type="date"
        value={dueOn}
        onChange={setDueOn}
        isRequired
        isInvalid={Boolean(errors.dueOn)}
        errorMessage={errors.dueOn}
      />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div>
        <Button type="submit" isPending={pending} pendingLabel={t('circles.saving')}>
          {t('circles.addAgreementButton')}
        </Button>
      </div>
    </form>
  );
}

function EvaluateForm(props: {
  caseId: string;
  agreement: Agreement;
  onDone: () => Promise<void>;
}) {
  const { agreement } = props;
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<AgreementOutcome | ''>(agreement.outcome ?? '');
  const [note, setNote] = useState(agreement.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const name = useId();
  const save = async () => {
    if (!outcome) {
      setError(t('circles.validation.outcome'));
      return;
    }
    setError(null);
    setPending(true);
    try {
      await evaluateAgreement(props.caseId, agreement.id, { outcome, note: note.trim() });
      await props.onDone();
    } catch (e) {
      setError(fieldProblems(e).detail);
    } finally {
      setPending(false);
    }
  };
  const what = agreement.what ?? '';
  return (
    <form
      className="hub-form hub-circles__evaluate"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="hub-circles__outcomes">
        <legend>{t('circles.evaluateLegend', { what })}</legend>
        {agreementOutcomes.map((o) => (
          <label key={o} className="hub-circles__radio">
            <input
              type="radio"
              name={name}
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`circles.outcomes.${o}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('circles.noteFor', { what })}
        value={note}
        onChange={setNote}
        maxLength={1000}
      />
      {error ? (
        <p className="hub-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div>
        <Button
          type="submit"
          size="small"
          isPending={pending}
          pendingLabel={t('circles.saving')}
          aria-label={t('circles.evaluateFor', { what })}
        >
          {t('circles.evaluate')}
        </Button>
      </div>
    </form>
  );
}

/** The intake's custom values (confidential ones too: only the case's facilitators read a case). */
function IntakeValues({ found }: { found: CircleCase }) {
  const { language } = useLocale();
  const { definitions } = useCustomFields('circle_intake', found.centreId);
  const rows = definitions.filter((d) => found.custom?.[d.key] != null);
  if (rows.length === 0) return null;
  return (
    <dl className="hub-details">
      {rows.map((d) => (
        <div key={d.key}>
          <dt>{customFieldLabel(d, language)}</dt>
          <dd>{formatCustomValue(d, found.custom?.[d.key], language)}</dd>
        </div>
      ))}
    </dl>
  );
}
