import { type CustomFieldDefinition, formatCustomValue } from '@lakou/domain/config';
import type { Event } from '@lakou/domain/events';
import Papa from 'papaparse';

/** The fixed columns of the events export, before one column per custom field. */
export const EVENT_COLUMNS = [
  'Date',
  'Début',
  'Fin',
  'Centre',
  'Type',
  'Titre',
  'Public',
  'Inscriptions ouvertes',
  'Statut',
  'Capacité',
  'Places attribuées',
  'Liste d’attente',
  'Présents',
  'Sans inscription',
  'Partenaire',
] as const;

function localParts(iso: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('day')}/${get('month')}/${get('year')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

const yesNo = (v: boolean) => (v ? 'Oui' : 'Non');

/**
 * The events as CSV for a spreadsheet in French: UTF-8 with a BOM, `;`, dates JJ/MM/AAAA and
 * times in each centre's time zone, then one column per custom field (its French label; the value
 * as formatCustomValue writes it, empty where the field does not apply to the event's centre).
 */
export function eventsCsv(
  items: readonly Event[],
  fields: readonly CustomFieldDefinition[],
): string {
  const data = items.map((e) => {
    const start = localParts(e.start, e.timeZone);
    const end = localParts(e.end, e.timeZone);
    return [
      start.date,
      start.time,
      end.date === start.date ? end.time : `${end.date} ${end.time}`,
      e.centreName,
      e.kind.label,
      e.title,
      yesNo(e.public),
      yesNo(e.registrationOpen),
      e.status === 'cancelled' ? 'Annulé' : 'Prévu',
      String(e.capacity),
      String(e.seatsTaken),
      String(e.waiting),
      String(e.attended),
      String(e.anonymousHeadcount),
      e.partnerName ?? '',
      ...fields.map((f) => formatCustomValue(f, e.custom[f.key], 'fr')),
    ];
  });
  const csv = Papa.unparse(
    { fields: [...EVENT_COLUMNS, ...fields.map((f) => f.labelFr)], data },
    // Text typed by people (titles, custom fields) must not run as a formula; negative numbers stay.
    { delimiter: ';', newline: '\r\n', escapeFormulae: /^(?![-+]\d)[=+\-@\t\r]/ },
  );
  return `\uFEFF${csv}\r\n`;
}
