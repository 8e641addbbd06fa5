import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { cellOf, type RecordRow } from '../normalize/RecordRow.ts';
import { problem } from '../problem/Problem.ts';
import type { ProblemSink } from '../problem/ProblemSink.ts';
import { fieldTitle } from './fieldTitle.ts';

/**
 * The primary key value as compared: equal exactly when their texts are equal (1 and "1" are the same
 * key, "001" is another), as a number where the text is a number's own, so that a million numeric keys
 * need no million strings.
 */
export function keyOf(value: string | number | boolean): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  const n = Number(value);
  return String(n) === value ? n : value;
}

/** The primary key is unique: every later duplicate is reported with the cell of its first use. */
export function checkPrimaryKey(records: RecordRow[], dataset: Dataset, sheet: string, out: ProblemSink): void {
  const key = dataset.primaryKey;
  const title = fieldTitle(dataset, key);
  const firstSeen = new Map<string | number, RecordRow>();
  for (const record of records) {
    const value = record.values[key];
    if (value === null || value === undefined) continue;
    const first = firstSeen.get(keyOf(value));
    if (!first) {
      firstSeen.set(keyOf(value), record);
      continue;
    }
    const id = String(value);
    out.add(
      problem('primary-key', 'error', { sheet, cell: cellOf(record, key), row: record.row, field: key, value: id }, {
        ja: `「${title.ja}」の ${id} が2回使われています（${cellOf(first, key)} と ${cellOf(record, key)}）。${title.ja}は行ごとに違う値にしてください。`,
        en: `${title.en} ${id} is used twice (${cellOf(first, key)} and ${cellOf(record, key)}); it must be unique.`,
      }, {
        ja: `${cellOf(record, key)} の${title.ja}を、まだ使われていない番号に直してください。`,
        en: `Change ${title.en} in ${cellOf(record, key)} to a value not used elsewhere.`,
      }),
    );
  }
}
