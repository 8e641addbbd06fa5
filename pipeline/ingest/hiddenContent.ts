/**
 * What a workbook hides that holds something, and what ingest makes of it. Staff hide rows, columns
 * and sheets to keep back what must not go out (personal data, drafts), so hidden content is an
 * error unless the definition declares `hidden: publish` (read as is, recorded) or `hidden: drop`
 * (left out, each run recorded). A hidden row or column with nothing in it hides nothing (Excel
 * hides the unused columns right of a table that way) and is not counted.
 *
 * A hidden sheet other than the one read is not published either way; it is a warning, so staff
 * know the source file carries it. With `hidden: drop` hidden sheets are never read.
 */
import type * as XLSX from 'xlsx';
import type { HiddenPolicy } from '../dataset/DatasetDefinition.ts';
import { problem, type Problem, type Text } from '../problem/Problem.ts';
import { holdsSomething, rowHoldsSomething } from './emptyWorkbook.ts';
import { cellColumns, columnLetter } from './sheetCells.ts';
import type { IngestEvent } from './Table.ts';

/** A sheet's hidden rows (1-based) and columns (0-based) that hold a value or formula, ascending. */
export interface HiddenContent {
  rows: number[];
  cols: number[];
}

/** 0 visible, 1 hidden, 2 very hidden (only VBA shows it again). */
export function sheetState(workbook: XLSX.WorkBook, name: string): 0 | 1 | 2 {
  const state = workbook.Workbook?.Sheets?.find((sheet) => sheet.name === name)?.Hidden;
  return state === 1 || state === 2 ? state : 0;
}

type RawRows = ((XLSX.CellObject | undefined)[] | undefined)[];

/** In time proportional to the hidden rows, and to the cells when a column is hidden. */
export function hiddenContent(sheet: XLSX.WorkSheet): HiddenContent {
  const data = (sheet['!data'] ?? []) as RawRows;
  const rowInfo = sheet['!rows'] ?? [];
  const rows = cellColumns(rowInfo).filter((r) => rowInfo[r]?.hidden && rowHoldsSomething(data[r])).map((r) => r + 1);
  const colInfo = sheet['!cols'] ?? [];
  const hiddenCols = cellColumns(colInfo).filter((c) => colInfo[c]?.hidden);
  if (hiddenCols.length === 0) return { rows, cols: [] };
  const hidden = new Set(hiddenCols);
  const held = new Set<number>();
  for (const cells of data) {
    if (!cells) continue;
    for (const c of cellColumns(cells)) if (hidden.has(c) && holdsSomething(cells[c])) held.add(c);
  }
  return { rows, cols: [...held].sort((a, b) => a - b) };
}

