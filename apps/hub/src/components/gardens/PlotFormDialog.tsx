import {
  type Exposure,
  exposures,
  type Garden,
  type Plot,
  type PlotKind,
  plotKinds,
} from '@lakou/domain/gardens';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { createPlot, deletePlot, updatePlot } from '../../api/gardens.ts';
import { formProblems } from '../../lib/fund.ts';
import { cellProblem, firstFreeCell, positiveNumber, wholeCount } from '../../lib/gardens.ts';

type Errors = Record<string, string>;

/** A 409 on a plot says the label or the cell is taken: said on the label field by default. */
const PLOT_CODES: Record<string, string> = { LABEL_TAKEN: 'label', CELL_TAKEN: 'row' };

/** « Nouvelle parcelle » or « Modifier la parcelle »: label, kind, exposure, area, its cell. */
export function PlotFormDialog({
  garden,
  plots,
  plot,
  isOpen,
  onClose,
  onSaved,
  onDeleted,
}: {
  garden: Garden;
  plots: Plot[];
  /** The plot to edit; null to add one. */
  plot: Plot | null;
  isOpen: boolean;
  onClose: () => void;
  onSaved: (plot: Plot) => Promise<void>;
  /** After the plot was deleted (only a plot never assigned nor harvested may be). */
  onDeleted: (label: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={
        plot ? t('gardens.plotForm.editTitle', { label: plot.label }) : t('gardens.plotForm.title')
      }
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {isOpen ? (
        <PlotForm
          garden={garden}
          plots={plots}
          plot={plot}
          onClose={onClose}
          onSaved={onSaved}
          onDeleted={onDeleted}
        />
      ) : null}
    </Dialog>
  );
}

function PlotForm({
  garden,
  plots,
  plot,
  onClose,
  onSaved,
  onDeleted,
}: {
  garden: Garden;
  plots: Plot[];
  plot: Plot | null;
  onClose: () => void;
  onSaved: (plot: Plot) => Promise<void>;
  onDeleted: (label: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const start = plot ?? firstFreeCell(garden, plots) ?? { row: 1, column: 1 };
  const [label, setLabel] = useState(plot?.label ?? '');
  const [kind, setKind] = useState<PlotKind>(plot?.kind ?? 'individual');
  const [exposure, setExposure] = useState<Exposure>(plot?.exposure ?? 'sun');
  const [area, setArea] = useState(plot ? String(plot.areaM2).replace('.', ',') : '');
  const [row, setRow] = useState(String(start.row));
  const [column, setColumn] = useState(String(start.column));
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const remove = async () => {
    if (!plot) return;
    setPending(true);
    setDetail(null);
    try {
      await deletePlot(plot.id);
      await onDeleted(plot.label);
    } catch (error) {
      // 409 PLOT_IN_USE: its assignments and harvests are history, kept.
      setDetail(
        error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : String(error),
      );
      setConfirmingDelete(false);
    } finally {
      setPending(false);
    }
  };

  const save = async () => {
    const found: Errors = {};
    const areaM2 = positiveNumber(area);
    const r = wholeCount(row);
    const c = wholeCount(column);
    if (label.trim().length < 1) found.label = t('gardens.plotForm.labelRequired');
    if (areaM2 === null) found.areaM2 = t('gardens.gardenForm.areaInvalid');
    if (r === null)
      found.row = t('gardens.plotForm.cellOutside', {
        rows: garden.gridRows,
        columns: garden.gridColumns,
      });
    if (c === null)
      found.column = t('gardens.plotForm.cellOutside', {
        rows: garden.gridRows,
        columns: garden.gridColumns,
      });
    if (r !== null && c !== null) {
      const problem = cellProblem(garden, plots, { row: r, column: c }, plot?.id ?? null);
      if (problem === 'outside')
        found.row = t('gardens.plotForm.cellOutside', {
          rows: garden.gridRows,
          columns: garden.gridColumns,
        });
      if (problem === 'taken') found.row = t('gardens.plotForm.cellTaken');
    }
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0 || areaM2 === null || r === null || c === null) return;
    setPending(true);
    try {
      const fields = { label: label.trim(), kind, exposure, areaM2, row: r, column: c };
      const saved = plot
        ? await updatePlot(plot.id, fields)
        : await createPlot({ ...fields, gardenId: garden.id });
      await onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError) {
        const problems = formProblems(
          error.problem,
          error.status === 409 ? { ...PLOT_CODES, CONFLICT: 'label' } : PLOT_CODES,
        );
        setErrors(problems.fields);
        setDetail(problems.detail);
      } else {
        setDetail(error instanceof Error ? error.message : String(error));
      }
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
      <TextField
        label={t('gardens.plotForm.label')}
        description={t('gardens.plotForm.labelHelp')}
        value={label}
        onChange={setLabel}
        isRequired
        maxLength={20}
        isInvalid={Boolean(errors.label)}
        errorMessage={errors.label}
      />
      <RadioGroup
        className="hub-gardens__choice"
        value={kind}
        onChange={(value) => setKind(value as PlotKind)}
        isRequired
      >
        <Label className="lk-field__label">{t('gardens.plot.kind')}</Label>
        {plotKinds.map((k) => (
          <Radio key={k} value={k} className="hub-gardens__radio">
            {t(`gardens.kinds.${k}`)}
          </Radio>
        ))}
      </RadioGroup>
      <SelectField
        label={t('gardens.plot.exposure')}
        options={exposures.map((e) => ({ id: e, label: t(`gardens.exposures.${e}`) }))}
        selectedKey={exposure}
        onSelectionChange={(key) => setExposure((key ?? 'sun') as Exposure)}
        isRequired
        isInvalid={Boolean(errors.exposure)}
        errorMessage={errors.exposure}
      />
      <TextField
        label={t('gardens.plotForm.area')}
        value={area}
        onChange={setArea}
        inputMode="decimal"
        isRequired
        maxLength={10}
        isInvalid={Boolean(errors.areaM2)}
        errorMessage={errors.areaM2}
      />
      <div className="hub-gardens__row">
        <TextField
          label={t('gardens.plotForm.row')}
          description={t('gardens.plotForm.rowHelp', { max: garden.gridRows })}
          value={row}
          onChange={setRow}
          inputMode="numeric"
          isRequired
          maxLength={2}
          isInvalid={Boolean(errors.row)}
          errorMessage={errors.row}
        />
        <TextField
          label={t('gardens.plotForm.column')}
          description={t('gardens.plotForm.columnHelp', { max: garden.gridColumns })}
          value={column}
          onChange={setColumn}
          inputMode="numeric"
          isRequired
          maxLength={2}
          isInvalid={Boolean(errors.column)}
          errorMessage={errors.column}
        />
      </div>
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      {plot && confirmingDelete ? (
        <div className="hub-stack">
          <p className="hub-warning" role="alert">
            {t('gardens.plotForm.deleteText', { label: plot.label })}
          </p>
          <div className="hub-dialog-actions">
            <Button
              variant="secondary"
              onPress={() => setConfirmingDelete(false)}
              isDisabled={isPending}
            >
              {t('app.cancel')}
            </Button>
            <Button
              variant="danger"
              isPending={isPending}
              pendingLabel={t('gardens.common.saving')}
              onPress={() => void remove()}
            >
              {t('gardens.plotForm.deleteConfirm')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        {plot && !confirmingDelete ? (
          <Button variant="ghost" onPress={() => setConfirmingDelete(true)} isDisabled={isPending}>
            {t('gardens.plotForm.delete')}
          </Button>
        ) : null}
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('gardens.common.saving')}>
          {plot ? t('gardens.common.save') : t('gardens.plotForm.submit')}
        </Button>
      </div>
    </form>
  );
}
