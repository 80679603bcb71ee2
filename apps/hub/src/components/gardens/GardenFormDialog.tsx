import type { Garden } from '@lakou/domain/gardens';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { createGarden, updateGarden } from '../../api/gardens.ts';
import { formProblems } from '../../lib/fund.ts';
import { positiveNumber, wholeCount } from '../../lib/gardens.ts';

type Errors = Record<string, string>;

/** « Nouveau jardin » or « Modifier le jardin »: its centre, name, area and map grid. */
export function GardenFormDialog({
  isOpen,
  garden,
  centres,
  onClose,
  onSaved,
}: {
  isOpen: boolean;
  /** The garden to edit; null to create one. */
  garden: Garden | null;
  /** The centres the user manages (creating only). */
  centres: { id: string; name: string }[];
  onClose: () => void;
  onSaved: (garden: Garden) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={garden ? t('gardens.gardenForm.editTitle') : t('gardens.gardenForm.title')}
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {isOpen ? (
        <GardenForm garden={garden} centres={centres} onClose={onClose} onSaved={onSaved} />
      ) : null}
    </Dialog>
  );
}

function GardenForm({
  garden,
  centres,
  onClose,
  onSaved,
}: {
  garden: Garden | null;
  centres: { id: string; name: string }[];
  onClose: () => void;
  onSaved: (garden: Garden) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [centreId, setCentreId] = useState(garden?.centreId ?? centres[0]?.id ?? '');
  const [name, setName] = useState(garden?.name ?? '');
  const [area, setArea] = useState(garden ? String(garden.areaM2).replace('.', ',') : '');
  const [columns, setColumns] = useState(String(garden?.gridColumns ?? 6));
  const [rows, setRows] = useState(String(garden?.gridRows ?? 4));
  const [description, setDescription] = useState(garden?.description ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    const found: Errors = {};
    const areaM2 = positiveNumber(area);
    const gridColumns = wholeCount(columns);
    const gridRows = wholeCount(rows);
    if (!garden && !centreId) found.centreId = t('gardens.gardenForm.centreRequired');
    if (name.trim().length < 2) found.name = t('gardens.gardenForm.nameRequired');
    if (areaM2 === null) found.areaM2 = t('gardens.gardenForm.areaInvalid');
    if (gridColumns === null || gridColumns > 20)
      found.gridColumns = t('gardens.gardenForm.gridInvalid');
    if (gridRows === null || gridRows > 20) found.gridRows = t('gardens.gardenForm.gridInvalid');
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0 || areaM2 === null || !gridColumns || !gridRows) return;
    setPending(true);
    try {
      const fields = {
        name: name.trim(),
        areaM2,
        gridColumns,
        gridRows,
        description: description.trim() || null,
      };
      const saved = garden
        ? await updateGarden(garden.id, fields)
        : await createGarden({ ...fields, centreId, resourceId: null });
      await onSaved(saved);
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

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {garden ? null : (
        <SelectField
          label={t('gardens.gardenForm.centre')}
          options={centres.map((c) => ({ id: c.id, label: c.name }))}
          selectedKey={centreId || null}
          onSelectionChange={(key) => setCentreId(String(key ?? ''))}
          isRequired
          isInvalid={Boolean(errors.centreId)}
          errorMessage={errors.centreId}
        />
      )}
      <TextField
        label={t('gardens.gardenForm.name')}
        value={name}
        onChange={setName}
        isRequired
        maxLength={80}
        isInvalid={Boolean(errors.name)}
        errorMessage={errors.name}
      />
      <TextField
        label={t('gardens.gardenForm.area')}
        value={area}
        onChange={setArea}
        inputMode="decimal"
        isRequired
        maxLength={12}
        isInvalid={Boolean(errors.areaM2)}
        errorMessage={errors.areaM2}
      />
      <div className="hub-gardens__row">
        <TextField
          label={t('gardens.gardenForm.columns')}
          description={t('gardens.gardenForm.gridHelp')}
          value={columns}
          onChange={setColumns}
          inputMode="numeric"
          isRequired
          maxLength={2}
          isInvalid={Boolean(errors.gridColumns)}
          errorMessage={errors.gridColumns}
        />
        <TextField
          label={t('gardens.gardenForm.rows')}
          description={t('gardens.gardenForm.gridHelp')}
          value={rows}
          onChange={setRows}
          inputMode="numeric"
          isRequired
          maxLength={2}
          isInvalid={Boolean(errors.gridRows)}
          errorMessage={errors.gridRows}
        />
      </div>
      <TextField
        label={t('gardens.gardenForm.description')}
        value={description}
        onChange={setDescription}
        isMultiline
        maxLength={1000}
        isInvalid={Boolean(errors.description)}
        errorMessage={errors.description}
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
        <Button type="submit" isPending={isPending} pendingLabel={t('gardens.common.saving')}>
          {garden ? t('gardens.common.save') : t('gardens.gardenForm.submit')}
        </Button>
      </div>
    </form>
  );
}
