import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { HeaderMatch } from './findHeader.ts';
import { labelKey } from './labelKey.ts';
import { cellText, type SheetGrid } from './sheetCells.ts';

/**
 * Whether a row is the declared totals row (「合計」): its cell in the declared column, or else its
 * first non-empty cell, reads as the declared label (width and spaces aside, like header labels).
 */
export function isTotalsRow(grid: SheetGrid, row: number, header: HeaderMatch, dataset: Dataset): boolean {
  const declared = dataset.totalsRow;
  if (!declared) return false;
  const column = declared.column === undefined ? undefined : header.columns.find((c) => c.definition.label === declared.column);
  const cell = column ? grid.cellAt(row, column.col) : grid.rowCells(row)[0];
  return cell !== undefined && labelKey(cellText(cell)) === labelKey(declared.label);
}
