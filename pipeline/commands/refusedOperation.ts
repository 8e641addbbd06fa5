import path from 'node:path';
import { problem, type Problem, type Text } from '../problem/Problem.ts';

interface Refusal {
  code: string;
  message: (file: string) => Text;
  fix: Text;
}

const DISK_FULL: Refusal = {
  code: 'disk-full',
  message: (file) => ({ ja: `ディスクの空きが足りず、${file} に書き込めませんでした。`, en: `The disk is full: could not write to ${file}.` }),
  fix: {
    ja: '空きを作ってから、もう一度実行してください。途中まで書いたものは消してあり、公開済みのものは壊れていません。',
    en: 'Free some space and run it again. What was partly written has been removed; what was published is intact.',
  },
};

const READ_ONLY: Refusal = {
  code: 'read-only',
  message: (file) => ({ ja: `${file} は読み取り専用の場所にあり、書き込めません。`, en: `${file} is on a read-only file system.` }),
  fix: { ja: '書き込める場所を指定するか（--dist など）、読み取り専用を解いてください。', en: 'Give a writable place (--dist, …) or make it writable.' },
};

const NO_PERMISSION: Refusal = {
  code: 'permission-denied',
  message: (file) => ({ ja: `${file} を読み書きする権限がありません。`, en: `No permission to read or write ${file}.` }),
  fix: { ja: 'フォルダーとファイルの持ち主と権限を確かめてください。', en: 'Check who owns the folder and its files, and their permissions.' },
};

const REFUSALS: Record<string, Refusal> = {
  ENOSPC: DISK_FULL,
  EDQUOT: DISK_FULL,
  EROFS: READ_ONLY,
  EACCES: NO_PERMISSION,
  EPERM: NO_PERMISSION,
};

/** The path as staff know it: cut before the hidden folders and files publishing writes beside its targets. */
function shownPath(relative: string): string {
  const parts = relative.split(path.sep);
  const hidden = parts.findIndex((part) => part.startsWith('.') && part !== '.' && part !== '..');
  return (hidden === -1 ? parts : parts.slice(0, hidden)).join(path.sep) || '.';
}

/**
 * The one message for each way the system refuses a file operation (disk full, read-only, no permission);
 * null for anything else, which is a bug and is reported as one.
 */
export function refusedOperationProblem(error: unknown, cwd: string): Problem | null {
  const { code, path: file } = (error ?? {}) as NodeJS.ErrnoException;
  const refusal = code !== undefined && Object.hasOwn(REFUSALS, code) ? REFUSALS[code] : undefined;
  if (!refusal) return null;
  const shown = file === undefined ? '?' : shownPath(path.relative(cwd, file));
  return problem(refusal.code, 'error', { value: code }, refusal.message(shown), refusal.fix);
}
