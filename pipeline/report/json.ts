import type { Report } from './Report.ts';

/** The machine-readable report; its shape is documented and tested as schema/report.schema.json. */
export function renderJson(report: Report): string {
  const { valid, rows, errors, warnings, normalizations, dataset, file, asOf, fieldTitles, events, notes } = report;
  const summary = { errors: errors.length, warnings: warnings.length, normalizations: normalizations.length };
  return `${JSON.stringify({ valid, rows, summary, errors, warnings, normalizations, dataset, file, asOf, fieldTitles, events, notes }, null, 2)}\n`;
}
