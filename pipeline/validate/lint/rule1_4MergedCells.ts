import * as XLSX from 'xlsx';
import type { IngestedTable, SourceCell } from '../../ingest/Table.ts';
import { problem, type Text } from '../../problem/Problem.ts';
import { columnAt, dataCells, groupBy } from './cells.ts';
import { cited, type LintRule } from './LintRule.ts';
import { shown } from './show.ts';

const ITEM = '1-4';

const UNMERGE: Text = {
  ja: '結合を解除し（「ホーム → セルを結合して中央揃え」をもう一度押す）、空いたセルそれぞれに同じ値を入力してください。',
  en: 'Unmerge the cells (Home → Merge & Center again) and enter the value in each cell.',
};

/**
 * 1-4 「セルの結合をしていないか」. Ingest fills a merged range with its top-left value. Down one column
 * that is the intended reading: a warning naming the cells filled. Across columns the value lands in
 * another item, and a range too large to fill leaves its cells empty: both make the data wrong (error).
 * Merges above the header (a title spread over the table) change nothing that is read.
 */
export const rule1_4MergedCells: LintRule = {
  item: ITEM,
  check({ table }, out): void {
    const filledFrom = groupBy(mergedCells(table), (c) => c.mergedFrom!);
    for (const event of table.events) {
      if (event.kind !== 'merged-cells-filled' && event.kind !== 'merged-cells-not-filled') continue;
      const range = XLSX.utils.decode_range(event.detail);
      if (range.e.r + 1 < table.headerRow) continue;
      const at = { sheet: table.sheet, cell: event.cell, row: range.s.r + 1, value: event.detail };
      if (event.kind === 'merged-cells-not-filled') {
        out.add(problem('merged-cells', 'error', at, cited({
          ja: `結合セル ${event.detail} は大きすぎるため、値を各セルに入れられませんでした。結合された範囲のセルは空として読まれます。`,
          en: `The merged range ${event.detail} is too large to fill; its cells are read as empty.`,
        }, ITEM), UNMERGE));
        continue;
      }
      const filled = filledFrom.get(event.cell ?? '') ?? [];
      const origin = XLSX.utils.decode_cell(event.cell ?? 'A1');
      const across = filled.filter((c) => c.col !== origin.c && columnAt(table, c.col) !== undefined);
      const value = filled[0] ? shown(String(filled[0].value)) : '';
      if (across.length > 0) {
        const cells = across.map((c) => c.address).join('、');
        out.add(problem('merged-cells', 'error', at, cited({
          ja: `結合セル ${event.detail} が複数の項目にまたがっているため、${event.cell} の値「${value}」が別の項目のセル（${cells}）にも入ってしまいます。`,
          en: `The merged range ${event.detail} spans several columns, so the value "${value}" of ${event.cell} would also fill other items (${across.map((c) => c.address).join(', ')}).`,
        }, ITEM), UNMERGE));
      } else if (filled.length > 0) {
        const cells = filled.map((c) => c.address);
        const listed = cells.length > 5 ? `${cells.slice(0, 5).join('・')} ほか${cells.length - 5}セル` : cells.join('・');
        out.add(problem('merged-cells', 'warning', at, cited({
          ja: `結合セル ${event.detail} を解除したものとして、${listed} にも ${event.cell} の値「${value}」を入れて読み取りました。`,
          en: `The merged range ${event.detail} was read as unmerged, with the value "${value}" of ${event.cell} copied into ${cells.length} cell(s).`,
        }, ITEM), UNMERGE));
      } else if (range.s.r + 1 <= table.headerRow && range.e.r + 1 >= table.headerRow) {
        out.add(problem('merged-cells', 'warning', at, cited({
          ja: `見出しのセルが結合されています（${event.detail}）。左上のセル ${event.cell} の見出しだけを使いました。`,
          en: `Header cells are merged (${event.detail}); only the label in ${event.cell} was used.`,
        }, ITEM), UNMERGE));
      }
    }
  },
};

function* mergedCells(table: IngestedTable): Generator<SourceCell> {
  // Merged cells are among those made whatever the test: none other is needed.
  for (const cell of dataCells(table, () => false)) if (cell.mergedFrom !== undefined) yield cell;
}
