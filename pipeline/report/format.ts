import type { Problem } from '../problem/Problem.ts';
import { visible } from '../problem/visible.ts';
import type { Report } from './Report.ts';

/** `エラー 3件 / 警告 12件 / 正規化 41件` — the one-line summary every rendering starts with. */
export function summaryLine(report: Report): string {
  return `エラー ${report.errors.length}件 / 警告 ${report.warnings.length}件 / 正規化 ${report.normalizations.length}件`;
}

export function summaryLineEn(report: Report): string {
  return `${report.errors.length} errors / ${report.warnings.length} warnings / ${report.normalizations.length} normalizations`;
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
