import * as XLSX from 'xlsx';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { problem, type Problem } from '../problem/Problem.ts';
import { findHeader, type HeaderMatch } from './findHeader.ts';
import { hiddenContent, hiddenFindings, sheetState, type HiddenContent } from './hiddenContent.ts';
import { findJapaneseDate } from './japaneseDate.ts';
import { labelKey } from './labelKey.ts';
import { sheetObserver } from './observeSheet.ts';
import { CompactRow, FormatPatterns } from './CompactRow.ts';
import { isTotalsRow } from './totalsRow.ts';
import { cellText, sheetGrid, type SheetGrid } from './sheetCells.ts';
import type { IngestEvent, IngestedTable, Note, SourceCell, TableRow } from './Table.ts';

export const NOTE_PREFIX = /^(※|＊|\*|注[:：\s）)]|（注）|\(注\))/u;

/** Reads the declared table out of a parsed workbook: header, title, as-of date, data rows, notes. */
export function ingestWorkbook(workbook: XLSX.WorkBook, dataset: Dataset): IngestedTable {
  const chosen = chooseSheet(workbook, dataset);
  if ('problem' in chosen) return emptyTable(chosen.sheet, [chosen.problem]);
  const { grid, header } = chosen;
  const sheet = grid.name;
  const hidden = hiddenFindings(workbook, sheet, chosen.hidden, dataset.hidden);
  // Refused before anything else is read: no other problem may quote a hidden cell in a report.
  if (hidden.refused) return emptyTable(sheet, hidden.problems);
  const events: IngestEvent[] = [{ kind: 'sheet-selected', sheet, detail: sheet }, ...hidden.events];
  const problems: Problem[] = [...hidden.problems];
  const dropped = new Set(dataset.hidden === 'drop' ? chosen.hidden.rows : []);

  events.push({ kind: 'header-found', sheet, row: header.row, cell: header.columns[0]?.address, detail: header.columns.map((c) => c.label).join(' | ') });
  for (const column of header.missing) {
    problems.push(
      problem('missing-label', 'error', { sheet, row: header.row, field: column.label }, {
        ja: `見出し「${column.label}」の列が見つかりません（見出しは${header.row}行目）。`,
        en: `The column headed "${column.label}" is missing (header on row ${header.row}).`,
      }, {
        ja: `${header.row}行目に「${column.label}」という見出しの列を戻してください。見出しの文字を変えた場合は元に戻してください。`,
        en: `Restore a column headed "${column.label}" in row ${header.row}, or undo the change to its label.`,
      }),
    );
  }
  for (const extra of header.extra) {
    events.push({ kind: 'extra-column-ignored', sheet, cell: extra.address, row: header.row, detail: extra.label });
  }

  const { title, titleEvents, asOf, asOfProblems } = readTitleAndAsOf(grid, header.row, dataset);
  events.push(...titleEvents);
  problems.push(...asOfProblems);

  for (const merge of grid.merges) {
    events.push({ kind: merge.tooLarge ? 'merged-cells-not-filled' : 'merged-cells-filled', sheet, cell: merge.from, detail: merge.range });
  }

  const headerKeys = new Set(header.columns.map((c) => labelKey(c.label)));
  const columnOf = declaredColumns(header, dataset);
  const titleKey = title ? labelKey(title) : undefined;
  const rows: TableRow[] = [];
  const totalsRows: TableRow[] = [];
  const notes: Note[] = [];
  let blankFrom: number | undefined;
  const observer = sheetObserver(grid, header.row);
  const formats = new FormatPatterns();
  for (let row = header.row + 1; row <= grid.lastRow; row++) {
    if (dropped.has(row)) continue; // recorded as dropped, not as a blank row
    const filled = grid.rowCells(row);
    const kept = readRow(row, filled);
    if (kept) observer.dataRow(filled);
    grid.release(row);
  }
  events.push(...observer.events());
  return { sheet, ...(title ? { title } : {}), asOf, headerRow: header.row, columns: header.columns, rows, ...(totalsRows.length > 0 ? { totalsRows } : {}), notes, events, problems };

  /** Sorts one row below the header into data, totals, notes or skipped; true when it is a data row. */
  function readRow(row: number, filled: SourceCell[]): boolean {
    if (filled.length === 0) {
      blankFrom ??= row;
      return false;
    }
    // One event per run of blank rows that something follows; trailing blank rows are not worth a word.
    if (blankFrom !== undefined) events.push(blankRun(sheet, blankFrom, row - 1));
    blankFrom = undefined;
    const first = { address: filled[0]!.address, text: cellText(filled[0]) };
    if (filled.length === 1 && titleKey && labelKey(first.text) === titleKey) {
      events.push({ kind: 'title-repeated-skipped', sheet, row, cell: first.address, detail: first.text });
      return false;
    }
    if (filled.length === 1 && NOTE_PREFIX.test(first.text.trim())) {
      notes.push({ cell: first.address, row, text: first.text });
      events.push({ kind: 'note-kept', sheet, row, cell: first.address, detail: first.text });
      return false;
    }
    if (isTotalsRow(grid, row, header, dataset)) {
      totalsRows.push({ row, cells: cellsOfRow(grid, row, columnOf) });
      events.push({ kind: 'totals-row-skipped', sheet, row, cell: first.address, detail: first.text });
      return false;
    }
    if (headerKeys.size > 1 && hasEveryLabel(filled, headerKeys)) {
      events.push({ kind: 'header-repeated-skipped', sheet, row, cell: first.address, detail: first.text });
      return false;
    }
    rows.push(header.columns.length === 0 ? { row, cells: [] } : new CompactRow(row, columnOf, cellsOfRow(grid, row, columnOf), formats));
    return true;
  }
}

