import { problem } from '../problem/Problem.ts';
import { type Env, envValue } from './env.ts';
import { type GitHubPurpose, PERMISSION_FOR } from './permissions.ts';
import { type Result, failure, success } from './result.ts';

/**
 * The token from `GITHUB_TOKEN`, or a problem that says how to provide it and which
 * permission the job needs. The token itself never appears in any message.
 */
export function tokenFromEnv(env: Env, purpose: GitHubPurpose): Result<string> {
  const token = envValue(env, 'GITHUB_TOKEN');
  if (token !== undefined) return success(token);
  const permission = PERMISSION_FOR[purpose];
  return failure(
    problem(
      'github-token-missing',
      'error',
      {},
      {
        ja: `GITHUB_TOKEN が設定されていません。この操作には権限 \`${permission}\` が必要です。`,
        en: `GITHUB_TOKEN is not set. This step needs the permission \`${permission}\`.`,
      },
      {
        ja: `ワークフローの手順に \`env: GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}\` を加え、ジョブの \`permissions:\` に \`${permission}\` を書いてください。`,
        en: `Add \`env: GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}\` to the step and grant \`${permission}\` in the job's \`permissions:\`.`,
      },
    ),
  );
}
