import type { ChangeLog } from './CellChanges.ts';
import type { Problem } from '../problem/Problem.ts';

export type FieldValue = string | number | boolean | null;

/** A record keyed by field name; built without a prototype so no label can reach Object.prototype. */
export type Values = Record<string, FieldValue>;

/** One data row after normalization, remembering where each value came from. */
export interface RecordRow {
  /** 1-based sheet row. */
  row: number;
  values: Values;
  /**
   * Field → column letter of the cell it came from, one object shared by every record of the table
   * (a million rows need no million address maps): `cellOf` gives the A1 address.
   */
  columns: Readonly<Record<string, string>>;
  /** Fields whose cell was empty (not a none-marker such as `-`). Shared by records with the same ones. */
  blank: ReadonlySet<string>;
  /** Fields a rule could not read (already reported; schema errors on them would repeat it). Shared likewise. */
  unreadable: ReadonlySet<string>;
  /** Row carried a re-listing marker such as 【再掲】. */
  relisted: boolean;
}

export interface NormalizedTable {
  sheet: string;
  asOf: string | null;
  records: RecordRow[];
  /** Every change made, cell by cell, in sheet order; then the re-listing links. */
  changes: ChangeLog;
  problems: Problem[];
}

export function emptyValues(): Values {
  // Not Object.create(null): V8 makes that a dictionary (three times the memory and slower to fill).
  // A literal whose prototype is then set to null has no prototype either, and stays a compact object.
  const values = {};
  Object.setPrototypeOf(values, null);
  return values as Values;
}

/** A1 address of the cell `field` came from, or undefined when its column is absent from the sheet. */
export function cellOf(record: Pick<RecordRow, 'row' | 'columns'>, field: string): string | undefined {
  const letter = record.columns[field];
  return letter === undefined ? undefined : letter + record.row;
}
