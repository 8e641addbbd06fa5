import * as XLSX from 'xlsx';
import type { SourceCell } from './Table.ts';

/** Merged ranges are copied into at most this many cells in all; a merge that would go past it is left unfilled. */
export const MAX_FILLED_CELLS = 200_000;

/** One merged range and what was done with it. */
export interface MergeInfo {
  range: string;
  /** Top-left cell, whose value fills the range. */
  from: string;
  /** Cells that received the top-left value (0 when it is empty or the range is too large). */
  filled: number;
  /** The range covers more cells than MAX_FILLED_CELLS allows: not filled. */
  tooLarge?: true;
}

/**
 * Rows of a dense SheetJS sheet as SourceCells (1-based rows), with merged ranges filled from their
 * top-left cell. Its extent is what the sheet really holds, not the dimension it declares (a file can
 * declare A1:XFD1048576 around three cells), and `rowCells` costs time in proportion to the cells.
 */
export interface SheetGrid {
  name: string;
  /** Last row (1-based) that holds a cell, and the widest row's column count. */
  lastRow: number;
  columnCount: number;
  cellAt(row: number, col: number): SourceCell | undefined;
  /** The row's cells with a value or formula (own, or filled from a merge), left to right. */
  rowCells(row: number): SourceCell[];
  merges: MergeInfo[];
  /** Cell comments (notes), in sheet order. */
  comments: { address: string; row: number; text: string }[];
  /**
   * Lets go of the row's parsed cells once they have been read: the SourceCells already handed out
   * stay valid, but the row cannot be read again. Ingest reads each data row once, so the workbook
   * need not be held whole beside the table made from it.
   */
  release(row: number): void;
}

/** Column letters by index (A, B, …), made once each: `letters(c) + row` is XLSX.utils.encode_cell. */
const columnLetters: string[] = [];
export function columnLetter(col: number): string {
  return (columnLetters[col] ??= XLSX.utils.encode_col(col));
}

/**
 * A cell read from the sheet. Its address is worked out when asked for, not stored: a million-row
 * table has ten million cells, and nearly all of them are never named in a report.
 */
export class SheetCell implements SourceCell {
  // Declared, not initialised: most cells have neither, and a million rows of cells need no empty slots.
  declare formula?: string;
  declare format?: string;
  constructor(
    readonly row: number,
    readonly col: number,
    readonly value: string | number | boolean | null,
  ) {}
  get address(): string {
    return columnLetter(this.col) + this.row;
  }
}

function toSourceCell(cell: XLSX.CellObject, row: number, col: number): SourceCell | undefined {
  if (cell.t === 'z' || (cell.v === undefined && !cell.f)) return undefined;
  const value = cell.t === 'e' ? (cell.w ?? '#ERROR') : cell.v instanceof Date ? cell.v.toISOString() : (cell.v ?? null);
  const result = new SheetCell(row, col, value);
  if (cell.f) result.formula = cell.f;
  if (typeof cell.z === 'string' && cell.z !== 'General') result.format = cell.z;
  return result;
}

type RawRow = (XLSX.CellObject | undefined)[] | undefined;

/** Rows up to this long are walked cell by cell; longer ones by their keys. */
const SHORT_ROW = 64;

/**
 * The columns a row has cells in, left to right, in time proportional to its cells: a row holding
 * one cell in column XFD has length 16,384, and walking it index by index cost 40,000 such rows 37 s.
 */
export function cellColumns(cells: readonly unknown[]): number[] {
  const cols: number[] = [];
  if (cells.length <= SHORT_ROW) {
    for (let c = 0; c < cells.length; c++) if (cells[c] !== undefined) cols.push(c);
    return cols;
  }
  // Array index keys come in ascending order.
  for (const key of Object.keys(cells)) {
    const c = Number(key);
    if (cells[c] !== undefined) cols.push(c);
  }
  return cols;
}

function commentText(cell: XLSX.CellObject): string {
  return (cell.c ?? []).map((c) => c.t ?? '').join('\n').trim();
}

