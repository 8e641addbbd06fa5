import type { ColumnDefinition } from '../../dataset/DatasetDefinition.ts';
import type { SourceCell } from '../../ingest/Table.ts';
import { problem } from '../../problem/Problem.ts';
import { columnAt, dataCells, findRow, locationOf } from './cells.ts';
import type { Change } from '../../problem/Normalization.ts';
import { cited, type LintRule } from './LintRule.ts';
import { found } from '../../problem/ProblemSink.ts';
import { shown } from './show.ts';

const ITEM = '1-3';

/** What each rule did to a number, in the staff's words. */
const DONE: Record<string, { ja: string; en: string }> = {
  'space/trim': { ja: '前後の空白を削除', en: 'removed surrounding spaces' },
  'width/fullwidth-ascii': { ja: '全角の数字・記号を半角に', en: 'made full-width digits half-width' },
  'number/fullwidth-digits': { ja: '全角の数字を半角に', en: 'made full-width digits half-width' },
  'number/triangle-minus': { ja: '「▲」「△」をマイナスに', en: 'read ▲/△ as a minus sign' },
  'number/minus-sign': { ja: '「−」「－」を「-」に', en: 'replaced − or － by -' },
  'number/separators': { ja: '桁区切りの「,」を削除', en: 'removed the thousands separators' },
  'number/leading-zeros': { ja: '先頭の「0」を削除', en: 'removed leading zeros' },
  'number/negative-zero': { ja: '「-0」を「0」に', en: 'made -0 into 0' },
};

/** How to enter it next time, for the rules that fired. */
function advice(rules: Set<string>): { ja: string; en: string } {
  const ja = ['セルの表示形式を「数値」にして、数字だけを半角で入力してください。'];
  const en = ['Format the cell as a number and enter only half-width digits.'];
  if (rules.has('number/separators')) {
    ja.push('桁区切りは入力せず、表示形式（「桁区切りスタイル」）で付けてください。');
    en.push('Do not type thousands separators: use the number format to show them.');
  }
  if (rules.has('number/triangle-minus')) {
    ja.push('マイナスは「▲100」ではなく「-100」と入力してください（▲で表示したいときは表示形式で）。');
    en.push('Enter negative numbers as -100, not ▲100 (use a number format to show ▲).');
  }
  return { ja: ja.join(''), en: en.join(' ') };
}

/** Text with a digit and something that is not part of a number: 「1,000千円」「約100」「100人」 (two linear scans, never `.*` backtracking over a long cell). */
const numberWithWords = (text: string): boolean => /\d/u.test(text) && /[^\d\s,，.．\-−－▲△+]/u.test(text);

/**
 * 1-3 「数値データは数値属性とし、文字列を含まないこと」. In an integer column, a number typed as text
 * (「1,000」「▲50」「１２」) is read as a number: a warning naming each thing changed. A number with
 * words or units around it (「1,000千円」) cannot be read: the type error already reported cites this item.
 * CSV has no number cells, so there only the rewritten spellings are reported.
 */
export const rule1_3NumbersAsText: LintRule = {
  item: ITEM,
  cites(p, input) {
    if (p.code !== 'type-error' || p.value === undefined || !numberWithWords(p.value)) return false;
    return input.dataset.columns.some((c) => c.rule === 'integer' && c.field === p.field);
  },
  fix: {
    ja: 'セルには数字だけを半角で入力してください。単位は見出しに、「約」「以上」などの言葉は必要なら注記（※）に書いてください。',
    en: 'Enter only the digits; the unit belongs in the header, and words such as "about" in a note if needed.',
  },
  check(input, out): void {
    const csv = input.source.kind === 'csv';
    // The cells this item looks at: text in an integer column that is not already an error.
    const candidates: { cell: SourceCell; column: ColumnDefinition & { field: string } }[] = [];
    const integer = input.dataset.columns.map((c) => c.rule === 'integer');
    for (const cell of dataCells(input.table, (value, i) => typeof value === 'string' && integer[i] === true)) {
      if (typeof cell.value !== 'string') continue;
      const column = columnAt(input.table, cell.col);
      if (column?.rule !== 'integer' || input.erroneousCells.has(cell.address)) continue;
      candidates.push({ cell, column });
    }
    if (candidates.length === 0) return;
    // Only their changes are grouped, not every change in the table.
    const wanted = new Set(candidates.map(({ cell }) => cell.address));
    const byCell = new Map<string, readonly Change[]>();
    const fields = new Set(candidates.map(({ column }) => column.field));
    for (const entry of input.normalized.changes) {
      if (!fields.has(entry.field)) continue;
      const address = entry.letter + entry.row;
      if (wanted.has(address)) byCell.set(address, [...(byCell.get(address) ?? []), ...entry.changes]);
    }
    for (const { cell, column } of candidates) {
      const text = cell.value;
      if (typeof text !== 'string') continue;
      const rules = new Set((byCell.get(cell.address) ?? []).map((n) => n.rule).filter((rule) => Object.hasOwn(DONE, rule)));
      const value = findRow(input.normalized.records, cell.row)?.values[column.field];
      if (typeof value !== 'number' || (csv && rules.size === 0)) continue;
      found(out, 'warning', cell.row, () => {
        const doneJa = [...rules].map((rule) => DONE[rule]!.ja);
        const doneEn = [...rules].map((rule) => DONE[rule]!.en);
        const how = doneJa.length > 0 ? `（${[...new Set(doneJa)].join('・')}）` : '';
        const howEn = doneEn.length > 0 ? ` (${[...new Set(doneEn)].join(', ')})` : '';
        return problem('number-as-text', 'warning', { ...locationOf(input.table, cell), value: text }, cited({
          ja: `${csv ? '' : '数値が文字として入力されていました。'}「${shown(text)}」を数値 ${value} として読み取りました${how}。`,
          en: `${csv ? '' : 'A number was entered as text. '}"${shown(text)}" was read as the number ${value}${howEn}.`,
        }, ITEM), advice(rules));
      });
    }
  },
};
