import { type Problem, type Text, problem } from '../problem/Problem.ts';
import { type GitHubPurpose, PERMISSION_FOR } from './permissions.ts';
import { asGitHubError, isRateLimited } from './requestError.ts';

/** Drops the `- https://docs.github.com/...` suffix Octokit appends, keeps the first line. */
function shortMessage(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.replace(/ - https:\/\/docs\.github\.com\S*$/, '').slice(0, 300);
}

function resetText(headers: Readonly<Record<string, string | number | undefined>>): Text {
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) {
    return { ja: `${retryAfter} 秒後に再試行できます。`, en: `GitHub asks to retry after ${retryAfter} s.` };
  }
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) {
    const at = new Date(reset * 1000).toISOString();
    return { ja: `制限は ${at} に解除されます。`, en: `The limit resets at ${at}.` };
  }
  return { ja: '', en: '' };
}

/**
 * Turns whatever a GitHub call threw (after Octokit's retries and rate-limit waits)
 * into one bilingual problem that says what failed and what to do.
 * `doing` names the operation, e.g. `{ ja: 'リリースの作成', en: 'creating the release' }`.
 */
export function describeGitHubError(error: unknown, purpose: GitHubPurpose, doing: Text): Problem {
  const permission = PERMISSION_FOR[purpose];
  const shape = asGitHubError(error);
  const make = (code: string, message: Text, fix?: Text): Problem => problem(code, 'error', {}, message, fix);

  if (shape === undefined) {
    const text = error instanceof Error ? error.message : String(error);
    return make('github-unexpected-error', {
      ja: `${doing.ja}中に予期しないエラーが起きました: ${text}`,
      en: `Unexpected error while ${doing.en}: ${text}`,
    });
  }
  const detail = shortMessage(shape.message);
  if (isRateLimited(shape)) {
    const reset = resetText(shape.headers);
    return make(
      'github-rate-limited',
      {
        ja: `${doing.ja}中、GitHub のレート制限 (${shape.status}) が待機後も続いたため中止しました。${reset.ja}`,
        en: `Gave up ${doing.en}: GitHub's rate limit (${shape.status}) persisted after waiting. ${reset.en}`.trim(),
      },
      { ja: 'しばらくしてからワークフローを再実行してください。', en: 'Re-run the workflow later.' },
    );
  }
  if (shape.status === 401) {
    return make(
      'github-bad-credentials',
      { ja: `${doing.ja}中、GitHub がトークンを拒否しました (401 ${detail})。`, en: `GitHub rejected the token while ${doing.en} (401 ${detail}).` },
      { ja: 'GITHUB_TOKEN に有効なトークンを渡してください。', en: 'Pass a valid token in GITHUB_TOKEN.' },
    );
  }
  if (shape.status === 403) {
    return make(
      'github-permission-denied',
      {
        ja: `${doing.ja}が拒否されました (403 ${detail})。トークンに権限 \`${permission}\` が必要です。`,
        en: `GitHub refused ${doing.en} (403 ${detail}). The token needs the permission \`${permission}\`.`,
      },
      {
        ja: `ワークフローのジョブに \`permissions:\` として \`${permission}\` を書いてください。`,
        en: `Grant \`${permission}\` in the job's \`permissions:\`.`,
      },
    );
  }
  if (shape.status === 404) {
    return make('github-not-found', {
      ja: `${doing.ja}中、GitHub が 404 (${detail}) を返しました。リポジトリ名を確認してください。非公開リポジトリではトークンの権限不足 (\`${permission}\`) でも 404 になります。`,
      en: `GitHub answered 404 (${detail}) while ${doing.en}. Check the repository name; for a private repository a token without \`${permission}\` also gets 404.`,
    });
  }
  if (shape.status >= 500) {
    return make(
      'github-unavailable',
      {
        ja: `${doing.ja}中、再試行しても GitHub に接続できませんでした (${shape.status} ${detail})。`,
        en: `GitHub could not be reached while ${doing.en}, even after retries (${shape.status} ${detail}).`,
      },
      { ja: 'しばらくしてからワークフローを再実行してください。', en: 'Re-run the workflow later.' },
    );
  }
  return make('github-request-failed', {
    ja: `${doing.ja}に失敗しました (${shape.status} ${detail})。`,
    en: `GitHub refused ${doing.en} (${shape.status} ${detail}).`,
  });
}