function blankRun(sheet: string, from: number, to: number): IngestEvent {
  return from === to
    ? { kind: 'blank-row-skipped', sheet, row: from, detail: `${from}` }
    : { kind: 'blank-row-skipped', sheet, row: from, toRow: to, detail: `${from}-${to}` };
}

/** The sheet column of each declared column, in declaration order (undefined where it is absent). */
function declaredColumns(header: HeaderMatch, dataset: Dataset): (number | undefined)[] {
  return dataset.columns.map((definition) => header.columns.find((c) => c.definition === definition)?.col);
}

/** Cells of a data row aligned with the declared columns (undefined where a column is absent). */
function cellsOfRow(grid: SheetGrid, row: number, columnOf: (number | undefined)[]): TableRow['cells'] {
  return columnOf.map((col) => (col === undefined ? undefined : grid.cellAt(row, col)));
}

/**
 * Whether the row's labels (as rowLabelKeys reads them) include every header label: a repeated header.
 * Stops as soon as too few cells are left to hold the labels still missing, so a data row costs one
 * or two labelKey calls, not one per cell.
 */
function hasEveryLabel(cells: SourceCell[], headerKeys: Set<string>): boolean {
  const found = new Set<string>();
  for (let i = 0; i < cells.length; i++) {
    const text = cellText(cells[i]).trim();
    if (text !== '') {
      const key = labelKey(text);
      if (headerKeys.has(key)) found.add(key);
    }
    if (found.size === headerKeys.size) return true;
    if (cells.length - i - 1 < headerKeys.size - found.size) return false;
  }
  return found.size === headerKeys.size;
}

function filledCells(grid: SheetGrid, row: number): { address: string; text: string }[] {
  return grid.rowCells(row).map((cell) => ({ address: cell.address, text: cellText(cell) }));
}

