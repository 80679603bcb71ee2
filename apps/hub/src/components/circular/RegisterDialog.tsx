import { Dialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isInverted, registerUrl, yearStart } from '../../lib/circular.ts';
import { todayIn } from '../../lib/events.ts';
import { NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { useReadableCentres } from './useWritableCentres.ts';

const ALL = 'all';

/**
 * « Registre des déchets »: a period and, optionally, one centre, then the chronological
 * register as CSV or XLSX — plain links the browser downloads (the API names the file).
 */
export function RegisterDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('circular.register.title')}
      closeLabel={t('app.close')}
    >
      {isOpen ? <RegisterForm /> : null}
    </Dialog>
  );
}

function RegisterForm() {
  const { t } = useTranslation();
  const centres = useReadableCentres();
  const today = todayIn(NETWORK_TIME_ZONE);
  const [from, setFrom] = useState(yearStart(today));
  const [to, setTo] = useState(today);
  const [centreId, setCentreId] = useState(ALL);
  const inverted = isInverted(from, to);
  const missing = !from || !to;
  const ready = !inverted && !missing;
  const query = { from, to, centreId: centreId === ALL ? null : centreId };

  return (
    <div className="hub-form">
      <p className="hub-page__lead">{t('circular.register.lead')}</p>
      <div className="hub-circular__row">
        <TextField
          type="date"
          label={t('circular.register.from')}
          value={from}
          onChange={setFrom}
          isRequired
          isInvalid={!from}
          errorMessage={t('circular.register.datesRequired')}
        />
        <TextField
          type="date"
          label={t('circular.register.to')}
          value={to}
          onChange={setTo}
          isRequired
          isInvalid={!to || inverted}
          errorMessage={
            !to ? t('circular.register.datesRequired') : t('circular.common.invalidRange')
          }
        />
      </div>
      {centres.length > 1 ? (
        <SelectField
          label={t('circular.register.centre')}
          options={[
            { id: ALL, label: t('circular.register.allCentres') },
            ...centres.map((c) => ({ id: c.id, label: c.name })),
          ]}
          selectedKey={centreId}
          onSelectionChange={(key) => setCentreId(String(key ?? ALL))}
        />
      ) : null}
      {ready ? (
        <div className="hub-circular__downloads">
          {/* Plain links: the browser downloads the file the API names. */}
          <a
            className="lk-button"
            data-variant="primary"
            data-size="medium"
            href={registerUrl('csv', query)}
            download
          >
            {t('circular.register.csv')}
          </a>
          <a
            className="lk-button"
            data-variant="secondary"
            data-size="medium"
            href={registerUrl('xlsx', query)}
            download
          >
            {t('circular.register.xlsx')}
          </a>
        </div>
      ) : null}
    </div>
  );
}
