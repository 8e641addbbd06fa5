import { stringify } from 'csv-stringify/sync';
import type { Values } from '../normalize/RecordRow.ts';

/** RFC 4180 CSV: UTF-8 without BOM, CRLF, header of field names, empty for none. */
export function toCsv(records: Values[], fields: string[]): string {
  return stringify(
    records.map((r) => fields.map((f) => r[f] ?? null)),
    { header: true, columns: fields, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

/**
 * CSV for double-clicking in Japanese Excel: UTF-8 with a BOM (or Excel reads it as Shift_JIS),
 * CRLF, the Japanese titles as header, fields with line breaks quoted. Same records as the canonical CSV.
 */
export function toExcelCsv(records: Values[], fields: string[], titles: string[]): string {
  return stringify([titles, ...records.map((r) => fields.map((f) => r[f] ?? null))], {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
}

/** An array of objects keyed by field name, keys in published order, null for none. */
export function toJson(records: Values[], fields: string[]): string {
  const ordered = records.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null])));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
