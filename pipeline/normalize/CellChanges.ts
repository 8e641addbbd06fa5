import type { Change, Normalization } from '../problem/Normalization.ts';

/** Where a change was made: a column letter and the field read from it (one object per column, shared). */
export interface ChangedColumn {
  letter: string;
  field: string;
}

/**
 * What normalize changed in one cell: the changes, shared with every other cell of the same text in
 * the column. Made as a ChangeLog is read; the log itself keeps no object per cell.
 */
export interface CellChanges extends ChangedColumn {
  row: number;
  /** In the order the rules made them. Shared: never modify. */
  changes: readonly Change[];
}

/**
 * Every cell normalize changed, in sheet order, then the re-listing links: kept as three parallel
 * arrays (row, column, changes) rather than an object per cell, since a million rows change millions
 * of cells. Changes become Normalizations only where a report or a lint item looks at them.
 */
export class ChangeLog implements Iterable<CellChanges> {
  private readonly rows: number[] = [];
  private readonly columns: ChangedColumn[] = [];
  private readonly changes: (readonly Change[])[] = [];

  add(row: number, column: ChangedColumn, changes: readonly Change[]): void {
    this.rows.push(row);
    this.columns.push(column);
    this.changes.push(changes);
  }

  get length(): number {
    return this.rows.length;
  }

  *[Symbol.iterator](): Iterator<CellChanges> {
    for (let i = 0; i < this.rows.length; i++) {
      const column = this.columns[i]!;
      yield { row: this.rows[i]!, letter: column.letter, field: column.field, changes: this.changes[i]! };
    }
  }
}

/** The cell's changes as Normalizations, in the order they were made. */
export function normalizationsOf(sheet: string, entry: CellChanges): Normalization[] {
  const cell = entry.letter + entry.row;
  return entry.changes.map((change) => ({ sheet, cell, row: entry.row, field: entry.field, ...change }));
}

/** The first `limit` normalizations of the table, and how many there are in all. */
export function firstNormalizations(sheet: string, entries: Iterable<CellChanges>, limit: number): { first: Normalization[]; total: number } {
  const first: Normalization[] = [];
  let total = 0;
  for (const entry of entries) {
    if (first.length < limit) first.push(...normalizationsOf(sheet, entry).slice(0, limit - first.length));
    total += entry.changes.length;
  }
  return { first, total };
}
