import type { FieldValue } from '../../normalize/RecordRow.ts';
import type { FieldTotal } from '../../package/DataPackage.ts';
import type { Text } from '../../problem/Problem.ts';

export type Bump = 'initial' | 'major' | 'minor' | 'patch' | 'none';

/** One change to the Table Schema, judged by what it does to consumers. */
export interface SchemaChange {
  kind: 'field-removed' | 'field-added' | 'field-retyped' | 'fields-reordered' | 'constraint-tightened' | 'constraint-loosened' | 'primary-key-changed';
  field?: string;
  breaking: boolean;
  detail: Text;
}

export interface RowRef {
  key: string;
  label: string;
}

export interface FieldChange {
  field: string;
  title: string;
  old: FieldValue;
  new: FieldValue;
}

export interface RowChange extends RowRef {
  fields: FieldChange[];
}

/** How many rows moved from one value of an enumerated field to another (e.g. 着手 → 完了). */
export interface Transition {
  field: string;
  title: string;
  from: FieldValue;
  to: FieldValue;
  rows: RowRef[];
}

/** The change of a summed field, row by row and in total. */
export interface Delta {
  field: string;
  title: string;
  delta: number;
  rows: (RowRef & { old: number | null; new: number | null })[];
}

export interface TotalChange {
  field: string;
  title: string;
  before: FieldTotal | null;
  after: FieldTotal;
}

/** A semantic diff between two versions of one dataset, keyed by its primary key. */
export interface ChangeSet {
  dataset: string;
  fromVersion: string | null;
  toVersion: string;
  bump: Bump;
  asOf: { before: string | null; after: string };
  rows: { before: number; after: number };
  schema: SchemaChange[];
  added: RowRef[];
  removed: RowRef[];
  changed: RowChange[];
  transitions: Transition[];
  deltas: Delta[];
  totals: TotalChange[];
  /** Descriptor or file changes that are not data (titles, licence, new outputs). */
  metadataChanged: boolean;
  summary: Text;
}
