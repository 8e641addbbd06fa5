import * as XLSX from 'xlsx';
import { problem } from '../../problem/Problem.ts';
import type { LintRule } from './LintRule.ts';
import { cited } from './LintRule.ts';

const ITEM = '1-6';

/**
 * 1-6 「項目名を省略していないか」. A declared column whose label is missing is the `missing-label` error
 * ingest reports: it cites this item. A column with values under a blank header cell is not read at all:
 * a warning naming the column and the cells left out.
 */
export const rule1_6HeaderLabels: LintRule = {
  item: ITEM,
  cites: (p) => p.code === 'missing-label',
  check({ table }, out): void {
    for (const e of table.events) {
      if (e.kind !== 'unlabeled-column-ignored') continue;
      {
        const letters = XLSX.utils.encode_col(XLSX.utils.decode_cell(e.cell ?? 'A1').c);
        const cells = e.detail.replace(':', '〜');
        out.add(problem('unlabeled-column', 'warning', { sheet: table.sheet, cell: e.cell, row: e.row, value: e.detail }, cited({
          ja: `${letters}列には値があります（${cells}）が、見出し（${e.cell}）が空なので読み込みませんでした。`,
          en: `Column ${letters} holds values (${e.detail}) but its header cell ${e.cell} is blank, so it was not read.`,
        }, ITEM), {
          ja: `公開するデータなら ${e.cell} に見出しを入れ、データセットの担当者に列の追加を依頼してください。不要なら列ごと削除してください。`,
          en: `If the column is to be published, label it in ${e.cell} and ask the dataset maintainer to declare it; otherwise delete the column.`,
        }));
      }
    }
  },
};
