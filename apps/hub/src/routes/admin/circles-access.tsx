import type { CircleCase, Participant } from '@lakou/domain/circles';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { useMutation } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import {
  caseParticipants,
  lookupCase,
  MIN_REASON_LENGTH,
  REFERENCE_PATTERN,
} from '../../api/breakGlass.ts';
import { problemMessage } from '../../auth/authErrors.ts';
import { AccessDenied, requireSignedIn } from '../../auth/guard.ts';
import { useCentreName } from '../../components/useCentreNames.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatInstant } from '../../lib/format.ts';
import '../../styles/figures.css';

/** Break-glass reading of a circle case: network admins only, every reading audited. */
export const Route = createFileRoute('/admin/circles-access')({
  beforeLoad: async (args) => {
    const { me } = await requireSignedIn(args);
    if (!me.roles.some((r) => r.role === 'admin')) throw new AccessDenied(['admin']);
    return { me };
  },
  component: CirclesAccessPage,
});

interface Reading {
  circleCase: CircleCase;
  participants: Participant[] | null;
  participantsFailed: boolean;
}

function CirclesAccessPage() {
  const { t } = useTranslation();
  const { language } = useLocale();
  useDocumentTitle(t('breakGlass.title'));
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reference?: string; reason?: string }>({});
  const [asked, setAsked] = useState('');

  const read = useMutation({
    mutationFn: async (input: { reference: string; reason: string }): Promise<Reading> => {
      const circleCase = await lookupCase(input.reference, input.reason);
      try {
        const participants = await caseParticipants(circleCase.id, input.reason);
        return { circleCase, participants, participantsFailed: false };
      } catch {
        return { circleCase, participants: null, participantsFailed: true };
      }
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ref = reference.trim().toUpperCase();
    const why = reason.trim();
    const found: typeof errors = {};
    if (!REFERENCE_PATTERN.test(ref)) found.reference = t('breakGlass.referenceInvalid');
    if (why.length < MIN_REASON_LENGTH) found.reason = t('breakGlass.reasonTooShort');
    setErrors(found);
    if (Object.keys(found).length) return;
    setAsked(ref);
    read.mutate({ reference: ref, reason: why });
  };

  const notFound = read.error instanceof ApiError && read.error.isNotFound;

  return (
    <div className="hub-page">
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('breakGlass.title')}</h1>
        <p className="hub-page__lead">{t('breakGlass.lead')}</p>
        <p className="hub-warning">{t('breakGlass.auditWarning')}</p>
      </header>
      <Card title={t('breakGlass.submit')}>
        <form className="hub-form" noValidate onSubmit={onSubmit}>
          <TextField
            label={t('breakGlass.reference')}
            description={t('breakGlass.referenceHint')}
            value={reference}
            onChange={setReference}
            isRequired
            maxLength={20}
            autoComplete="off"
            isInvalid={Boolean(errors.reference)}
            errorMessage={errors.reference}
          />
          <TextField
            label={t('breakGlass.reason')}
            description={t('breakGlass.reasonHint')}
            value={reason}
            onChange={setReason}
            isMultiline
            isRequired
            maxLength={500}
            isInvalid={Boolean(errors.reason)}
            errorMessage={errors.reason}
          />
          <div>
            <Button type="submit" isPending={read.isPending} pendingLabel={t('breakGlass.pending')}>
              {t('breakGlass.submit')}
            </Button>
          </div>
        </form>
      </Card>
      {notFound ? (
        <EmptyState
          title={t('breakGlass.notFound')}
          description={t('breakGlass.notFoundHint', { reference: asked })}
        />
      ) : read.error ? (
        <ErrorState
          title={t('breakGlass.failed')}
          detail={problemMessage(read.error, t('breakGlass.failed'), language)}
        />
      ) : read.data ? (
        <CaseReading reading={read.data} />
      ) : null}
    </div>
  );
}

function CaseReading({ reading }: { reading: Reading }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const centreName = useCentreName();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const c = reading.circleCase;
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="lk-card hub-stack" aria-labelledby="break-glass-case">
      <h2 id="break-glass-case" ref={headingRef} tabIndex={-1} className="lk-card__title">
        {t('breakGlass.caseTitle', { reference: c.reference })}
      </h2>
      <p className="hub-note">{t('breakGlass.readOnly')}</p>
      <dl className="hub-details">
        <dt>{t('breakGlass.stage')}</dt>
        <dd>{t(`circles.stages.${c.stage}`)}</dd>
        <dt>{t('breakGlass.centre')}</dt>
        <dd>{centreName(c.centreId)}</dd>
        <dt>{t('breakGlass.opened')}</dt>
        <dd>{formatInstant(c.openedAt, locale, 'date')}</dd>
        {c.closedAt ? (
          <>
            <dt>{t('breakGlass.closedAt')}</dt>
            <dd>{formatInstant(c.closedAt, locale, 'date')}</dd>
          </>
        ) : null}
        <dt>{t('breakGlass.facilitators')}</dt>
        <dd>{c.facilitators.map((f) => f.name).join(', ')}</dd>
        <dt>{t('breakGlass.description')}</dt>
        <dd className="hub-cell-wrap">{c.description ?? t('breakGlass.purged')}</dd>
      </dl>
      <h3 className="hub-section-title">{t('breakGlass.participants')}</h3>
      {reading.participantsFailed ? (
        <ErrorState title={t('breakGlass.participantsError')} />
      ) : !reading.participants?.length ? (
        <p>{t('breakGlass.noParticipants')}</p>
      ) : (
        <div className="lk-table-scroll">
          <table className="lk-table hub-figures-table">
            <caption className="lk-visually-hidden">{t('breakGlass.participants')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('breakGlass.pseudonym')}</th>
                <th scope="col">{t('breakGlass.role')}</th>
                <th scope="col">{t('breakGlass.consent')}</th>
              </tr>
            </thead>
            <tbody>
              {reading.participants.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.pseudonym}</th>
                  <td>{t(`circles.roles.${p.role}`)}</td>
                  <td>{t(`circles.consent.${p.consent}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
