import type { Problem } from '../problem/Problem.ts';
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
