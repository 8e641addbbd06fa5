import type { FileOps } from '../publish/fileOps.ts';

/** Where a command writes and from where it resolves paths: the edges, passed in so tests can capture them. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file operations publishing makes (the real ones unless a test wraps them to fail or stop at a step). */
  fileOps?: FileOps;
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