/** `omit`: rows (1-based) and columns (0-based) read as if empty (hidden ones, with `hidden: drop`). */
export function sheetGrid(name: string, sheet: XLSX.WorkSheet, omit?: { rows: readonly number[]; cols: readonly number[] }): SheetGrid {
  const data = (sheet['!data'] ?? []) as RawRow[];
  if (omit) leaveOut(data, omit.rows, omit.cols);
  let lastRow = 0;
  let columnCount = 0;
  const comments: SheetGrid['comments'] = [];
  data.forEach((cells, r) => {
    if (!cells) return;
    lastRow = r + 1;
    columnCount = Math.max(columnCount, cells.length);
    for (const c of cellColumns(cells)) {
      const cell = cells[c];
      const text = cell?.c ? commentText(cell) : '';
      if (text !== '') comments.push({ address: XLSX.utils.encode_cell({ r, c }), row: r + 1, text });
    }
  });
  // Each cell becomes a SourceCell once, however often it is asked for (null: it holds nothing).
  const made: ((SourceCell | null | undefined)[] | undefined)[] = [];
  const own = (row: number, col: number): SourceCell | undefined => {
    const cell = data[row - 1]?.[col];
    if (!cell) return undefined;
    const rowMade = (made[row - 1] ??= []);
    const known = rowMade[col];
    if (known !== undefined) return known ?? undefined;
    const source = toSourceCell(cell, row, col);
    rowMade[col] = source ?? null;
    return source;
  };

  // Filled cells by row, then column; only inside the extent, and never more than MAX_FILLED_CELLS.
  const filled = new Map<number, Map<number, SourceCell>>();
  let filledCount = 0;
  const merges: MergeInfo[] = [];
  for (const merge of sheet['!merges'] ?? []) {
    const info: MergeInfo = { range: XLSX.utils.encode_range(merge), from: XLSX.utils.encode_cell(merge.s), filled: 0 };
    merges.push(info);
    const origin = own(merge.s.r + 1, merge.s.c);
    const lastR = Math.min(merge.e.r, lastRow - 1);
    const lastC = Math.min(merge.e.c, columnCount - 1);
    if (!origin || lastR < merge.s.r || lastC < merge.s.c) continue;
    const area = (lastR - merge.s.r + 1) * (lastC - merge.s.c + 1) - 1;
    if (filledCount + area > MAX_FILLED_CELLS) {
      info.tooLarge = true;
      continue;
    }
    for (let r = merge.s.r; r <= lastR; r++) {
      for (let c = merge.s.c; c <= lastC; c++) {
        if (r === merge.s.r && c === merge.s.c) continue;
        const row = filled.get(r + 1) ?? new Map<number, SourceCell>();
        row.set(c, { value: origin.value, ...(origin.formula ? { formula: origin.formula } : {}), ...(origin.format ? { format: origin.format } : {}), address: XLSX.utils.encode_cell({ r, c }), row: r + 1, col: c, mergedFrom: origin.address });
        filled.set(r + 1, row);
      }
    }
    info.filled = area;
    filledCount += area;
  }

  const cellAt = (row: number, col: number): SourceCell | undefined => own(row, col) ?? filled.get(row)?.get(col);
  return {
    name,
    lastRow,
    columnCount,
    merges,
    comments,
    cellAt,
    release(row) {
      // Only rows that are there: writing into a far-off gap would add an entry for every row released.
      if (data[row - 1] !== undefined) data[row - 1] = undefined;
      if (made[row - 1] !== undefined) made[row - 1] = undefined;
    },
    rowCells(row) {
      const raw = data[row - 1];
      if (!filled.has(row)) {
        // No merged cells here: the row's own cells, already left to right.
        const cells: SourceCell[] = [];
        if (!raw) return cells;
        // A short row is walked in place (most rows are: no array of columns made for each).
        const cols = raw.length <= SHORT_ROW ? undefined : cellColumns(raw);
        for (let i = 0, n = cols ? cols.length : raw.length; i < n; i++) {
          const c = cols ? cols[i]! : i;
          if (raw[c] === undefined) continue;
          const cell = own(row, c);
          if (cell && (hasText(cell) || cell.formula)) cells.push(cell);
        }
        return cells;
      }
      const cols = new Set<number>(raw ? cellColumns(raw) : []);
      for (const c of filled.get(row)?.keys() ?? []) cols.add(c);
      const cells: SourceCell[] = [];
      for (const c of [...cols].sort((a, b) => a - b)) {
        const cell = cellAt(row, c);
        if (cell && (cellText(cell).trim() !== '' || cell.formula)) cells.push(cell);
      }
      return cells;
    },
  };
}

/** Empties the rows and columns, in time proportional to the cells. */
function leaveOut(data: RawRow[], rows: readonly number[], cols: readonly number[]): void {
  for (const row of rows) data[row - 1] = undefined;
  if (cols.length === 0) return;
  const omitted = new Set(cols);
  for (const cells of data) {
    if (cells) for (const c of cellColumns(cells)) if (omitted.has(c)) cells[c] = undefined;
  }
}

/** `cellText(cell).trim() !== ''` without making the text: numbers and booleans always show something. */
function hasText(cell: SourceCell): boolean {
  const value = cell.value;
  return typeof value === 'string' ? /\S/.test(value) : value !== null;
}

/** The cell's value as text, the way staff see it (numbers in plain digits). */
export function cellText(cell: SourceCell | undefined): string {
  if (!cell || cell.value === null) return '';
  return typeof cell.value === 'string' ? cell.value : String(cell.value);
}
