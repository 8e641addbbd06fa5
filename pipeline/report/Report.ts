import type { IngestEvent, Note } from '../ingest/Table.ts';
import type { Normalization } from '../problem/Normalization.ts';
import type { Problem } from '../problem/Problem.ts';
import { BoundedProblems } from '../problem/ProblemSink.ts';

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
  /** Errors, warnings and normalizations found beyond the first REPORT_LIMIT of each: counted, not kept. */
  omitted: { errors: number; warnings: number; normalizations: number };
}

/**
 * A report keeps the first this-many errors, warnings and normalizations (by row) and only counts the
 * rest, so a workbook with 100,000 bad rows gives a report of 1,000 problems and a number, not a
 * report as large as the workbook.
 */
export const REPORT_LIMIT = 1000;

/** How many errors, warnings and normalizations were found in all, kept or counted. */
export function reportTotals(report: Pick<Report, 'errors' | 'warnings' | 'normalizations' | 'omitted'>): { errors: number; warnings: number; normalizations: number } {
  const omitted = report.omitted ?? { errors: 0, warnings: 0, normalizations: 0 };
  return {
    errors: report.errors.length + omitted.errors,
    warnings: report.warnings.length + omitted.warnings,
    normalizations: report.normalizations.length + omitted.normalizations,
  };
}

const byRow = (a: Problem, b: Problem) => (a.row ?? 0) - (b.row ?? 0);

export function makeReport(parts: {
  dataset: string;
  file: string;
  rows: number;
  asOf: string | null;
  /** Everything found, or what a BoundedProblems kept of it (with its count of the rest). */
  problems: Problem[] | BoundedProblems;
  /** Everything changed, or the first of it with the number of changes in all. */
  normalizations?: Normalization[] | { first: Normalization[]; total: number };
  events?: IngestEvent[];
  notes?: Note[];
  fieldTitles?: Record<string, string>;
  /** How many of each to keep (REPORT_LIMIT). */
  limit?: number;
}): Report {
  const limit = parts.limit ?? REPORT_LIMIT;
  const found = parts.problems instanceof BoundedProblems ? parts.problems.result() : undefined;
  const all = found ? [...found.errors, ...found.warnings] : (parts.problems as Problem[]);
  // Stable sort: within a row, problems keep the order the stages found them in.
  const errors = all.filter((p) => p.severity === 'error').sort(byRow);
  const warnings = all.filter((p) => p.severity === 'warning').sort(byRow);
  const changed = parts.normalizations ?? [];
  const normalizations = Array.isArray(changed) ? changed : changed.first;
  const changes = Array.isArray(changed) ? changed.length : changed.total;
  const omitted = {
    errors: Math.max(0, errors.length - limit) + (found?.omitted.errors ?? 0),
    warnings: Math.max(0, warnings.length - limit) + (found?.omitted.warnings ?? 0),
    normalizations: changes - Math.min(normalizations.length, limit),
  };
  if (errors.length > limit) errors.length = limit;
  if (warnings.length > limit) warnings.length = limit;
  return {
    dataset: parts.dataset,
    file: parts.file,
    valid: errors.length === 0,
    rows: parts.rows,
    asOf: parts.asOf,
    errors,
    warnings,
    normalizations: normalizations.length > limit ? normalizations.slice(0, limit) : normalizations,
    events: parts.events ?? [],
    notes: parts.notes ?? [],
    fieldTitles: parts.fieldTitles ?? {},
    omitted,
  };
}
