import type { Values } from '../normalize/RecordRow.ts';
import type { SummaryTable } from './summaryTable.ts';

/** The parts of a Frictionless Data Package v2 descriptor this pipeline writes. */

export interface TableSchemaField {
  name: string;
  title?: string;
  description?: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'yearmonth' | 'time' | 'datetime' | 'year';
  format?: string;
  /** Boolean fields: the CSV words read as true and false. */
  trueValues?: string[];
  falseValues?: string[];
  /** What the values are, as an RDF class (WGS84 latitude, longitude). */
  rdfType?: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    minimum?: number;
    maximum?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    enum?: (string | number)[];
  };
  categories?: { value: string | number; label: string }[];
  /** Unit of measure, as a plain annotation (e.g. 千円). */
  unit?: string;
}

export interface TableSchema {
  $schema: string;
  fields: TableSchemaField[];
  missingValues: string[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { fields: string[]; resource?: string } }[];
}

export interface Resource {
  name: string;
  path: string;
  type?: 'table';
  title?: string;
  description?: string;
  format: string;
  mediatype: string;
  encoding?: string;
  bytes: number;
  hash: string;
  dialect?: Record<string, unknown>;
  schema?: TableSchema;
}

export interface FieldTotal {
  /** Sum over every row, re-listed rows included (double-counts them). */
  all: number;
  /** Sum over rows that are not re-listings: the real total. */
  withoutRelisted: number;
}

/** Facts about the data carried in the descriptor for catalogs and consumers. */
export interface PackageSummary {
  asOf: string;
  rows: number;
  relistedRows: number;
  totals: Record<string, FieldTotal>;
}

export interface DataPackage {
  $schema: string;
  name: string;
  title: string;
  description: string;
  version: string;
  created: string;
  homepage?: string;
  keywords: string[];
  licenses: { name: string; path: string; title: string }[];
  sources: { title: string; path?: string }[];
  contributors: { title: string; roles: string[]; path?: string; organization?: string }[];
  resources: Resource[];
  summary: PackageSummary;
}

/** One file of a built package, relative to the package directory. */
export interface PackageFile {
  path: string;
  bytes: Uint8Array;
}

export interface BuiltPackage {
  descriptor: DataPackage;
  files: PackageFile[];
  /** The published records (national columns first), as in the CSV and JSON. */
  records: Values[];
  /** The summary table, when the definition declares one. */
  summary?: SummaryTable;
}
