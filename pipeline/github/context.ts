import { problem } from '../problem/Problem.ts';
import { type Env, envValue } from './env.ts';
import type { GitHubPurpose } from './permissions.ts';
import { type Result, failure, success } from './result.ts';
import { tokenFromEnv } from './token.ts';

/** What a command needs to know about the repository and run, read from the Actions environment. */
export interface GitHubContext {
  owner: string;
  repo: string;
  /** `GITHUB_API_URL`, default https://api.github.com (GitHub Enterprise sets its own). */
  apiUrl: string;
  /** `GITHUB_SERVER_URL`, default https://github.com: where the repository's pages and downloads are. */
  serverUrl: string;
  /** `GITHUB_SHA`: the commit the run is for, when set. */
  sha: string | undefined;
  /** `GITHUB_EVENT_PATH`: the JSON file holding the event payload, when set. */
  eventPath: string | undefined;
  token: string;
}

export const DEFAULT_API_URL = 'https://api.github.com';
export const DEFAULT_SERVER_URL = 'https://github.com';

/**
 * Reads `GITHUB_REPOSITORY`, `GITHUB_API_URL`, `GITHUB_SERVER_URL`, `GITHUB_SHA`, `GITHUB_EVENT_PATH` and
 * `GITHUB_TOKEN` from the given environment (never from `process.env` itself).
 * `needsEvent` makes a missing `GITHUB_EVENT_PATH` an error.
 */
export function readGitHubContext(env: Env, purpose: GitHubPurpose, needsEvent = false): Result<GitHubContext> {
  const repository = envValue(env, 'GITHUB_REPOSITORY');
  const eventPath = envValue(env, 'GITHUB_EVENT_PATH');
  const missing = [
    ...(repository === undefined ? ['GITHUB_REPOSITORY'] : []),
    ...(needsEvent && eventPath === undefined ? ['GITHUB_EVENT_PATH'] : []),
  ];
  if (missing.length > 0) {
    const names = missing.join(', ');
    return failure(
      problem(
        'github-context-missing',
        'error',
        {},
        {
          ja: `GitHub Actions の環境変数 ${names} がありません。このコマンドはワークフローの中で実行してください。`,
          en: `The GitHub Actions variable(s) ${names} are not set. Run this command inside a workflow.`,
        },
        {
          ja: `手元で試すときは ${names} を自分で設定してください (例: GITHUB_REPOSITORY=owner/repo)。`,
          en: `To try it locally, set ${names} yourself (e.g. GITHUB_REPOSITORY=owner/repo).`,
        },
      ),
    );
  }
  const [owner, repo, ...rest] = (repository ?? '').split('/');
  if (!owner || !repo || rest.length > 0) {
    return failure(
      problem(
        'github-repository-invalid',
        'error',
        { value: repository ?? '' },
        {
          ja: `GITHUB_REPOSITORY は「所有者/リポジトリ」の形でなければなりません: ${JSON.stringify(repository)}`,
          en: `GITHUB_REPOSITORY must look like owner/repo, got ${JSON.stringify(repository)}.`,
        },
      ),
    );
  }
  const token = tokenFromEnv(env, purpose);
  if (!token.ok) return token;
  return success({
    owner,
    repo,
    apiUrl: (envValue(env, 'GITHUB_API_URL') ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    serverUrl: (envValue(env, 'GITHUB_SERVER_URL') ?? DEFAULT_SERVER_URL).replace(/\/+$/, ''),
    sha: envValue(env, 'GITHUB_SHA'),
    eventPath,
    token: token.value,
  });
}
