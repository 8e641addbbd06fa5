import * as XLSX from 'xlsx';
import type { SourceCell } from './Table.ts';

/** Rows of a dense SheetJS sheet as SourceCells (1-based rows), with merged ranges filled from their top-left cell. */
export interface SheetGrid {
  name: string;
  /** Last row (1-based) and column count. */
  lastRow: number;
  columnCount: number;
  cellAt(row: number, col: number): SourceCell | undefined;
  merges: { range: string; from: string }[];
}

function toSourceCell(cell: XLSX.CellObject, row: number, col: number): SourceCell | undefined {
  if (cell.t === 'z' || (cell.v === undefined && !cell.f)) return undefined;
  const value = cell.t === 'e' ? (cell.w ?? '#ERROR') : cell.v instanceof Date ? cell.v.toISOString() : (cell.v ?? null);
  const result: SourceCell = { address: XLSX.utils.encode_cell({ r: row - 1, c: col }), row, col, value };
  if (cell.f) result.formula = cell.f;
  if (typeof cell.z === 'string' && cell.z !== 'General') result.format = cell.z;
  return result;
}

export function sheetGrid(name: string, sheet: XLSX.WorkSheet): SheetGrid {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const range = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : { s: { r: 0, c: 0 }, e: { r: -1, c: -1 } };
  const filled = new Map<string, SourceCell>();
  const merges: SheetGrid['merges'] = [];
  for (const merge of sheet['!merges'] ?? []) {
    const top = data[merge.s.r]?.[merge.s.c];
    const origin = top ? toSourceCell(top, merge.s.r + 1, merge.s.c) : undefined;
    merges.push({ range: XLSX.utils.encode_range(merge), from: XLSX.utils.encode_cell(merge.s) });
    if (!origin) continue;
    for (let r = merge.s.r; r <= merge.e.r; r++) {
      for (let c = merge.s.c; c <= merge.e.c; c++) {
        if (r === merge.s.r && c === merge.s.c) continue;
        const address = XLSX.utils.encode_cell({ r, c });
        filled.set(address, { ...origin, address, row: r + 1, col: c, mergedFrom: origin.address });
      }
    }
  }
  return {
    name,
    lastRow: range.e.r + 1,
    columnCount: range.e.c + 1,
    merges,
    cellAt(row, col) {
      const cell = data[row - 1]?.[col];
      const own = cell ? toSourceCell(cell, row, col) : undefined;
      if (own) return own;
      return filled.size > 0 ? filled.get(XLSX.utils.encode_cell({ r: row - 1, c: col })) : undefined;
    },
  };
}

/** The cell's value as text, the way staff see it (numbers in plain digits). */
export function cellText(cell: SourceCell | undefined): string {
  if (!cell || cell.value === null) return '';
  return typeof cell.value === 'string' ? cell.value : String(cell.value);
}
