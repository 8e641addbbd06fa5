import type { Dataset } from './dataset/DatasetDefinition.ts';
import { ingestWorkbook } from './ingest/ingest.ts';
import { readWorkbook } from './ingest/readWorkbook.ts';
import type { Values } from './normalize/RecordRow.ts';
import { normalizeTable } from './normalize/normalize.ts';
import { makeReport, type Report } from './report/Report.ts';
import { validateTable } from './validate/validate.ts';
import { lint } from './validate/lint/lint.ts';

export interface Processed {
  report: Report;
  /** The clean records, in sheet order (meaningful only when report.valid). */
  records: Values[];
}

/** Workbook bytes → report and records: ingest → normalize → validate → machine-readability lint. No I/O here. */
export function processWorkbook(bytes: Uint8Array, fileName: string, dataset: Dataset): Processed {
  const read = readWorkbook(bytes, fileName);
  if (!read.ok) {
    return { report: makeReport({ dataset: dataset.name, file: fileName, rows: 0, asOf: null, problems: [read.problem] }), records: [] };
  }
  const table = ingestWorkbook(read.workbook, dataset);
  const normalized = normalizeTable(table, dataset);
  const found = [...table.problems, ...normalized.problems, ...validateTable(table, normalized, dataset)];
  const problems = lint({ dataset, table, normalized, source: { kind: read.kind, parts: read.parts }, found });
  const report = makeReport({
    dataset: dataset.name,
    file: fileName,
    rows: normalized.records.length,
    asOf: table.asOf,
    problems,
    normalizations: normalized.normalizations,
    events: table.events,
    notes: table.notes,
  });
  return { report, records: normalized.records.map((r) => r.values) };
}
