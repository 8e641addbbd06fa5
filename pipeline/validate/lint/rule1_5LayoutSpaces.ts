import * as XLSX from 'xlsx';
import { fieldsOfColumn } from '../../dataset/columns.ts';
import type { Normalization } from '../../problem/Normalization.ts';
import { problem, type Problem, type Text } from '../../problem/Problem.ts';
import { cellAt, columnAt } from './cells.ts';
import { normalizationsOf } from '../../normalize/CellChanges.ts';
import { cited, type LintRule } from './LintRule.ts';
import { found } from '../../problem/ProblemSink.ts';
import { listItems } from './rule1_2OneValuePerCell.ts';
import { shown, shownChange } from './show.ts';

const ITEM = '1-5';

const DONE: Record<string, Text> = {
  'space/trim': { ja: '前後の空白・改行を削除', en: 'removed leading and trailing spaces or line breaks' },
  'space/japanese-break': { ja: '文字の間の改行・空白を削除', en: 'removed line breaks or spaces between Japanese characters' },
  'space/collapse': { ja: '続いた空白や改行を空白1つに', en: 'turned runs of spaces or line breaks into one space' },
};

const FIX: Text = {
  ja: 'セルの中の改行（Alt+Enter）や空白で見た目を整えないでください。表示の幅は、列の幅や「折り返して全体を表示する」で調整してください。',
  en: 'Do not use line breaks (Alt+Enter) or spaces inside cells for layout; adjust the column width or use Wrap Text instead.',
};

/**
 * 1-5 「スペースや改行等で体裁を整えていないか」. Normalization removes spaces and line breaks used for
 * layout; each changed cell gets one warning with the text before and after. Integer cells are item
 * 1-3's, and list-like cells item 1-2's. A header label with spaces or breaks is matched without them.
 */
export const rule1_5LayoutSpaces: LintRule = {
  item: ITEM,
  check({ table, normalized }, out): void {
    for (const column of table.columns) {
      if (!/\s/u.test(column.label)) continue;
      const field = fieldsOfColumn(column.definition)[0];
      const flat = column.label.replace(/\s+/gu, '');
      out.add(problem('layout-whitespace', 'warning', { sheet: table.sheet, cell: column.address, row: table.headerRow, ...(field ? { field } : {}), value: column.label }, cited({
        ja: `見出し「${shown(column.label)}」の中の改行・空白は無視して「${flat}」として読みました。`,
        en: `The header "${shown(column.label)}" was matched as "${flat}", ignoring its line breaks and spaces.`,
      }, ITEM), { ja: '見出しの中の改行（Alt+Enter）や空白を削除してください。', en: 'Remove the line breaks and spaces inside the header label.' }));
    }
    // Only the cells those changes name are looked up: no map of every cell in the table.
    for (const entry of normalized.changes) {
      if (!entry.changes.some((c) => Object.hasOwn(DONE, c.rule))) continue;
      const cell = cellAt(table, entry.row, XLSX.utils.decode_col(entry.letter));
      if (!cell || columnAt(table, cell.col)?.rule === 'integer') continue;
      if (typeof cell.value === 'string' && listItems(cell.value).length > 0) continue;
      found(out, 'warning', entry.row, () => warning(table.sheet, normalizationsOf(table.sheet, entry).filter((n) => Object.hasOwn(DONE, n.rule))));
    }
  },
};

function warning(sheet: string, changes: Normalization[]): Problem {
  const first = changes[0]!;
  const last = changes[changes.length - 1]!;
  const { before, after } = shownChange(first.before, last.after);
  const rules = [...new Set(changes.map((c) => c.rule))];
  const ja = rules.map((r) => DONE[r]!.ja).join('・');
  const en = rules.map((r) => DONE[r]!.en).join(', ');
  return problem('layout-whitespace', 'warning', { sheet, cell: first.cell, row: first.row, field: first.field, value: first.before }, cited({
    ja: `体裁のための空白・改行を取り除いて読み取りました（${ja}）：「${before}」→「${after}」。`,
    en: `Spaces or line breaks used for layout were removed (${en}): "${before}" → "${after}".`,
  }, ITEM), FIX);
}
