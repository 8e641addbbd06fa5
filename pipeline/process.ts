import type { Dataset } from './dataset/DatasetDefinition.ts';
import { emptyWorkbook } from './ingest/emptyWorkbook.ts';
import { ingestWorkbook } from './ingest/ingest.ts';
import { DEFAULT_LIMITS, type ContainerLimits } from './ingest/container.ts';
import { readWorkbook } from './ingest/readWorkbook.ts';
import type { Values } from './normalize/RecordRow.ts';
import { firstNormalizations } from './normalize/CellChanges.ts';
import { normalizeTable } from './normalize/normalize.ts';
import { makeReport, REPORT_LIMIT, type Report } from './report/Report.ts';
import { BoundedProblems, type ProblemSink } from './problem/ProblemSink.ts';
import { validateTable } from './validate/validate.ts';
import { fieldTitle } from './validate/fieldTitle.ts';
import { claimed, lint } from './validate/lint/lint.ts';
import type { LintInput } from './validate/lint/LintRule.ts';
import type { IngestedTable } from './ingest/Table.ts';
import type { Problem } from './problem/Problem.ts';
import { timed } from './timings.ts';

export interface Processed {
  report: Report;
  /** The clean records, in sheet order (meaningful only when report.valid). */
  records: Values[];
}

/** Workbook bytes → report and records: ingest → normalize → validate → machine-readability lint. No I/O here. */
export function processWorkbook(bytes: Uint8Array, fileName: string, dataset: Dataset): Processed {
  const ingested = readAndIngest(bytes, fileName, dataset);
  if (!ingested.ok) {
    const unreadable = ingested.problem;
    return { report: makeReport({ dataset: dataset.name, file: fileName, rows: 0, asOf: null, problems: unreadable ? [unreadable] : [] }), records: [] };
  }
  const { table, source } = ingested;
  const normalized = timed('normalize', () => normalizeTable(table, dataset));
  // Kept: the first REPORT_LIMIT errors and warnings by row; the rest are counted as they come.
  const problems = new BoundedProblems(REPORT_LIMIT);
  const erroneousCells = new Set<string>();
  const input: LintInput = { dataset, table, normalized, source, erroneousCells };
  const stages: ProblemSink = {
    add(p) {
      if (p.severity === 'error' && p.cell !== undefined) erroneousCells.add(p.cell);
      problems.add(claimed(p, input));
    },
    // Every error is seen, for the cells it names; a warning that would not be kept is only counted.
    wants: (severity, row) => severity === 'error' || problems.wants(severity, row),
    count: (severity) => problems.count(severity),
  };
  timed('validate', () => {
    for (const p of table.problems) stages.add(p);
    for (const p of normalized.problems) stages.add(p);
    validateTable(table, normalized, dataset, stages);
  });
  timed('lint', () => lint(input, problems));
  const report = timed('report', () => makeReport({
    dataset: dataset.name,
    file: fileName,
    rows: normalized.records.length,
    asOf: table.asOf,
    problems,
    normalizations: firstNormalizations(normalized.sheet, normalized.changes, REPORT_LIMIT),
    events: table.events,
    notes: table.notes,
    fieldTitles: Object.fromEntries(dataset.fields.map((field) => [field, fieldTitle(dataset, field).ja])),
  }));
  return { report, records: normalized.records.map((r) => r.values) };
}

/**
 * Reading and ingest in one step of their own, so that the parsed workbook (every cell of every sheet)
 * is garbage as soon as the table is read, not held until the report is made.
 */
function readAndIngest(
  bytes: Uint8Array,
  fileName: string,
  dataset: Dataset,
): { ok: true; table: IngestedTable; source: LintInput['source'] } | { ok: false; problem: Problem | undefined } {
  const read = timed('read', () => readWorkbook(bytes, fileName, sourceLimits(dataset)));
  const unreadable = read.ok ? emptyWorkbook(read.workbook, fileName) : read.problem;
  if (!read.ok || unreadable) return { ok: false, problem: unreadable };
  const table = timed('ingest', () => ingestWorkbook(read.workbook, dataset));
  return { ok: true, table, source: { kind: read.kind, parts: read.parts } };
}

/** The container limits for this dataset's source: the defaults, with the unpacked size the definition allows. */
export function sourceLimits(dataset: Dataset): ContainerLimits {
  const mb = dataset.source.maxUnpackedMB;
  return mb === undefined ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, maxUncompressedBytes: mb * 1024 * 1024 };
}
