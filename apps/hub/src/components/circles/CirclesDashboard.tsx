import type { CircleCase, CircleSession } from '@lakou/domain/circles';
import { customFieldLabel, formatCustomValue } from '@lakou/domain/config';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  circleKeys,
  myCasesQuery,
  openCase,
  overdueAgreementsQuery,
  sessionsQuery,
} from '../../api/circles.ts';
import { customFieldsQuery } from '../../api/customFields.ts';
import { fieldProblems } from '../../api/events.ts';
import { useMe } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCentreRange } from '../../lib/agenda.ts';
import { upcoming } from '../../lib/circles.ts';
import { formatDate, formatInstant, NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useCentres } from '../useCentreNames.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import '../../styles/circles.css';

/** The facilitator's dashboard: my cases, my next sessions, « Ouvrir un dossier ». */
export function CirclesDashboard() {
  const { t } = useTranslation();
  useDocumentTitle(t('circles.dashboardTitle'));
  const cases = useQuery(myCasesQuery());
  return (
    <div className="hub-page">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('circles.dashboardTitle')}</h1>
        <p className="hub-note">{t('circles.confidentialNote')}</p>
      </header>
      <div className="hub-circles__grid">
        <Card title={t('circles.myCases')}>
          {cases.isPending ? (
            <LoadingState label={t('circles.loadingCases')} lines={3} />
          ) : cases.error ? (
            <ErrorState
              title={t('circles.casesFailed')}
              detail={fieldProblems(cases.error).detail}
              retryLabel={t('circles.retry')}
              onRetry={() => void cases.refetch()}
            />
          ) : cases.data.length === 0 ? (
            <EmptyState title={t('circles.noCases')} description={t('circles.noCasesBody')} />
          ) : (
            <CaseList cases={cases.data} />
          )}
        </Card>
        <Card title={t('circles.nextSessions')}>
          {cases.data ? (
            <NextSessions cases={cases.data} />
          ) : cases.isPending ? (
            <LoadingState label={t('circles.loadingSessions')} lines={2} />
          ) : null}
        </Card>
        <Card title={t('circles.overdueTitle')}>
          <OverdueAgreements />
        </Card>
        <Card title={t('circles.openCase')}>
          <OpenCaseForm />
        </Card>
      </div>
    </div>
  );
}

function useZoneOf() {
  const centres = useCentres();
  return (centreId: string) =>
    centres.find((c) => c.id === centreId)?.timeZone ?? NETWORK_TIME_ZONE;
}

