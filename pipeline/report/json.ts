import type { Report } from './Report.ts';

/** The machine-readable report: `{ valid, rows, errors, warnings, normalizations, … }`. */
export function renderJson(report: Report): string {
  const { valid, rows, errors, warnings, normalizations, dataset, file, asOf, events, notes } = report;
  return `${JSON.stringify({ valid, rows, errors, warnings, normalizations, dataset, file, asOf, events, notes }, null, 2)}\n`;
}
