import { cellText, type SheetGrid } from '../ingest/sheetCells.ts';

/** How far down a sheet `opendata init` looks for the header row. */
const SEARCH_ROWS = 30;

export interface HeaderLabel {
  col: number;
  /** The label as written, line breaks removed. */
  label: string;
  address: string;
}

export interface HeaderGuess {
  row: number;
  labels: HeaderLabel[];
}

/** Distinct non-empty text cells of a row, left to right (a merged label counts once, at its first cell). */
export function rowLabels(grid: SheetGrid, row: number): HeaderLabel[] {
  const seen = new Set<string>();
  const labels: HeaderLabel[] = [];
  for (const cell of grid.rowCells(row)) {
    if (typeof cell.value !== 'string') continue;
    const label = cellText(cell).replace(/\s*\n\s*/gu, '').trim();
    if (label === '' || seen.has(label)) continue;
    seen.add(label);
    labels.push({ col: cell.col, label, address: cell.address });
  }
  return labels;
}

/** The next row after `row` that holds anything, or undefined. */
function nextFilledRow(grid: SheetGrid, row: number): number | undefined {
  for (let r = row + 1; r <= grid.lastRow; r++) if (grid.rowCells(r).length > 0) return r;
  return undefined;
}

/**
 * The header row: among the first rows, the one with the most distinct text cells (at least two)
 * that is followed by a row of data (two or more filled cells). The earliest wins a tie, so a data
 * row of text never beats the header above it.
 */
export function findHeaderRow(grid: SheetGrid): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  for (let row = 1; row <= Math.min(grid.lastRow, SEARCH_ROWS); row++) {
    const labels = rowLabels(grid, row);
    if (labels.length < 2 || (best && labels.length <= best.labels.length)) continue;
    const next = nextFilledRow(grid, row);
    if (next === undefined || grid.rowCells(next).length < 2) continue;
    best = { row, labels };
  }
  return best;
}
