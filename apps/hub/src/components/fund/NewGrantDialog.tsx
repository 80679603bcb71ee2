import type { Grant } from '@lakou/domain/fund';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { createGrant, fundersQuery } from '../../api/fund.ts';
import { formProblems, isCalendarDate, typedEurosToCents } from '../../lib/fund.ts';
import { useCentres } from '../useCentreNames.ts';

const NO_CENTRE = 'none';

/** « Nouvelle demande »: a grant asked of a foundation or a public body, as a draft. */
export function NewGrantDialog({
  isOpen,
  onClose,
  onCreated,
}: {
  isOpen: boolean;
  onClose: () => void;
  onCreated: (grant: Grant) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('fund.newGrant.title')}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {isOpen ? <NewGrantForm onClose={onClose} onCreated={onCreated} /> : null}
    </Dialog>
  );
}

type Errors = Record<string, string>;

function NewGrantForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (grant: Grant) => Promise<void>;
}) {
  const { t } = useTranslation();
  const funders = useQuery(fundersQuery());
  const centres = useCentres();
  const [funderId, setFunderId] = useState<string | null>(null);
  const [call, setCall] = useState('');
  const [project, setProject] = useState('');
  const [amount, setAmount] = useState('');
  const [submissionDeadline, setSubmissionDeadline] = useState('');
  const [reportDueOn, setReportDueOn] = useState('');
  const [centreId, setCentreId] = useState(NO_CENTRE);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    const found: Errors = {};
    if (!funderId) found.funderId = t('fund.newGrant.funderRequired');
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
    if (Object.keys(found).length > 0 || !funderId || amountCents === null) return;
    setPending(true);
    try {
      const grant = await createGrant({
        funderId,
        callForProjects: call.trim(),
        project: project.trim(),
        amountRequestedCents: amountCents,
        submissionDeadline: submissionDeadline || null,
        reportDueOn: reportDueOn || null,
        centreId: centreId === NO_CENTRE ? null : centreId,
        notes: notes.trim() || null,
      });
      await onCreated(grant);
    } catch (error) {
      if (error instanceof ApiError) {
        const problems = formProblems(error.problem);
        setErrors(problems.fields);
        setDetail(problems.detail);
      } else {
        setDetail(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setPending(false);
    }
  };

  const funderOptions = (funders.data ?? []).map((d) => ({
    id: d.id,
    label: `${d.name} (${t(`fund.donorKinds.${d.kind}`)})`,
  }));

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
        label={t('fund.newGrant.funder')}
        description={
          funders.isSuccess && funderOptions.length === 0
            ? t('fund.newGrant.noFunders')
            : t('fund.newGrant.funderHelp')
        }
        placeholder={
          funders.isPending ? t('fund.newGrant.loadingFunders') : t('fund.common.choose')
        }
        options={funderOptions}
        selectedKey={funderId}
        onSelectionChange={(key) => setFunderId(key === null ? null : String(key))}
        isRequired
        isInvalid={Boolean(errors.funderId)}
        errorMessage={errors.funderId}
      />
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
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('fund.common.saving')}>
          {t('fund.newGrant.submit')}
        </Button>
      </div>
    </form>
  );
}
