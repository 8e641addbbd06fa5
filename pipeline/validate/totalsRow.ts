import type { Dataset, SingleFieldColumn } from '../dataset/DatasetDefinition.ts';
import { integerFields } from '../dataset/totalsConsistency.ts';
import { labelKey } from '../ingest/labelKey.ts';
import { cellText } from '../ingest/sheetCells.ts';
import type { IngestedTable } from '../ingest/Table.ts';
import type { RecordRow } from '../normalize/RecordRow.ts';
import { readCell } from '../normalize/readCell.ts';
import { locate, problem } from '../problem/Problem.ts';
import type { ProblemSink } from '../problem/ProblemSink.ts';
import { fieldTitle } from './fieldTitle.ts';

const num = (n: number) => n.toLocaleString('ja-JP');

/**
 * A declared totals row (「合計」) is not data, but it says what the data adds up to: each of its
 * checked cells must equal the sum of that column over the data rows above it. A difference means a
 * number is wrong somewhere, and which one cannot be known: an error naming both sums.
 */
export function checkTotalsRows(table: IngestedTable, records: RecordRow[], dataset: Dataset, out: ProblemSink): void {
  const sheet = table.sheet;
  const checked = dataset.totalsRow?.check ?? integerFields(dataset);
  for (const totals of table.totalsRows ?? []) {
    const above = records.filter((r) => r.row < totals.row);
    const below = records.filter((r) => r.row > totals.row);
    for (const field of checked) {
      const index = dataset.columns.findIndex((c) => c.rule === 'integer' && c.field === field);
      const column = dataset.columns[index] as SingleFieldColumn | undefined;
      const cell = totals.cells[index];
      // The cell holding the 「合計」 label itself is not a number to compare.
      if (!column || !cell || labelKey(cellText(cell)) === labelKey(dataset.totalsRow?.label ?? '')) continue;
      const reading = readCell(column, cell, dataset);
      const where = { sheet, cell: cell.address, row: totals.row, field, value: String(cell.value ?? '') };
      const stated = reading.values[0]?.[1];
      if (typeof stated !== 'number') {
        for (const f of reading.findings) if (f.severity === 'error') out.add(locate(f, where));
        continue;
      }
      const sum = above.reduce((total, r) => total + (typeof r.values[field] === 'number' ? (r.values[field] as number) : 0), 0);
      if (sum === stated) continue;
      const title = fieldTitle(dataset, field);
      const span = above.length > 0 ? `${above[0]!.row}〜${above[above.length - 1]!.row}行目` : 'なし';
      out.add(
        problem('totals-mismatch', 'error', where, {
          ja: `合計の行（${totals.row}行目）の「${title.ja}」は ${num(stated)} ですが、上のデータの行（${span}）を足すと ${num(sum)} です（差 ${num(stated - sum)}）。`,
          en: `The totals row (row ${totals.row}) gives ${title.en} as ${stated}, but the data rows above add up to ${sum} (difference ${stated - sum}).`,
        }, {
          ja: `データの行か合計の行（${cell.address}）のどちらかの数値が違っています。元の資料と見比べて直してください。`,
          en: `A number in the data rows or in the totals row (${cell.address}) is wrong; compare them with the original records and correct it.`,
        }),
      );
    }
    if (below.length > 0) {
      out.add(
        problem('totals-row-not-last', 'warning', { sheet, row: totals.row, cell: totals.cells.find((c) => c)?.address }, {
          ja: `合計の行（${totals.row}行目）より下にデータの行（${below[0]!.row}行目など）があります。合計は上の行だけと比べました。`,
          en: `There are data rows (row ${below[0]!.row} and on) below the totals row (row ${totals.row}); the totals were compared with the rows above it only.`,
        }, {
          ja: '合計の行は表のいちばん下に置いてください。',
          en: 'Put the totals row at the bottom of the table.',
        }),
      );
    }
  }
}
