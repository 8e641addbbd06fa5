import type { Problem } from '../problem/Problem.ts';
import { visible } from '../problem/visible.ts';
import { REPORT_LIMIT, reportTotals, type Report } from './Report.ts';

/** `エラー 3件 / 警告 12件 / 正規化 41件` — the one-line summary every rendering starts with. */
export function summaryLine(report: Report): string {
  const n = reportTotals(report);
  return `エラー ${n.errors}件 / 警告 ${n.warnings}件 / 正規化 ${n.normalizations}件`;
}

export function summaryLineEn(report: Report): string {
  const n = reportTotals(report);
  return `${n.errors} errors / ${n.warnings} warnings / ${n.normalizations} normalizations`;
}

/** `（エラー・警告・正規化はそれぞれ先頭 1000件まで記録）` when the report had to leave some out, else ''. */
export function omittedNote(report: Report): string {
  const { errors, warnings, normalizations } = report.omitted;
  if (errors + warnings + normalizations === 0) return '';
  return `（エラー・警告・正規化はそれぞれ先頭 ${REPORT_LIMIT}件まで記録し、残り ${errors + warnings + normalizations}件は数だけ数えています） / only the first ${REPORT_LIMIT} of each are kept; ${errors} errors, ${warnings} warnings and ${normalizations} normalizations more were counted`;
}

/** `取組状況一覧!H32`, or as much of it as is known. */
export function where(p: Pick<Problem, 'sheet' | 'cell' | 'row'>): string {
  if (p.sheet && p.cell) return `${p.sheet}!${p.cell}`;
  if (p.row !== undefined) return `${p.sheet ? `${p.sheet} ` : ''}${p.row}行目`;
  return p.sheet ?? '';
}

/** Problems grouped by sheet row, rows in order, problems without a row first. */
export function groupByRow(problems: Problem[]): [row: number | undefined, problems: Problem[]][] {
  const groups = new Map<number | undefined, Problem[]>();
  for (const p of problems) {
    const list = groups.get(p.row) ?? [];
    list.push(p);
    groups.set(p.row, list);
  }
  return [...groups].sort(([a], [b]) => (a ?? 0) - (b ?? 0));
}

/**
 * The problem as it may be shown outside the JSON report: each text made visible (no control or bidi
 * characters, line breaks as ⏎) and cut to `max` characters, since messages quote cell values of any length.
 */
export function shownProblem(p: Problem, max = 1000): Problem {
  const text = (t: { ja: string; en: string }) => ({ ja: visible(t.ja, max), en: visible(t.en, max) });
  return {
    ...p,
    ...(p.sheet !== undefined ? { sheet: visible(p.sheet, 100) } : {}),
    ...(p.field !== undefined ? { field: visible(p.field, 100) } : {}),
    ...(p.value !== undefined ? { value: visible(p.value, 200) } : {}),
    message: text(p.message),
    ...(p.fix ? { fix: text(p.fix) } : {}),
  };
}

/** How many items of each key, most first: `type-error 12件、blank-cell 3件`. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
