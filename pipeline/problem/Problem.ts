/** A bilingual text: Japanese for staff first, English in parallel. */
export interface Text {
  ja: string;
  en: string;
}

export type Severity = 'error' | 'warning';

/** Where a problem is: as precisely as the stage that found it can say. */
export interface ProblemLocation {
  sheet?: string;
  /** A1 address of the offending cell. */
  cell?: string;
  /** 1-based row number in the sheet. */
  row?: number;
  /** Published field name (or the header label when no field is known yet). */
  field?: string;
  /** The offending value, as text. */
  value?: string;
}

/** What a rule found, before the caller knows where it is. */
export interface Finding {
  /** Stable machine code, a Frictionless name where one fits (`type-error`, `unique-error`, …). */
  code: string;
  severity: Severity;
  message: Text;
  /** What to change, in the staff's words. */
  fix?: Text;
}

/**
 * The one problem type every stage returns. Bad input never throws: it becomes
 * one of these.
 */
export interface Problem extends Finding, ProblemLocation {}

const LOCATION_KEYS = ['sheet', 'cell', 'row', 'field', 'value'] as const;

/** Builds a problem with its keys in one fixed order, so JSON renderings are stable. */
export function locate(finding: Finding, location: ProblemLocation): Problem {
  const result: Record<string, unknown> = { code: finding.code, severity: finding.severity };
  for (const key of LOCATION_KEYS) {
    if (location[key] !== undefined) result[key] = location[key];
  }
  result.message = finding.message;
  if (finding.fix) result.fix = finding.fix;
  return result as unknown as Problem;
}

export function problem(
  code: string,
  severity: Severity,
  location: ProblemLocation,
  message: Text,
  fix?: Text,
): Problem {
  return locate(fix ? { code, severity, message, fix } : { code, severity, message }, location);
}

export const isError = (p: Problem): boolean => p.severity === 'error';
