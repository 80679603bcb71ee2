import type { ImportResult } from '@lakou/domain/fund';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { DataTable, type DataTableColumn } from '@lakou/ui/data-table';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { donationKeys, importDonations, refusalOf } from '../../api/donations.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCents } from '../../lib/agenda.ts';
import { importStage, problemLineCount } from '../../lib/donations.ts';
import { formatDate } from '../../lib/format.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import './donations.css';

type PreviewRow = ImportResult['preview'][number];
type ProblemRow = ImportResult['problems'][number];

/** A bank export as text: UTF-8, or Windows-1252 (many French banks) when UTF-8 does not fit. */
async function readCsv(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes('\uFFFD')) return utf8;
  return new TextDecoder('windows-1252').decode(bytes);
}

/**
 * Import of a bank export of gifts. The file is first checked by the API without writing
 * anything: every valid row as it would be imported and every bad row with its line and reasons.
 * « Importer » stays disabled while any problem remains; one bad row means nothing is imported.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const inputId = useId();
  const helpId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('donations.import.title'));
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isChecking, setChecking] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const stage = importStage(result);

  const check = async (chosen: File) => {
    setFailure(null);
    setResult(null);
    setChecking(true);
    try {
      const csv = await readCsv(chosen);
      setFile({ name: chosen.name, csv });
      setResult(await importDonations({ csv, fileName: chosen.name, dryRun: true }));
    } catch (error) {
      setFailure(refusalOf(error).detail);
    } finally {
      setChecking(false);
    }
  };

  const runImport = async () => {
    if (!file) return;
    setFailure(null);
    setImporting(true);
    try {
      const done = await importDonations({ csv: file.csv, fileName: file.name, dryRun: false });
      setResult(done);
      if (done.imported > 0) await queryClient.invalidateQueries({ queryKey: donationKeys.all });
    } catch (error) {
      setFailure(refusalOf(error).detail);
    } finally {
      setImporting(false);
    }
  };

  const problemColumns: DataTableColumn<ProblemRow>[] = [
    {
      id: 'line',
      header: t('donations.import.columns.line'),
      isRowHeader: true,
      cell: (p) => t('donations.import.lineNumber', { line: p.line }),
    },
    {
      id: 'reasons',
      header: t('donations.import.columns.reasons'),
      cell: (p) =>
        p.reasons.length === 1 ? (
          <span className="hub-cell-wrap">{p.reasons[0]}</span>
        ) : (
          <ul className="hub-donations__reasons">
            {p.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ),
    },
  ];
  const previewColumns: DataTableColumn<PreviewRow>[] = [
    {
      id: 'line',
      header: t('donations.import.columns.line'),
      cell: (r) => r.line,
    },
    {
      id: 'donor',
      header: t('donations.import.columns.donor'),
      isRowHeader: true,
      cell: (r) => (
        <span className="hub-cell-wrap">
          {r.donorName}{' '}
          {r.donorExists ? null : <Badge tone="info">{t('donations.import.newDonor')}</Badge>}
        </span>
      ),
    },
    {
      id: 'receivedOn',
      header: t('donations.columns.receivedOn'),
      cell: (r) => (
        <span className="hub-nowrap">
          {formatDate(r.receivedOn, locale, { withWeekday: false })}
        </span>
      ),
    },
    {
      id: 'amount',
      header: t('donations.columns.amount'),
      cell: (r) => <span className="hub-nowrap">{formatCents(r.amountCents, locale)}</span>,
    },
    {
      id: 'method',
      header: t('donations.import.columns.method'),
      cell: (r) => t(`donations.methods.${r.method}`),
    },
    { id: 'subFund', header: t('donations.import.columns.subFund'), cell: (r) => r.subFundCode },
    {
      id: 'reference',
      header: t('donations.import.columns.reference'),
      cell: (r) => r.reference ?? '',
    },
  ];

  return (
    <div className="hub-page hub-donations">
      <p className="hub-back">
        <RouterLink to="/donations">
          <span aria-hidden="true">← </span>
          {t('donations.title')}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('donations.import.title')}</h1>
        <p className="hub-page__lead">{t('donations.import.lead')}</p>
      </header>

      <Card title={t('donations.import.fileTitle')}>
        <div className="hub-donations__file lk-field">
          <label className="lk-field__label" htmlFor={inputId}>
            {t('donations.import.file')}
          </label>
          <input
            ref={fileInput}
            id={inputId}
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby={helpId}
            className="hub-donations__file-input"
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0];
              if (chosen) void check(chosen);
            }}
          />
          <p id={helpId} className="lk-field__description">
            {t('donations.import.fileHelp')}
          </p>
        </div>
      </Card>

      <div className="hub-live" role="status" aria-busy={isChecking || isImporting || undefined}>
        {isChecking ? <p>{t('donations.import.checking')}</p> : null}
        {result && stage === 'imported' ? (
          <div className="hub-notice">
            <p className="hub-notice__title">
              {t('donations.import.imported', {
                count: result.imported,
                total: formatCents(result.totalCents, locale),
              })}
            </p>
            <p>{t('donations.import.importedDonors', { count: result.newDonors })}</p>
          </div>
        ) : null}
        {result && stage === 'ready' ? (
          <p className="hub-success-text">
            {t('donations.import.ready', {
              count: result.valid,
              total: formatCents(result.totalCents, locale),
              donors: result.newDonors,
            })}
          </p>
        ) : null}
        {result && stage === 'blocked' ? (
          <p className="hub-error-text">
            {result.problems.length > 0
              ? t('donations.import.blocked', { count: problemLineCount(result) })
              : t('donations.import.nothing')}
            {!result.dryRun ? ` ${t('donations.import.nothingImported')}` : ''}
          </p>
        ) : null}
      </div>
      {failure ? (
        <p className="hub-error-text" role="alert">
          {failure}
        </p>
      ) : null}

      {result && result.problems.length > 0 ? (
        <Card title={t('donations.import.problemsTitle', { count: problemLineCount(result) })}>
          <DataTable
            label={t('donations.import.problemsLabel')}
            columns={problemColumns}
            rows={result.problems}
            getRowId={(p) => `${p.line}`}
          />
        </Card>
      ) : null}

      {result && stage !== 'imported' && result.preview.length > 0 ? (
        <Card title={t('donations.import.previewTitle', { count: result.preview.length })}>
          <DataTable
            label={t('donations.import.previewLabel')}
            columns={previewColumns}
            rows={result.preview}
            getRowId={(r) => `${r.line}`}
          />
        </Card>
      ) : null}

      {file && stage !== 'imported' ? (
        <div className="hub-form__actions">
          <Button
            isDisabled={stage !== 'ready'}
            isPending={isImporting}
            pendingLabel={t('donations.saving')}
            onPress={() => void runImport()}
          >
            {result && stage === 'ready'
              ? t('donations.import.submit', { count: result.valid })
              : t('donations.import.submitBlocked')}
          </Button>
          {stage === 'blocked' ? (
            <p className="hub-note">{t('donations.import.fixAndRetry')}</p>
          ) : null}
        </div>
      ) : null}
      {stage === 'imported' ? (
        <p>
          <RouterLink to="/donations">{t('donations.import.seeGifts')}</RouterLink>
        </p>
      ) : null}
    </div>
  );
}
