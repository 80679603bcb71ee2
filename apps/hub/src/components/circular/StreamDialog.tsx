import {
  type RepStream,
  repStreams,
  type Stream,
  type StreamFamily,
  streamFamilies,
} from '@lakou/domain/circular';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { toast } from '@lakou/ui/toast';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createStream, updateStream } from '../../api/circular.ts';
import { refusalOf } from '../../api/donations.ts';
import { type ChosenWasteCode, WasteCodePicker } from './WasteCodePicker.tsx';

const NO_REP = 'none';
type Field = 'code' | 'name' | 'family' | 'repStream' | 'wasteCode' | 'sortOrder' | 'active';
type Errors = Partial<Record<Field, string>>;

/** Create or edit a material stream (admin): its code once, name, family, REP stream, waste code. */
export function StreamDialog({
  isOpen,
  stream,
  onClose,
  onSaved,
}: {
  isOpen: boolean;
  stream: Stream | null;
  onClose: () => void;
  onSaved: (stream: Stream) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={
        stream
          ? t('circular.streams.editTitle', { name: stream.name })
          : t('circular.streams.newTitle')
      }
      closeLabel={t('app.close')}
      isDismissable={false}
    >
      {isOpen ? <StreamForm stream={stream} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function StreamForm({
  stream,
  onClose,
  onSaved,
}: {
  stream: Stream | null;
  onClose: () => void;
  onSaved: (stream: Stream) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState(stream?.code ?? '');
  const [name, setName] = useState(stream?.name ?? '');
  const [family, setFamily] = useState<StreamFamily>(stream?.family ?? 'other');
  const [rep, setRep] = useState<string>(stream?.repStream ?? NO_REP);
  const [wasteCode, setWasteCode] = useState<ChosenWasteCode | null>(
    stream?.wasteCode
      ? {
          code: stream.wasteCode,
          hazardous: stream.hazardous,
          description: stream.wasteCodeDescription ?? '',
        }
      : null,
  );
  const [sortOrder, setSortOrder] = useState(String(stream?.sortOrder ?? 100));
  const [active, setActive] = useState(stream?.active ?? true);
  const [errors, setErrors] = useState<Errors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const save = async () => {
    const next: Errors = {};
    if (!stream && !/^[a-z][a-z0-9_]{1,39}$/.test(code.trim()))
      next.code = t('circular.streams.codeInvalid');
    const trimmed = name.trim();
    if (trimmed.length < 2 || trimmed.length > 80) next.name = t('circular.streams.nameInvalid');
    const order = /^\d{1,3}$/.test(sortOrder.trim()) ? Number(sortOrder) : null;
    if (order === null) next.sortOrder = t('circular.streams.sortOrderInvalid');
    setErrors(next);
    setDetail(null);
    if (Object.keys(next).length > 0 || order === null) return;
    setPending(true);
    const fields = {
      name: trimmed,
      family,
      repStream: rep === NO_REP ? null : (rep as RepStream),
      wasteCode: wasteCode?.code ?? null,
      active,
      sortOrder: order,
    };
    try {
      const saved = stream
        ? await updateStream(stream.id, fields)
        : await createStream({ ...fields, code: code.trim() });
      toast.success(
        t(stream ? 'circular.streams.updated' : 'circular.streams.created', { name: saved.name }),
      );
      await onSaved(saved);
    } catch (error) {
      const refusal = refusalOf(error);
      const found = refusal.fields as Errors;
      // « Code or name taken » (409) is said on its field when the API names none.
      if (Object.keys(found).length === 0 && (error as { status?: number }).status === 409) {
        if (/nom/i.test(refusal.detail) && !/code/i.test(refusal.detail))
          found.name = refusal.detail;
        else found.code = refusal.detail;
      }
      setErrors(found);
      setDetail(Object.keys(found).length > 0 ? null : refusal.detail);
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
      {stream ? null : (
        <TextField
          label={t('circular.streams.code')}
          description={t('circular.streams.codeHelp')}
          value={code}
          onChange={(value) => setCode(value.toLowerCase())}
          isRequired
          maxLength={40}
          autoComplete="off"
          isInvalid={Boolean(errors.code)}
          errorMessage={errors.code}
        />
      )}
      <TextField
        label={t('circular.streams.name')}
        value={name}
        onChange={setName}
        isRequired
        maxLength={80}
        isInvalid={Boolean(errors.name)}
        errorMessage={errors.name}
      />
      <div className="hub-circular__row">
        <SelectField
          label={t('circular.streams.family')}
          options={streamFamilies.map((f) => ({ id: f, label: t(`circular.families.${f}`) }))}
          selectedKey={family}
          onSelectionChange={(key) => setFamily((key ?? 'other') as StreamFamily)}
          isRequired
          isInvalid={Boolean(errors.family)}
          errorMessage={errors.family}
        />
        <SelectField
          label={t('circular.streams.rep')}
          options={[
            { id: NO_REP, label: t('circular.streams.noRep') },
            ...repStreams.map((r) => ({ id: r, label: t(`circular.repStreams.${r}`) })),
          ]}
          selectedKey={rep}
          onSelectionChange={(key) => setRep(String(key ?? NO_REP))}
          isInvalid={Boolean(errors.repStream)}
          errorMessage={errors.repStream}
        />
      </div>
      <WasteCodePicker value={wasteCode} onChange={setWasteCode} errorMessage={errors.wasteCode} />
      <TextField
        label={t('circular.streams.sortOrder')}
        value={sortOrder}
        onChange={setSortOrder}
        inputMode="numeric"
        maxLength={3}
        isInvalid={Boolean(errors.sortOrder)}
        errorMessage={errors.sortOrder}
      />
      <Checkbox
        label={t('circular.streams.activeField')}
        isSelected={active}
        onChange={setActive}
        isInvalid={Boolean(errors.active)}
        errorMessage={errors.active}
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
        <Button type="submit" isPending={isPending} pendingLabel={t('circular.common.saving')}>
          {t('circular.streams.submit')}
        </Button>
      </div>
    </form>
  );
}
