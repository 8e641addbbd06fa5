import type { Finding } from '../../problem/Problem.ts';
import type { Change } from '../../problem/Normalization.ts';

/**
 * What every normalization rule returns: the (possibly rewritten) value, the
 * changes it made to the text, and what it found. Rules are pure and never
 * throw; the caller adds the cell location (see `locate` in Problem.ts).
 */
export interface RuleResult<T> {
  value: T;
  changes: Change[];
  findings: Finding[];
}

/** Frictionless error code for a value that does not fit its column's type. */
export const TYPE_ERROR = 'type-error';

/** Records a change only when the text actually changed. */
export function recordChange(changes: Change[], rule: string, before: string, after: string): void {
  if (before !== after) changes.push({ rule, before, after });
}

/** A result that changed nothing and found nothing. */
export function unchanged<T>(value: T): RuleResult<T> {
  return { value, changes: [], findings: [] };
}

/**
 * Runs `next` on the value of `previous`, concatenating changes and findings in
 * order, so rules compose: `andThen(cleanText(text), parseInteger)`.
 */
export function andThen<A, B>(previous: RuleResult<A>, next: (value: A) => RuleResult<B>): RuleResult<B> {
  const result = next(previous.value);
  return {
    value: result.value,
    changes: [...previous.changes, ...result.changes],
    findings: [...previous.findings, ...result.findings],
  };
}

/** A `type-error` finding: the text is not a value of its column's type. */
export function typeErrorFinding(message: { ja: string; en: string }, fix?: { ja: string; en: string }): Finding {
  return fix ? { code: TYPE_ERROR, severity: 'error', message, fix } : { code: TYPE_ERROR, severity: 'error', message };
}

/** A rule's result for text it cannot read: no value, the finding, and the changes made before it gave up. */
export function unreadable<T>(finding: Finding, changes: Change[] = []): RuleResult<T | null> {
  return { value: null, changes, findings: [finding] };
}
