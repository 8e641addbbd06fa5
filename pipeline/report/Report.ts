import type { IngestEvent, Note } from '../ingest/Table.ts';
import type { Normalization } from '../problem/Normalization.ts';
import type { Problem } from '../problem/Problem.ts';

/** The one report value every renderer (text, markdown, json, github) draws from. */
export interface Report {
  dataset: string;
  file: string;
  valid: boolean;
  rows: number;
  asOf: string | null;
  errors: Problem[];
  warnings: Problem[];
  normalizations: Normalization[];
  events: IngestEvent[];
  notes: Note[];
  /** Field name → its title as staff know it (the header label), for showing `field` to people. */
  fieldTitles: Record<string, string>;
}

const byRow = (a: Problem, b: Problem) => (a.row ?? 0) - (b.row ?? 0);

export function makeReport(parts: {
  dataset: string;
  file: string;
  rows: number;
  asOf: string | null;
  problems: Problem[];
  normalizations?: Normalization[];
  events?: IngestEvent[];
  notes?: Note[];
  fieldTitles?: Record<string, string>;
}): Report {
  // Stable sort: within a row, problems keep the order the stages found them in.
  const errors = parts.problems.filter((p) => p.severity === 'error').sort(byRow);
  const warnings = parts.problems.filter((p) => p.severity === 'warning').sort(byRow);
  return {
    dataset: parts.dataset,
    file: parts.file,
    valid: errors.length === 0,
    rows: parts.rows,
    asOf: parts.asOf,
    errors,
    warnings,
    normalizations: parts.normalizations ?? [],
    events: parts.events ?? [],
    notes: parts.notes ?? [],
    fieldTitles: parts.fieldTitles ?? {},
  };
}
