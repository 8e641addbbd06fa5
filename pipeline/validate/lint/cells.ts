import { fieldsOfColumn } from '../../dataset/columns.ts';
import type { ColumnDefinition } from '../../dataset/DatasetDefinition.ts';
import type { IngestedTable, SourceCell, TableRow } from '../../ingest/Table.ts';
import { CompactRow } from '../../ingest/CompactRow.ts';
import type { ProblemLocation } from '../../problem/Problem.ts';

/** The declared column read from sheet column `col`, if any. */
export function columnAt(table: IngestedTable, col: number): ColumnDefinition | undefined {
  return table.columns.find((c) => c.col === col)?.definition;
}

/** Sheet, cell, row and the (first) field of a data cell. */
export function locationOf(table: IngestedTable, cell: SourceCell): ProblemLocation {
  const definition = columnAt(table, cell.col);
  const field = definition ? fieldsOfColumn(definition)[0] : undefined;
  return { sheet: table.sheet, cell: cell.address, row: cell.row, ...(field ? { field } : {}) };
}

/**
 * The data cells of the table, row by row, whose value passes `test` (given the declared column's
 * index), and every cell with a formula or filled from a merged range: made as they are asked for,
 * and only those (a check that wants the text cells of one column does not make every cell).
 */
export function* dataCells(table: IngestedTable, test: (value: SourceCell['value'], i: number) => boolean): Generator<SourceCell> {
  for (const row of table.rows) {
    if (row instanceof CompactRow) {
      yield* row.cellsWhere(test);
      continue;
    }
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell !== undefined && (cell.formula !== undefined || cell.mergedFrom !== undefined || test(cell.value, i))) yield cell;
    }
  }
}

/** The data row with this sheet row number (table rows are in sheet order). */
export function rowAt(table: IngestedTable, row: number): TableRow | undefined {
  return findRow(table.rows, row);
}

/** The item of a list in sheet-row order (table rows, records) with this row number: a binary search, no index to build. */
export function findRow<T extends { row: number }>(rows: readonly T[], row: number): T | undefined {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const found = rows[mid]!;
    if (found.row === row) return found;
    if (found.row < row) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/** The data cell at sheet row `row`, column `col`, if it holds anything. */
export function cellAt(table: IngestedTable, row: number, col: number): SourceCell | undefined {
  return rowAt(table, row)?.cells.find((cell) => cell?.col === col);
}

/** Items grouped by key, in first-seen order (Map.groupBy needs Node 21). */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
