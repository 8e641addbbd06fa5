import { problem } from '../../problem/Problem.ts';
import { cited, type LintRule } from './LintRule.ts';
import { shown } from './show.ts';

const ITEM = '1-8';

/** ZIP parts that hold pictures (xlsx `xl/media/`, ods `Pictures/`). */
const IMAGE = /^(?:xl\/media|Pictures)\/[^/]+$/iu;
/** Parts that hold shapes, text boxes or charts; `vmlDrawing` only draws comment boxes and is not one. */
const DRAWING = /^xl\/(?:drawings\/drawing\d+\.xml|charts\/chart\d+\.xml)$/iu;

function listed(names: string[]): string {
  return names.length > 3 ? `${names.slice(0, 3).join('、')} ほか${names.length - 3}個` : names.join('、');
}

/**
 * 1-8 「オブジェクトを使用していないか」. Comments, pictures, shapes, text boxes and charts are not read, so
 * anything written in them is not published: one warning per comment (with its cell), and one per kind
 * of object in the workbook (its parts do not say which sheet they sit on).
 */
export const rule1_8Objects: LintRule = {
  item: ITEM,
  check({ table, source }, out): void {
    for (const e of table.events) {
      if (e.kind !== 'comment-ignored') continue;
      out.add(
        problem('object-ignored', 'warning', { sheet: table.sheet, cell: e.cell, row: e.row, value: e.detail }, cited({
          ja: `セル ${e.cell} にコメント（メモ）「${shown(e.detail)}」が付いています。コメントは読み込まないため、公開データには含まれません。`,
          en: `Cell ${e.cell} has a comment ("${shown(e.detail)}"); comments are not read, so it is not published.`,
        }, ITEM), {
          ja: '公開する必要がある内容なら、表の列や、表の下の注記（「※」で始まる行）に書いてください。不要ならコメントを削除してください。',
          en: 'If it must be published, put it in a column or in a note below the table (a row starting with ※); otherwise delete the comment.',
        }),
      );
    }
    const fix = {
      ja: '画像や図形の中の文字・数値は読み込めません。公開が必要な内容は表のセルに入力し、画像・図形は削除してください。',
      en: 'Text and numbers inside pictures and shapes cannot be read: enter what must be published in cells, and delete the objects.',
    };
    const images = source.parts.filter((name) => IMAGE.test(name));
    if (images.length > 0) {
      out.add(problem('object-ignored', 'warning', { value: images.join(', ') }, cited({
        ja: `ブックに画像が ${images.length} 個あります（${listed(images)}）。画像は読み込まないため、公開データには含まれません。`,
        en: `The workbook holds ${images.length} picture(s) (${images.join(', ')}); pictures are not read or published.`,
      }, ITEM), fix));
    }
    const drawings = source.parts.filter((name) => DRAWING.test(name));
    if (drawings.length > 0) {
      out.add(problem('object-ignored', 'warning', { value: drawings.join(', ') }, cited({
        ja: `ブックに図形・テキストボックス・グラフなどがあります（${listed(drawings)}）。これらは読み込まないため、公開データには含まれません。`,
        en: `The workbook holds shapes, text boxes or charts (${drawings.join(', ')}); they are not read or published.`,
      }, ITEM), fix));
    }
  },
};
