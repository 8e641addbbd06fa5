import * as core from '@actions/core';
import type { Problem } from '../problem/Problem.ts';

/** Annotation title: the cell (`Sheet!B7`) when known, else the sheet, else the problem code. */
export function annotationTitle(p: Problem): string {
  if (p.sheet !== undefined && p.cell !== undefined) return `${p.sheet}!${p.cell}`;
  if (p.sheet !== undefined && p.row !== undefined) return `${p.sheet} row ${p.row}`;
  return p.sheet ?? p.code;
}

/** Annotation text: Japanese, then English, then the fix in both languages. */
export function annotationMessage(p: Problem): string {
  const lines = [p.message.ja, p.message.en];
  if (p.fix) lines.push(p.fix.ja, p.fix.en);
  return lines.join('\n');
}

/**
 * One GitHub annotation per problem (errors as errors, warnings as warnings), attached
 * to `file` — the workbook path in the repository — when given.
 */
export function annotate(problems: readonly Problem[], file?: string): void {
  for (const p of problems) {
    const properties = { title: annotationTitle(p), ...(file !== undefined ? { file } : {}) };
    if (p.severity === 'error') core.error(annotationMessage(p), properties);
    else core.warning(annotationMessage(p), properties);
  }
}

/**
 * Appends markdown to the job summary. @actions/core reads `GITHUB_STEP_SUMMARY` from the
 * process environment; outside Actions (unset) nothing is written and false is returned.
 */
export async function writeSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(markdown, true).write();
  return true;
}

/** Sets step outputs; objects and arrays are written as JSON. */
export function setOutputs(record: Readonly<Record<string, string | number | boolean | object>>): void {
  for (const [name, value] of Object.entries(record)) {
    core.setOutput(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}