/** Runs of consecutive numbers: [from, to]. */
function runs(numbers: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of numbers) {
    const last = out.at(-1);
    if (last && last[1] === n - 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

const LISTED_RUNS = 10;

/** "5、7～9 行目" / "B, D:F": the first runs, then how many more. */
function listed(numbers: readonly number[], name: (n: number) => string, unit: Text): Text {
  const all = runs(numbers);
  const shown = all.slice(0, LISTED_RUNS);
  const more = numbers.length - shown.reduce((sum, [from, to]) => sum + to - from + 1, 0);
  const ja = shown.map(([from, to]) => (from === to ? name(from) : `${name(from)}～${name(to)}`)).join('、');
  const en = shown.map(([from, to]) => (from === to ? name(from) : `${name(from)}:${name(to)}`)).join(', ');
  return {
    ja: `${ja}${unit.ja}${more > 0 ? `（ほか ${more} ${unit.ja.includes('行') ? '行' : '列'}）` : ''}`,
    en: `${unit.en}${en}${more > 0 ? ` (and ${more} more)` : ''}`,
  };
}

const FIX_END: Text = {
  ja: '非表示のまま公開してよい場合はデータセット定義に hidden: publish を、非表示の行・列・シートを除いて読む場合は hidden: drop を書いてください。',
  en: 'If the hidden content may be published, declare hidden: publish in the dataset definition; to leave hidden rows, columns and sheets out, declare hidden: drop.',
};

const STATE: Record<1 | 2, Text> = {
  1: { ja: '非表示', en: 'hidden' },
  2: { ja: '完全に非表示（VBA でしか再表示できない状態）', en: 'very hidden (only VBA can show it again)' },
};

function hiddenRows(sheet: string, rows: number[]): Problem {
  const list = listed(rows, String, { ja: ' 行目', en: 'rows ' });
  return problem('hidden-rows', 'error', { sheet, row: rows[0], value: list.en }, {
    ja: `非表示の行があります: シート「${sheet}」の ${list.ja}。非表示の行は公開しない内容のことが多いため、このままでは公開できません。`,
    en: `There are hidden rows: sheet "${sheet}", ${list.en}. Hidden rows often hold what must not be published, so the table cannot be published as it is.`,
  }, {
    ja: `非表示の行を削除するか、再表示（行番号を選んで右クリック →「再表示」）してから保存し直してください。フィルターで絞り込んでいる場合はフィルターを解除してください。${FIX_END.ja}`,
    en: `Delete the hidden rows or unhide them (select the row numbers, right-click → Unhide), then save again; clear any filter. ${FIX_END.en}`,
  });
}

function hiddenColumns(sheet: string, cols: number[]): Problem {
  const list = listed(cols, columnLetter, { ja: ' 列', en: 'columns ' });
  return problem('hidden-columns', 'error', { sheet, value: list.en }, {
    ja: `非表示の列があります: シート「${sheet}」の ${list.ja}。非表示の列は公開しない内容のことが多いため、このままでは公開できません。`,
    en: `There are hidden columns: sheet "${sheet}", ${list.en}. Hidden columns often hold what must not be published, so the table cannot be published as it is.`,
  }, {
    ja: `非表示の列を削除するか、再表示（列番号を選んで右クリック →「再表示」）してから保存し直してください。${FIX_END.ja}`,
    en: `Delete the hidden columns or unhide them (select the column letters, right-click → Unhide), then save again. ${FIX_END.en}`,
  });
}

function hiddenSheet(sheet: string, state: 1 | 2, read: boolean): Problem {
  const message: Text = read
    ? {
        ja: `データのシート「${sheet}」は${STATE[state].ja}になっています。非表示のシートは公開しない内容のことが多いため、このままでは公開できません。`,
        en: `The data sheet "${sheet}" is ${STATE[state].en}. Hidden sheets often hold what must not be published, so the table cannot be published as it is.`,
      }
    : {
        ja: `シート「${sheet}」は${STATE[state].ja}になっています。このシートは読み込まず、公開もしませんが、元のファイルには残っています。`,
        en: `Sheet "${sheet}" is ${STATE[state].en}. It is neither read nor published, but the source file still carries it.`,
      };
  return problem('hidden-sheet', read ? 'error' : 'warning', { sheet, value: sheet }, message, {
    ja: `シートを削除するか、再表示（シート見出しを右クリック →「再表示」）してから保存し直してください。${FIX_END.ja}`,
    en: `Delete the sheet or unhide it (right-click a sheet tab → Unhide), then save again. ${FIX_END.en}`,
  });
}

/** A sheet with no cell that holds something. */
function isBlank(sheet: XLSX.WorkSheet | undefined): boolean {
  return !((sheet?.['!data'] ?? []) as RawRows).some(rowHoldsSomething);
}

/**
 * The problems and events for what the workbook hides, the table being read from `read` (whose
 * hidden content is `content`; with `hidden: drop` already left out of its grid). `refused`: errors
 * that stop ingest, so that no other problem quotes a hidden cell in a report.
 */
export function hiddenFindings(
  workbook: XLSX.WorkBook,
  read: string,
  content: HiddenContent,
  policy: HiddenPolicy | undefined,
): { problems: Problem[]; events: IngestEvent[]; refused: boolean } {
  const problems: Problem[] = [];
  const events: IngestEvent[] = [];
  const state = sheetState(workbook, read);
  if (policy === undefined) {
    if (state !== 0) problems.push(hiddenSheet(read, state, true));
    if (content.rows.length > 0) problems.push(hiddenRows(read, content.rows));
    if (content.cols.length > 0) problems.push(hiddenColumns(read, content.cols));
    const refused = problems.length > 0;
    for (const name of workbook.SheetNames) {
      const other = sheetState(workbook, name);
      if (name !== read && other !== 0 && !isBlank(Object.hasOwn(workbook.Sheets, name) ? workbook.Sheets[name] : undefined)) {
        problems.push(hiddenSheet(name, other, false));
      }
    }
    return { problems, events, refused };
  }
  const verb = policy === 'publish' ? 'published' : 'dropped';
  if (state !== 0) events.push({ kind: 'hidden-sheet-published', sheet: read, detail: read });
  if (policy === 'drop') {
    for (const name of workbook.SheetNames) {
      if (sheetState(workbook, name) !== 0) events.push({ kind: 'hidden-sheet-dropped', sheet: name, detail: name });
    }
  }
  for (const [from, to] of runs(content.rows)) {
    events.push({ kind: `hidden-rows-${verb}`, sheet: read, row: from, ...(to > from ? { toRow: to } : {}), detail: from === to ? `${from}` : `${from}-${to}` });
  }
  for (const [from, to] of runs(content.cols)) {
    const range = from === to ? columnLetter(from) : `${columnLetter(from)}:${columnLetter(to)}`;
    events.push({ kind: `hidden-columns-${verb}`, sheet: read, cell: `${columnLetter(from)}1`, detail: range });
  }
  return { problems, events, refused: false };
}