function readTitleAndAsOf(grid: SheetGrid, headerRow: number, dataset: Dataset) {
  const sheet = grid.name;
  const titleEvents: IngestEvent[] = [];
  const asOfProblems: Problem[] = [];
  let title: string | undefined;
  let fromTitle: { iso: string; source: string; cell: string; row: number } | undefined;
  for (let row = 1; row < headerRow; row++) {
    for (const cell of filledCells(grid, row)) {
      title ??= cell.text.trim();
      if (title === cell.text.trim()) titleEvents.push({ kind: 'title-found', sheet, row, cell: cell.address, detail: title });
      const date = fromTitle ? null : findJapaneseDate(cell.text);
      if (date) fromTitle = { iso: date.iso, source: date.source, cell: cell.address, row };
    }
  }
  let asOf: string | null = null;
  if (dataset.asOf) {
    asOf = dataset.asOf;
    titleEvents.push({ kind: 'as-of-declared', sheet, detail: dataset.asOf });
  } else if (fromTitle) {
    asOf = fromTitle.iso;
    titleEvents.push({ kind: 'as-of-from-title', sheet, row: fromTitle.row, cell: fromTitle.cell, detail: `${fromTitle.source} → ${fromTitle.iso}` });
  } else {
    asOfProblems.push(
      problem('as-of-missing', 'error', { sheet, row: 1 }, {
        ja: '表の時点（いつ現在のデータか）がわかりません。表題に「令和2年9月1日時点」のように時点を書いてください。',
        en: 'The as-of date of the table is unknown: the title gives none and the dataset definition declares none.',
      }, {
        ja: '表題の行に「令和○年○月○日時点」と書くか、データセット定義に asOf: YYYY-MM-DD を書いてください。',
        en: 'Write the date in the title row (e.g. 令和2年9月1日時点) or declare asOf: YYYY-MM-DD in the dataset definition.',
      }),
    );
  }
  return { title, titleEvents, asOf, asOfProblems };
}

type SheetChoice = { grid: SheetGrid; header: HeaderMatch; hidden: HiddenContent } | { sheet: string; problem: Problem };

function chooseSheet(workbook: XLSX.WorkBook, dataset: Dataset): SheetChoice {
  const names = dataset.source.sheet ? [dataset.source.sheet] : workbook.SheetNames;
  let best: { grid: SheetGrid; header: HeaderMatch; hidden: HiddenContent } | undefined;
  const drop = dataset.hidden === 'drop';
  for (const name of names) {
    const sheet = Object.hasOwn(workbook.Sheets, name) ? workbook.Sheets[name] : undefined;
    if (!sheet) {
      return {
        sheet: name,
        problem: problem('sheet-missing', 'error', { sheet: name, value: name }, {
          ja: `シート「${name}」がありません（あるシート: ${workbook.SheetNames.join('、') || 'なし'}）。`,
          en: `There is no sheet named "${name}" (sheets: ${workbook.SheetNames.join(', ') || 'none'}).`,
        }, {
          ja: `シート名を「${name}」に戻すか、データセット定義の source.sheet を直してください。`,
          en: `Rename the sheet back to "${name}" or correct source.sheet in the dataset definition.`,
        }),
      };
    }
    if (drop && sheetState(workbook, name) !== 0) {
      if (dataset.source.sheet) return { sheet: name, problem: declaredSheetDropped(name) };
      continue;
    }
    const hidden = hiddenContent(sheet);
    const grid = sheetGrid(name, sheet, drop ? hidden : undefined);
    const header = findHeader(grid, dataset.columns);
    if (header && (!best || header.columns.length > best.header.columns.length)) best = { grid, header, hidden };
    if (header && header.missing.length === 0) return { grid, header, hidden };
  }
  if (best) return best;
  const sheet = names[0] ?? '';
  const labels = dataset.columns.map((c) => c.label).join('」「');
  return {
    sheet,
    problem: problem('missing-label', 'error', { sheet }, {
      ja: `見出しの行が見つかりません。「${labels}」の見出しが並んだ行が必要です。`,
      en: `No header row was found: a row with the labels "${dataset.columns.map((c) => c.label).join('", "')}" is needed.`,
    }, {
      ja: '表の一番上に見出しの行を入れてください。見出しの文字は変えないでください。',
      en: 'Put the header row above the data, with the labels unchanged.',
    }),
  };
}

function declaredSheetDropped(name: string): Problem {
  return problem('hidden-sheet', 'error', { sheet: name, value: name }, {
    ja: `source.sheet のシート「${name}」は非表示で、hidden: drop のため読み込みません。`,
    en: `The sheet "${name}" named in source.sheet is hidden, and hidden: drop leaves it out.`,
  }, {
    ja: 'シートを再表示（シート見出しを右クリック →「再表示」）して保存し直すか、データセット定義を hidden: publish にしてください。',
    en: 'Unhide the sheet (right-click a sheet tab → Unhide) and save again, or declare hidden: publish.',
  });
}

function emptyTable(sheet: string, problems: Problem[]): IngestedTable {
  return { sheet, asOf: null, headerRow: 0, columns: [], rows: [], notes: [], events: [], problems };
}
