import type { Dataset, SingleFieldColumn } from '../dataset/DatasetDefinition.ts';
import { cellOf, type RecordRow } from '../normalize/RecordRow.ts';
import { problem } from '../problem/Problem.ts';
import type { ProblemSink } from '../problem/ProblemSink.ts';
import { fieldTitle } from './fieldTitle.ts';

/**
 * A 合計 column declared with `sumOf` equals, in every row, the sum of the columns it lists. Rows
 * where any of them is empty or unreadable are not compared: what the empty cell means is not known.
 */
export function checkRowSums(records: RecordRow[], dataset: Dataset, sheet: string, out: ProblemSink): void {
  const columns = dataset.columns.filter((c): c is SingleFieldColumn & { sumOf: string[] } => c.rule === 'integer' && Array.isArray((c as SingleFieldColumn).sumOf));
  for (const column of columns) {
    const title = fieldTitle(dataset, column.field);
    const parts = column.sumOf.map((f) => fieldTitle(dataset, f));
    for (const record of records) {
      const total = record.values[column.field];
      const values = column.sumOf.map((f) => record.values[f]);
      if (typeof total !== 'number' || !values.every((v): v is number => typeof v === 'number')) continue;
      const sum = values.reduce((a, b) => a + b, 0);
      if (sum === total) continue;
      out.add(
        problem('row-total-mismatch', 'error', { sheet, cell: cellOf(record, column.field), row: record.row, field: column.field, value: String(total) }, {
          ja: `${record.row}行目の「${title.ja}」は ${total} ですが、${parts.map((p) => `「${p.ja}」`).join('')}を足すと ${sum} です。`,
          en: `Row ${record.row}: ${title.en} is ${total}, but ${parts.map((p) => p.en).join(' + ')} add up to ${sum}.`,
        }, {
          ja: `${record.row}行目の数値を元の資料と見比べて、合計か内訳を直してください。`,
          en: `Compare row ${record.row} with the original records and correct the total or its parts.`,
        }),
      );
    }
  }
}
