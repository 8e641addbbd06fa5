import type { IngestedTable } from '../ingest/Table.ts';
import { fieldsOfColumn } from '../dataset/columns.ts';
import { cellOf, type RecordRow } from '../normalize/RecordRow.ts';
import { problem } from '../problem/Problem.ts';
import { dataCells } from './lint/cells.ts';
import type { ProblemSink } from '../problem/ProblemSink.ts';

// C0 controls other than the line feed and carriage return Excel uses inside cells, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// Half of a UTF-16 surrogate pair without the other half (possible in .xls text): no UTF-8 file can hold it.
const LONE_SURROGATE = /\p{Cs}/u;
// Text Excel would run as a formula when a consumer opens the CSV.
const FORMULA_LIKE = /^[=+@]/u;

/** Clean texts remembered at most (a column of unique texts would otherwise be kept whole). */
const CLEAN_KEPT = 50_000;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Formulas, formula-like text, control and broken characters: what would be unsafe or unreadable once published. */
export function checkCellSafety(table: IngestedTable, records: RecordRow[], out: ProblemSink): void {
  const sheet = table.sheet;
  // The (first) field read from each sheet column, found once rather than once per cell.
  const fieldOf = new Map<number, string | undefined>();
  for (const column of table.columns) if (!fieldOf.has(column.col)) fieldOf.set(column.col, fieldsOfColumn(column.definition)[0]);
  // Texts already found clean: most texts repeat, and a long one costs two scans each time.
  const clean = new Set<string>();
  // Only text not yet found clean, and formulas, are looked at (and only their cells made). Cells kept
  // whole come whatever the test, and a row's cells are made before any is checked: hence the second look.
  for (const cell of dataCells(table, (value) => typeof value === 'string' && !clean.has(value))) {
    if (!cell.formula && (typeof cell.value !== 'string' || clean.has(cell.value))) continue;
    const where = () => {
      const field = fieldOf.get(cell.col);
      return { sheet, cell: cell.address, row: cell.row, ...(field ? { field } : {}) };
    };
    if (cell.formula) {
      out.add(
        problem('formula', 'error', { ...where(), value: `=${cell.formula}` }, {
          ja: `セル ${cell.address} に数式（=${cell.formula}）が入っています。公開するデータには数式を使えません。`,
          en: `Cell ${cell.address} holds a formula (=${cell.formula}); published data cannot contain formulas.`,
        }, {
          ja: 'セルをコピーし「値として貼り付け」で数式を値に置き換えてください。',
          en: 'Copy the cell and use Paste Values to replace the formula with its value.',
        }),
      );
    }
    if (typeof cell.value === 'string') {
      const control = CONTROL.exec(cell.value);
      if (control) {
        out.add(
          problem('control-character', 'error', { ...where(), value: JSON.stringify(cell.value).slice(0, 200) }, {
            ja: `セル ${cell.address} に目に見えない制御文字（${codePoint(control[0])}）が入っています。`,
            en: `Cell ${cell.address} contains an invisible control character (${codePoint(control[0])}).`,
          }, {
            ja: 'セルの内容を入力し直してください（他のシステムから貼り付けた文字に混ざることがあります）。',
            en: 'Retype the cell; control characters often come with text pasted from other systems.',
          }),
        );
      }
      const broken = LONE_SURROGATE.exec(cell.value);
      if (broken) {
        // Never replaced by U+FFFD on the way to the CSV: the cell is named and nothing is published.
        out.add(
          problem('broken-character', 'error', { ...where(), value: JSON.stringify(cell.value).slice(0, 200) }, {
            ja: `セル ${cell.address} に壊れた文字（${codePoint(broken[0])}、対になる半分が欠けた文字）が入っていて、このままでは公開できません。`,
            en: `Cell ${cell.address} contains a broken character (${codePoint(broken[0])}, half of a surrogate pair), which cannot be published.`,
          }, {
            ja: 'セルの内容を入力し直してください。絵文字や特殊な漢字が途中で切れていることがあります。',
            en: 'Retype the cell; an emoji or a rare kanji may have been cut in half.',
          }),
        );
      }
      if (!control && !broken && clean.size < CLEAN_KEPT) clean.add(cell.value);
    }
  }
  for (const record of records) {
    for (const field of Object.keys(record.values)) {
      const value = record.values[field];
      if (typeof value !== 'string' || !FORMULA_LIKE.test(value)) continue;
      out.add(
        problem('formula-injection', 'error', { sheet, cell: cellOf(record, field), row: record.row, field, value }, {
          ja: `「${value.slice(0, 20)}」は「${value[0]}」で始まっているため、CSVをExcelで開くと数式として実行されてしまいます。`,
          en: `"${value.slice(0, 20)}" starts with "${value[0]}", so Excel would run it as a formula when the CSV is opened.`,
        }, {
          ja: `先頭の「${value[0]}」を消すか、先頭に言葉を足して「${value[0]}」で始まらないようにしてください。`,
          en: `Remove the leading "${value[0]}" or reword the text so it does not start with it.`,
        }),
      );
    }
  }
}
