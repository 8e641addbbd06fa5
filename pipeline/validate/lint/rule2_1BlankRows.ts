import { problem } from '../../problem/Problem.ts';
import { cited, type LintRule } from './LintRule.ts';
import { secondTableRows } from './rule2_2OneTablePerSheet.ts';

const ITEM = '2-1';

/**
 * 2-1 「データが分断されていないか」. Blank rows with data rows after them split one table; ingest skips
 * them and reads on: a warning per run of blank rows. Blank rows in front of a second table are item
 * 2-2's, and blank rows after the last data row (before notes) split nothing.
 */
export const rule2_1BlankRows: LintRule = {
  item: ITEM,
  check(input, out): void {
    const { table } = input;
    const lastDataRow = table.rows[table.rows.length - 1]?.row ?? 0;
    const secondTables = new Set(secondTableRows(input));
    for (const e of table.events) {
      if (e.kind !== 'blank-row-skipped' || e.row === undefined) continue;
      const to = e.toRow ?? e.row;
      if (to >= lastDataRow || secondTables.has(to + 1)) continue;
      const rows = to === e.row ? `${e.row}行目` : `${e.row}〜${to}行目`;
      const rowsEn = to === e.row ? `Row ${e.row} is` : `Rows ${e.row}–${to} are`;
      out.add(problem('blank-row', 'warning', { sheet: table.sheet, row: e.row }, cited({
        ja: `${rows}が空行で、表が途中で分かれています。空行を飛ばして、前後を1つの表として読みました。`,
        en: `${rowsEn} blank, splitting the table; the blank rows were skipped and the rows before and after read as one table.`,
      }, ITEM), {
        ja: '空行を削除してください（行番号を右クリック →「削除」）。区切りが必要なら、区切りを表す列を作ってください。',
        en: 'Delete the blank rows (right-click the row number → Delete); if the grouping matters, add a column for it.',
      }));
    }
  },
};
