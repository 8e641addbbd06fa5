import { annotationMessage, annotationTitle } from '../github/actions.ts';
import type { Problem } from '../problem/Problem.ts';
import { shownProblem, summaryLine, summaryLineEn } from './format.ts';
import type { Report } from './Report.ts';

/** Workflow-command data: `%`, CR and LF escaped (GitHub's toolkit rules). */
export function escapeData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** Workflow-command property values: also `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

/** One `::error …::…` or `::warning …::…` line, titled and worded as `annotate` in github/actions.ts does. */
export function workflowCommand(p: Problem, file: string): string {
  const shown = shownProblem(p);
  const properties = `title=${escapeProperty(annotationTitle(shown))},file=${escapeProperty(file)}`;
  return `::${p.severity} ${properties}::${escapeData(annotationMessage(shown))}`;
}

/**
 * For a workflow step: one annotation per problem on the workbook (errors first), then the summary as a
 * plain log line. GitHub shows only the first few annotations of each kind; the summary gives the totals.
 */
export function renderGithub(report: Report): string {
  const lines = [...report.errors, ...report.warnings].map((p) => workflowCommand(p, report.file));
  lines.push(`${summaryLine(report)} (${summaryLineEn(report)})`);
  return `${lines.join('\n')}\n`;
}
