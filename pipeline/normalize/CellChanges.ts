import type { Change, Normalization } from '../problem/Normalization.ts';

/**
 * What normalize changed in one cell: one entry per changed cell, whose `changes` are shared with
 * every other cell of the same text in the column. A million rows make millions of changes; kept
 * like this they cost one small object per cell, and become Normalizations only where a report or a
 * lint item looks at them.
 */
export interface CellChanges {
  row: number;
  /** Column letter of the cell (the A1 address is letter + row). */
  letter: string;
  field: string;
  /** In the order the rules made them. Shared: never modify. */
  changes: readonly Change[];
}

/** The cell's changes as Normalizations, in the order they were made. */
export function normalizationsOf(sheet: string, entry: CellChanges): Normalization[] {
  const cell = entry.letter + entry.row;
  return entry.changes.map((change) => ({ sheet, cell, row: entry.row, field: entry.field, ...change }));
}

/** The first `limit` normalizations of the table, and how many there are in all. */
export function firstNormalizations(sheet: string, entries: readonly CellChanges[], limit: number): { first: Normalization[]; total: number } {
  const first: Normalization[] = [];
  let total = 0;
  for (const entry of entries) {
    if (first.length < limit) first.push(...normalizationsOf(sheet, entry).slice(0, limit - first.length));
    total += entry.changes.length;
  }
  return { first, total };
}
