import type { Problem, Severity } from './Problem.ts';

/** Where the stages put the problems they find, one at a time. */
export interface ProblemSink {
  add(problem: Problem): void;
  /** Whether a problem of this severity at this row would be kept; when not, `count` it rather than make it. */
  wants(severity: Severity, row: number | undefined): boolean;
  count(severity: Severity): void;
}

/**
 * Adds the problem `make` makes, or only counts it when the sink would not keep it: a check that finds
 * 500,000 things to say need not word them all.
 */
export function found(out: ProblemSink, severity: Severity, row: number | undefined, make: () => Problem): void {
  if (out.wants(severity, row)) out.add(make());
  else out.count(severity);
}

const byRow = (a: Problem, b: Problem) => (a.row ?? 0) - (b.row ?? 0);

/**
 * Keeps the first `limit` errors and the first `limit` warnings by row (within a row, in the order
 * they were added) and only counts the rest, so 100,000 bad rows cost 1,000 problems of memory, not
 * 100,000. What it keeps is exactly what sorting everything by row and cutting would keep: a list is
 * sorted (stably) and cut each time it doubles, and anything cut has `limit` earlier ones before it.
 */
export class BoundedProblems implements ProblemSink {
  private readonly kept: Record<Severity, Problem[]> = { error: [], warning: [] };
  private readonly cut: Record<Severity, number> = { error: 0, warning: 0 };
  /** Once a list has been cut, the last row it kept: a later problem below it can never be kept. */
  private readonly lastKeptRow: Record<Severity, number> = { error: Infinity, warning: Infinity };

  constructor(readonly limit: number) {}

  add(problem: Problem): void {
    const list = this.kept[problem.severity];
    list.push(problem);
    if (list.length >= 2 * this.limit) this.trim(problem.severity);
  }

  wants(severity: Severity, row: number | undefined): boolean {
    return (row ?? 0) <= this.lastKeptRow[severity];
  }

  count(severity: Severity): void {
    this.cut[severity] += 1;
  }

  private trim(severity: Severity): void {
    const list = this.kept[severity].sort(byRow);
    if (list.length <= this.limit) return;
    this.cut[severity] += list.length - this.limit;
    list.length = this.limit;
    this.lastKeptRow[severity] = list[list.length - 1]!.row ?? 0;
  }

  /** How many problems it holds now (at most twice the limit of each kind, whatever was added). */
  get held(): number {
    return this.kept.error.length + this.kept.warning.length;
  }

  /** The kept errors and warnings, each sorted by row, and how many of each were counted only. */
  result(): { errors: Problem[]; warnings: Problem[]; omitted: { errors: number; warnings: number } } {
    this.trim('error');
    this.trim('warning');
    return { errors: this.kept.error, warnings: this.kept.warning, omitted: { errors: this.cut.error, warnings: this.cut.warning } };
  }
}
