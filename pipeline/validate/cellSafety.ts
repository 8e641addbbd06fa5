import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { IngestedTable } from '../ingest/Table.ts';
import { fieldsOfColumn } from '../dataset/columns.ts';
import { cellOf, type RecordRow } from '../normalize/RecordRow.ts';
import { cutText } from '../problem/cutText.ts';
import { problem, type Problem, type ProblemLocation } from '../problem/Problem.ts';
import { dataCells } from './lint/cells.ts';
import type { ProblemSink } from '../problem/ProblemSink.ts';
import { formulaLead } from './formulaText.ts';
import { firstInvisible, type InvisibleCharacter } from './invisibleCharacters.ts';

// C0 controls other than the line feed and carriage return Excel uses inside cells, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// Half of a UTF-16 surrogate pair without the other half (possible in .xls text): no UTF-8 file can hold it.
const LONE_SURROGATE = /\p{Cs}/u;

/** Clean texts remembered at most (a column of unique texts would otherwise be kept whole). */
const CLEAN_KEPT = 50_000;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Formulas, formula-like text, control, invisible and broken characters: what would be unsafe or misleading once published. */
export function checkCellSafety(table: IngestedTable, records: RecordRow[], dataset: Dataset, out: ProblemSink): void {
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
          problem('control-character', 'error', { ...where(), value: cutText(JSON.stringify(cell.value), 200) }, {
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
          problem('broken-character', 'error', { ...where(), value: cutText(JSON.stringify(cell.value), 200) }, {
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
  checkPublishedText(records, dataset, sheet, out);
}

/**
 * The published text: formula-like text is an error unless the definition declares it (an enum value);
 * invisible characters a warning, and an error in a key or code, where they make a different value that
 * looks the same.
 */
function checkPublishedText(records: RecordRow[], dataset: Dataset, sheet: string, out: ProblemSink): void {
  const keys = new Set([dataset.primaryKey, ...dataset.columns.filter((c) => c.rule === 'code').flatMap(fieldsOfColumn)]);
  // A re-listed row's link copies another row's key, which is reported at its own cell.
  const copies = new Set(dataset.columns.flatMap((c) => (c.rule === 'relist-marker' ? [c.relistedFrom] : [])));
  const declared = (field: string, value: string) => dataset.recordSchemaJson.properties[field]?.enum?.includes(value) === true;
  for (const record of records) {
    for (const field of Object.keys(record.values)) {
      const value = record.values[field];
      if (typeof value !== 'string' || copies.has(field)) continue;
      const lead = formulaLead(value);
      const invisible = firstInvisible(value);
      if (lead === undefined && invisible === undefined) continue;
      const at = { sheet, cell: cellOf(record, field), row: record.row, field, value };
      if (lead !== undefined && !declared(field, value)) out.add(formulaText(at, value, lead));
      if (invisible !== undefined) out.add(invisibleCharacter(at, invisible, keys.has(field)));
    }
  }
}

function formulaText(at: ProblemLocation, value: string, lead: string): Problem {
  const shown = cutText(value, 20);
  return problem('formula-injection', 'error', at, {
    ja: `「${shown}」は「${lead}」で始まっているため、CSVをExcelなどで開くと数式として実行されてしまいます（読む人のパソコンで命令を実行させる手口に使われます）。`,
    en: `"${shown}" starts with "${lead}", so Excel and other spreadsheets would run it as a formula when the CSV is opened (a known way to run commands on a reader's computer).`,
  }, {
    ja: `先頭の「${lead}」を消すか、先頭に言葉を足して「${lead}」で始まらないようにしてください。箇条書きの「-」は「・」に替えてください。マイナスの数は「-5」のように数字だけで書けばそのまま使えます。`,
    en: `Remove the leading "${lead}" or reword the text so it does not start with it; write a bullet "-" as "・". A negative number written as digits only (such as -5) is accepted.`,
  });
}

function invisibleCharacter(at: ProblemLocation, found: InvisibleCharacter, inKey: boolean): Problem {
  const { what, effect } = found.kind;
  const where = at.cell ?? at.field;
  return problem('invisible-character', inKey ? 'error' : 'warning', at, {
    ja: `セル ${where} に目に見えない文字（${found.name}、${what.ja}）が入っています。${inKey ? 'コードやキーの列では、見た目が同じ別の値になってしまうため公開できません。' : effect.ja}`,
    en: `Cell ${where} contains an invisible character (${found.name}, ${what.en}): ${inKey ? 'in a code or key column it makes a different value that looks the same, so it cannot be published.' : effect.en}`,
  }, {
    ja: 'セルの内容を入力し直してください（Webページや他のシステムから貼り付けた文字に混ざることがあります）。',
    en: 'Retype the cell; such characters often come with text pasted from web pages or other systems.',
  });
}
