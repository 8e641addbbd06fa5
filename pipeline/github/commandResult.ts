import type { Problem } from '../problem/Problem.ts';

/** What a `opendata github …` command hands back to the CLI: never a thrown error. */
export interface CommandResult {
  exitCode: 0 | 1;
  /** Lines for the log, bilingual where they come from a problem. */
  messages: string[];
}

/** A problem as log lines: Japanese then English, the fix after. */
export function problemLines(p: Problem): string[] {
  const label = p.severity === 'error' ? 'エラー / Error' : '警告 / Warning';
  const lines = [`${label} [${p.code}]: ${p.message.ja}`, `  ${p.message.en}`];
  if (p.fix) lines.push(`  → ${p.fix.ja}`, `  → ${p.fix.en}`);
  return lines;
}

export const failed = (p: Problem, before: string[] = []): CommandResult => ({
  exitCode: 1,
  messages: [...before, ...problemLines(p)],
});