function CaseList({ cases }: { cases: CircleCase[] }) {
  const { t } = useTranslation();
  const { locale, language } = useLocale();
  const zoneOf = useZoneOf();
  // The intake fields shown in tables, of every centre (the list may hold several).
  const intake = useQuery(customFieldsQuery({ entity: 'circle_intake', centreId: null }));
  const shown = (intake.data ?? []).filter((d) => d.inTables && d.retiredAt === null);
  return (
    <div className="hub-circles__table-wrap">
      <table className="hub-circles__table">
        <thead>
          <tr>
            <th scope="col">{t('circles.reference')}</th>
            <th scope="col">{t('circles.stage')}</th>
            <th scope="col">{t('circles.participantsCount')}</th>
            <th scope="col">{t('circles.opened')}</th>
            {shown.map((d) => (
              <th key={d.key} scope="col">
                {customFieldLabel(d, language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <RouterLink to="/circles/$caseId" params={{ caseId: c.id }}>
                  {c.reference}
                </RouterLink>
              </th>
              <td>{t(`circles.stages.${c.stage}`)}</td>
              <td>{c.participantCount}</td>
              <td>{formatInstant(c.openedAt, locale, 'date', zoneOf(c.centreId))}</td>
              {shown.map((d) => (
                <td key={d.key}>{formatCustomValue(d, c.custom?.[d.key], language)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NextSessions({ cases }: { cases: CircleCase[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const zoneOf = useZoneOf();
  const open = cases.filter((c) => c.stage !== 'closed' && c.stage !== 'abandoned');
  const results = useQueries({ queries: open.map((c) => sessionsQuery(c.id)) });
  const pending = results.some((r) => r.isPending);
  const failed = results.find((r) => r.error)?.error;
  const [now] = useState(() => Date.now());
  const next = useMemo(() => {
    const all: (CircleSession & { caseRef: CircleCase })[] = [];
    results.forEach((r, i) => {
      const c = open[i];
      if (c && r.data) for (const s of r.data) all.push({ ...s, caseRef: c });
    });
    return upcoming(all, now).slice(0, 10);
  }, [results, open, now]);
  if (pending) return <LoadingState label={t('circles.loadingSessions')} lines={2} />;
  if (failed)
    return <ErrorState title={t('circles.sessionsFailed')} detail={fieldProblems(failed).detail} />;
  if (next.length === 0) return <p>{t('circles.noNextSessions')}</p>;
  return (
    <ul className="hub-list">
      {next.map((s) => (
        <li key={s.id}>
          <RouterLink to="/circles/$caseId" params={{ caseId: s.caseId }}>
            {s.caseRef.reference}
          </RouterLink>{' '}
          — {t(`circles.kinds.${s.kind}`)} —{' '}
          {formatCentreRange(s.start, s.end, zoneOf(s.caseRef.centreId), locale)} — {s.resourceName}
        </li>
      ))}
    </ul>
  );
}

/** Agreements past their date and not yet evaluated, each linking to its case. */
function OverdueAgreements() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const overdue = useQuery(overdueAgreementsQuery());
  if (overdue.isPending) return <LoadingState label={t('circles.overdueLoading')} lines={2} />;
  if (overdue.error)
    return (
      <ErrorState
        title={t('circles.overdueError')}
        detail={fieldProblems(overdue.error).detail}
        retryLabel={t('circles.retry')}
        onRetry={() => void overdue.refetch()}
      />
    );
  if (overdue.data.length === 0) return <p>{t('circles.overdueEmpty')}</p>;
  return (
    <ul className="hub-list" aria-label={t('circles.overdueLabel')}>
      {overdue.data.map((a) => (
        <li key={a.agreementId}>
          <RouterLink to="/circles/$caseId" params={{ caseId: a.caseId }}>
            {a.reference}
          </RouterLink>
          {a.what ? ` — ${a.what}` : ''}
          {a.owner ? ` — ${t('circles.overdueOwner', { owner: a.owner })}` : ''} —{' '}
          {t('circles.overdueDue', { date: formatDate(a.dueOn, locale, { withWeekday: false }) })}
        </li>
      ))}
    </ul>
  );
}

function OpenCaseForm() {
  const { t } = useTranslation();
  const me = useMe();
  const centres = useCentres();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mine = useMemo(() => {
    const ids = new Set(
      (me?.roles ?? []).flatMap((r) =>
        r.role === 'facilitator' && r.centreId ? [r.centreId] : [],
      ),
    );
    return centres.filter((c) => ids.has(c.id));
  }, [me, centres]);
  const [centreId, setCentreId] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ centreId?: string; description?: string }>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const chosen = centreId || (mine.length === 1 ? (mine[0]?.id ?? '') : '');
  // The intake fields of the chosen centre (confidential ones are read by the case's
  // facilitators only, like the description).
  const custom = useCustomFieldsForm({
    entity: 'circle_intake',
    centreId: chosen || undefined,
    mode: 'create',
  });

  const save = async () => {
    const found: typeof errors = {};
    if (!chosen) found.centreId = t('circles.validation.centre');
    if (description.trim().length < 3) found.description = t('circles.validation.description');
    setErrors(found);
    setDetail(null);
    const checked = custom.check();
    if (Object.keys(found).length || !checked.ok) return;
    setPending(true);
    try {
      const input = {
        centreId: chosen,
        description: description.trim(),
        custom: checked.values,
      };
      const made = await openCase(input);
      await queryClient.invalidateQueries({ queryKey: circleKeys.list });
      await navigate({ to: '/circles/$caseId', params: { caseId: made.id } });
    } catch (error) {
      const problems = fieldProblems(error);
      custom.showProblems(error);
      setErrors(problems.fields);
      setDetail(problems.detail);
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
      <SelectField
        label={t('circles.centre')}
        placeholder={t('circles.chooseCentre')}
        options={mine.map((c) => ({ id: c.id, label: c.name }))}
        selectedKey={chosen || null}
        onSelectionChange={(key) => setCentreId(key ? String(key) : '')}
        isRequired
        isInvalid={Boolean(errors.centreId)}
        errorMessage={errors.centreId}
      />
      <TextField
        label={t('circles.description')}
        description={t('circles.descriptionHelp')}
        value={description}
        onChange={setDescription}
        isMultiline
        isRequired
        maxLength={2000}
        isInvalid={Boolean(errors.description)}
        errorMessage={errors.description}
      />
      <CustomFieldsSection {...custom.sectionProps} isDisabled={pending} />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div>
        <Button type="submit" isPending={pending} pendingLabel={t('circles.opening')}>
          {t('circles.openCase')}
        </Button>
      </div>
    </form>
  );
}
