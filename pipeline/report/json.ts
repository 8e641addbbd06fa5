import { reportTotals, type Report } from './Report.ts';

/** The machine-readable report; its shape is documented and tested as schema/report.schema.json. */
export function renderJson(report: Report): string {
  const { valid, rows, errors, warnings, normalizations, dataset, file, asOf, fieldTitles, events, notes, omitted } = report;
  // The summary counts everything found; `omitted` (only when some were left out) says how many are not listed.
  const summary = reportTotals(report);
  const left = omitted.errors + omitted.warnings + omitted.normalizations > 0 ? { omitted } : {};
  return `${JSON.stringify({ valid, rows, summary, ...left, errors, warnings, normalizations, dataset, file, asOf, fieldTitles, events, notes }, null, 2)}\n`;
}
