import { problem } from '../../problem/Problem.ts';
import { dataCells, locationOf } from './cells.ts';
import { cited, type LintRule } from './LintRule.ts';
import { shown } from './show.ts';

const ITEM = '1-2';

/** Pieces of text with a digit, split at list separators, line breaks, ranges and brackets: 「100（50）」「1,000、2,000」. */
function numberedPieces(text: string): number {
  return text
    .normalize('NFKC')
    .split(/[、;\r\n〜~()]/u)
    .filter((piece) => /\d/u.test(piece)).length;
}

/** A bullet or number opening a line: ・ ● ○ ◆ ■ □ • - * ① (1) 1. */
const ITEM_LINE = /^\s*(?:[・●○◆◇■□▪•*\-]|[\u2460-\u2473]|[(（][0-9０-９]+[)）]|[0-9０-９]+[.．)）])/u;

/** Lines of a cell that each start like a list item, when there are at least two. */
export function listItems(text: string): string[] {
  if (!/[\r\n]/u.test(text)) return []; // one line: not a list
  const lines = text.split(/\r\n|\r|\n/u).filter((line) => line.trim() !== '');
  return lines.length >= 2 && lines.every((line) => ITEM_LINE.test(line)) ? lines : [];
}

/**
 * 1-2 「1セル1データとなっているか」. A value the pipeline could not read because the cell holds several
 * numbers or dates (「100（50）」) is the type error already reported: it carries the citation. A cell
 * whose lines are list items holds several values in one text: a warning, since it is published as one text.
 */
export const rule1_2OneValuePerCell: LintRule = {
  item: ITEM,
  cites: (p) => p.code === 'type-error' && p.value !== undefined && numberedPieces(p.value) >= 2,
  fix: {
    ja: '1つのセルには1つの値だけを入力してください。「100（50）」のような内訳や範囲は、別の列か注記（※）に書いてください。',
    en: 'Enter one value per cell; put breakdowns or ranges such as "100 (50)" in another column or a note.',
  },
  check(input, out): void {
    for (const cell of dataCells(input.table, (value) => typeof value === 'string' && /[\r\n]/u.test(value))) {
      if (typeof cell.value !== 'string') continue;
      const items = listItems(cell.value);
      if (items.length === 0 || input.erroneousCells.has(cell.address)) continue;
      const list = items.map((line) => `「${shown(line.trim(), 20)}」`).join('');
      out.add(
        problem('several-values-in-cell', 'warning', { ...locationOf(input.table, cell), value: cell.value }, cited({
          ja: `セル ${cell.address} に ${items.length} つの項目が箇条書きで入っています（${list}）。改行を取り除き、1つの文として公開します。`,
          en: `Cell ${cell.address} lists ${items.length} items on separate lines; the line breaks are removed and they are published as one text.`,
        }, ITEM), {
          ja: '1つのセルには1つの値を入れてください。項目ごとに分ける必要があれば、行を分けるか、データセットの担当者に列の追加を相談してください。',
          en: 'Put one value in each cell; if the items must be separate, split them into rows, or ask the dataset maintainer for more columns.',
        }),
      );
    }
  },
};
