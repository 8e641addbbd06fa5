import type { Octokit } from '@octokit/rest';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), value);

const asNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** `owner/name` of the repository the event happened in. */
function repositoryOf(payload: unknown): { owner: string; repo: string } | undefined {
  const fullName = asString(at(payload, 'repository', 'full_name')) ?? asString(at(payload, 'workflow_run', 'repository', 'full_name'));
  const [owner, repo, ...rest] = (fullName ?? '').split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

interface PullLike {
  number: number;
  head: { sha: string };
  base?: { repo?: { full_name?: string } | null };
}

/**
 * The pull request a `workflow_run` event ran for. `workflow_run.pull_requests` is empty
 * for pull requests from forks, so the head commit is looked up: first
 * `GET /repos/{o}/{r}/commits/{sha}/pulls`, then the open pull requests by `head.sha`.
 */
export async function pullRequestNumberFromWorkflowRun(octokit: Octokit, payload: unknown): Promise<number | null> {
  const where = repositoryOf(payload);
  const listed = at(payload, 'workflow_run', 'pull_requests');
  if (Array.isArray(listed)) {
    // The list can name pull requests of other repositories that share the commit: keep ours.
    const suffix = where ? `/repos/${where.owner}/${where.repo}`.toLowerCase() : undefined;
    const inThisRepo = (pr: unknown): boolean => {
      const url = asString(at(pr, 'base', 'repo', 'url'));
      return url === undefined || suffix === undefined || url.toLowerCase().endsWith(suffix);
    };
    const number = asNumber(at(listed.find(inThisRepo), 'number'));
    if (number !== null) return number;
  }

  const sha = asString(at(payload, 'workflow_run', 'head_sha'));
  if (where === undefined || sha === undefined) return null;
  const { owner, repo } = where;
  const matching = (pulls: PullLike[]): number | null =>
    pulls.find((pr) => pr.head.sha === sha && (pr.base?.repo?.full_name ?? `${owner}/${repo}`) === `${owner}/${repo}`)?.number ??
    null;

  const byCommit = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const fromCommit = matching(byCommit);
  if (fromCommit !== null) return fromCommit;

  const open = await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'open', per_page: 100 });
  return matching(open);
}

/** The pull request of a `pull_request` (or `pull_request_target`) event payload. */
export function pullRequestNumberFromPullRequestEvent(payload: unknown): number | null {
  return asNumber(at(payload, 'pull_request', 'number')) ?? asNumber(at(payload, 'number'));
}

/** The pull request number from either event payload; null when the event is about none. */
export async function pullRequestNumberFromEvent(octokit: Octokit, payload: unknown): Promise<number | null> {
  if (isObject(at(payload, 'workflow_run'))) return pullRequestNumberFromWorkflowRun(octokit, payload);
  return pullRequestNumberFromPullRequestEvent(payload);
}
