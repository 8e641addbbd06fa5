import { execFile } from 'node:child_process';
import { problem, type Problem } from '../problem/Problem.ts';

export type GitResult = { ok: true; stdout: string } | { ok: false; problem: Problem };

/** A revision given on the command line: never an option in disguise. */
export function isRevision(value: string): boolean {
  return value !== '' && !value.startsWith('-') && !/[\s\0]/u.test(value);
}

/** Runs `git ARGS` in `cwd` without a shell; a failure is a bilingual problem, never a throw. */
export function runGit(args: readonly string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true, stdout });
      const reason = (stderr.trim() || error.message).split('\n')[0] ?? '';
      resolve({
        ok: false,
        problem: problem(
          'git-failed',
          'error',
          { value: `git ${args.join(' ')}` },
          { ja: `git の実行に失敗しました（git ${args[0] ?? ''}）: ${reason}`, en: `git ${args[0] ?? ''} failed: ${reason}` },
          {
            ja: 'リポジトリの中で実行しているか、指定したコミットが取得済みか（actions/checkout の fetch-depth: 0）を確かめてください。',
            en: 'Run it inside the repository and make sure the commits are fetched (actions/checkout with fetch-depth: 0).',
          },
        ),
      });
    });
  });
}
