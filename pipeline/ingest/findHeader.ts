import type { ColumnDefinition } from '../dataset/DatasetDefinition.ts';
import { labelKey } from './labelKey.ts';
import { cellText, type SheetGrid } from './sheetCells.ts';
import type { TableColumn } from './Table.ts';

/** How far down a sheet the header row is looked for. */
const HEADER_SEARCH_ROWS = 200;

export interface HeaderMatch {
  row: number;
  columns: TableColumn[];
  /** Declared, non-optional columns whose label is not in that row. */
  missing: ColumnDefinition[];
  /** Labels in the header row that no column declares. */
  extra: { label: string; address: string }[];
}

/** Labels of one row, keyed for comparison. */
export function rowLabelKeys(grid: SheetGrid, row: number): Map<string, { col: number; label: string; address: string }> {
  const keys = new Map<string, { col: number; label: string; address: string }>();
  for (const cell of grid.rowCells(row)) {
    const text = cellText(cell).trim();
    if (text === '') continue;
    const key = labelKey(text);
    if (!keys.has(key)) keys.set(key, { col: cell.col, label: text, address: cell.address });
  }
  return keys;
}

/** The row holding the declared labels: the first with all of them, else the one with most (at least two). */
export function findHeader(grid: SheetGrid, declared: ColumnDefinition[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestFound = 1;
  const last = Math.min(grid.lastRow, HEADER_SEARCH_ROWS);
  for (let row = 1; row <= last; row++) {
    const keys = rowLabelKeys(grid, row);
    if (keys.size === 0) continue;
    const columns: TableColumn[] = [];
    const missing: ColumnDefinition[] = [];
    const used = new Set<string>();
    for (const definition of declared) {
      const key = labelKey(definition.label);
      const hit = keys.get(key);
      if (hit) {
        columns.push({ definition, label: hit.label, col: hit.col, address: hit.address });
        used.add(key);
      } else if (!definition.optional) {
        missing.push(definition);
      }
    }
    const found = columns.length;
    if (found > bestFound || (missing.length === 0 && found > 0)) {
      const extra = [...keys].filter(([key]) => !used.has(key)).map(([, v]) => ({ label: v.label, address: v.address }));
      best = { row, columns, missing, extra };
      bestFound = found;
      if (missing.length === 0) return best;
    }
  }
  return best;
}
