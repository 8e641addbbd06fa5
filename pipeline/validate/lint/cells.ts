import { fieldsOfColumn } from '../../dataset/columns.ts';
import type { ColumnDefinition } from '../../dataset/DatasetDefinition.ts';
import type { IngestedTable, SourceCell } from '../../ingest/Table.ts';
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

/** Every data cell of the table, row by row (collected once per table: several items ask; do not modify it). */
export function dataCells(table: IngestedTable): SourceCell[] {
  const known = collected.get(table);
  if (known) return known;
  const cells: SourceCell[] = [];
  for (const row of table.rows) for (const cell of row.cells) if (cell !== undefined) cells.push(cell);
  collected.set(table, cells);
  return cells;
}
const collected = new WeakMap<IngestedTable, SourceCell[]>();


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
