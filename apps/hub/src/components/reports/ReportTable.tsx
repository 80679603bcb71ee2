import { formatValue, reportMassUnit } from '@lakou/reports/chart';
import type { Drill, Row, TableModel } from '@lakou/reports/model';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { formatFigure } from '../../lib/reports.ts';

export interface ReportTableProps {
  table: TableModel;
  /** The caption; the table's own title by default. */
  caption?: ReactNode;
  /**
   * A row that leads somewhere (its `drill`: a centre, a stream) shows its first cell as this
   * link; without it the table is read only (a widget, a chart's data).
   */
  drillLink?: (drill: Drill, text: string, accessibleName: string) => ReactNode;
}

/** A small count hidden so that nobody can be singled out (the circles report). */
const SUPPRESSED = '< 5';

type Cell = string | number | null | undefined;

const cellText = (
  value: Cell,
  unit: TableModel['columns'][number]['unit'],
  locale: string,
  massUnit?: 'kg' | 't',
) => {
  if (typeof value === 'string') return value;
  // A column of masses reads in one unit (the one its largest figure reads best in).
  if (unit === 'grams' && massUnit && typeof value === 'number' && Number.isFinite(value))
    return formatValue(value, 'grams', { massUnit });
  return formatFigure(value ?? null, unit, locale);
};

/** The unit each mass column reads in, from its largest figure (totals included). */
function massUnits(table: TableModel): Map<string, 'kg' | 't'> {
  const units = new Map<string, 'kg' | 't'>();
  for (const column of table.columns) {
    if (column.unit !== 'grams') continue;
    let max = 0;
    for (const cells of [...table.rows.map((r) => r.cells), table.totals ?? {}]) {
      const v = cells[column.key];
      if (typeof v === 'number' && Math.abs(v) > max) max = Math.abs(v);
    }
    units.set(column.key, reportMassUnit(max));
  }
  return units;
}

/**
 * A report table as real HTML: a caption, column headers (`th scope="col"`), the first cell of
 * each row as its header (`th scope="row"`), figures formatted by unit, then the totals line.
 */
export function ReportTable({ table, caption, drillLink }: ReportTableProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const captionId = useId();
  const masses = massUnits(table);
  const [first, ...rest] = table.columns;
  if (!first) return null;
  const rowHeader = (row: Row) => {
    const text = cellText(row.cells[first.key], first.unit, locale);
    if (!drillLink || !row.drill || (!row.drill.centreId && !row.drill.streamId)) return text;
    const name = row.drill.streamId
      ? t('reports.table.drillStream', { name: text })
      : t('reports.table.drillCentre', { name: text });
    return drillLink(row.drill, text, name);
  };
  return (
    // A wide table scrolls sideways: its box takes the keyboard focus so it can be scrolled
    // without a mouse (WCAG 2.1.1), named by the caption.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable
    // biome-ignore lint/a11y/useSemanticElements: a box around a table, not a form's fieldset
    <div className="lk-table-scroll" role="group" aria-labelledby={captionId} tabIndex={0}>
      <table className="lk-table hub-report-table">
        <caption id={captionId}>{caption ?? table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" data-numeric={column.unit !== 'text' || undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length}>{t('reports.table.empty')}</td>
            </tr>
          ) : (
            table.rows.map((row, index) => (
              <tr key={index}>
                <th scope="row">{rowHeader(row)}</th>
                {rest.map((column) => (
                  <td key={column.key} data-numeric={column.unit !== 'text' || undefined}>
                    {row.cells[column.key] === SUPPRESSED ? (
                      <abbr title={t('reports.table.suppressed')}>{SUPPRESSED}</abbr>
                    ) : (
                      cellText(row.cells[column.key], column.unit, locale, masses.get(column.key))
                    )}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {table.totals ? (
          <tfoot>
            <tr>
              <th scope="row">
                {typeof table.totals[first.key] === 'string'
                  ? table.totals[first.key]
                  : t('reports.table.total')}
              </th>
              {rest.map((column) => (
                <td key={column.key} data-numeric={column.unit !== 'text' || undefined}>
                  {cellText(
                    table.totals?.[column.key],
                    column.unit,
                    locale,
                    masses.get(column.key),
                  )}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
