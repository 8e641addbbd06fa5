/** Event payloads shaped like the ones GitHub writes to $GITHUB_EVENT_PATH (the fields our steps may read, and more). */
import type { Value } from './expressions.ts';
import { git } from './gitRepo.ts';

export const OWNER = 'city';
export const REPO = 'opendata';
const ZERO = '0'.repeat(40);

function repository(apiUrl: string): Record<string, Value> {
  return {
    id: 812345678,
    node_id: 'R_kgDOMBdeTg',
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    private: false,
    owner: { login: OWNER, id: 98765, type: 'Organization' },
    html_url: `https://github.com/${OWNER}/${REPO}`,
    url: `${apiUrl}/repos/${OWNER}/${REPO}`,
    default_branch: 'main',
  };
}

const sender = { login: 'hiratsuka-staff', id: 4242, type: 'User' };

function commitJson(cwd: string, sha: string): Record<string, Value> {
  const [message = '', timestamp = '', name = '', email = ''] = git(cwd, 'show', '-s', '--format=%s%x00%aI%x00%an%x00%ae', sha).split('\0');
  const changed = git(cwd, 'show', '--name-status', '--format=', sha).split('\n').filter(Boolean);
  const files = (status: string) => changed.filter((l) => l.startsWith(status)).map((l) => l.split('\t')[1] ?? '');
  return {
    id: sha,
    tree_id: git(cwd, 'rev-parse', `${sha}^{tree}`),
    distinct: true,
    message,
    timestamp,
    url: `https://github.com/${OWNER}/${REPO}/commit/${sha}`,
    author: { name, email, username: sender.login },
    committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
    added: files('A'),
    removed: files('D'),
    modified: files('M'),
  };
}

/** A `push` to main of the commits `before..after`, read from a clone that has them. */
export function pushEvent(clone: string, apiUrl: string, before: string | null, after: string): Record<string, Value> {
  const shas = git(clone, 'rev-list', '--reverse', before ? `${before}..${after}` : after).split('\n').filter(Boolean);
  const commits = shas.map((sha) => commitJson(clone, sha));
  return {
    ref: 'refs/heads/main',
    before: before ?? ZERO,
    after,
    base_ref: null,
    created: before === null,
    deleted: false,
    forced: false,
    compare: `https://github.com/${OWNER}/${REPO}/compare/${(before ?? ZERO).slice(0, 12)}...${after.slice(0, 12)}`,
    commits,
    head_commit: commits.at(-1) ?? null,
    pusher: { name: sender.login, email: 'staff@example.invalid' },
    repository: repository(apiUrl),
    sender,
  };
}

/** `workflow_dispatch` from the Actions tab, on main. */
export function dispatchEvent(apiUrl: string): Record<string, Value> {
  return { inputs: {}, ref: 'refs/heads/main', repository: repository(apiUrl), sender, workflow: '.github/workflows/publish.yml' };
}

export interface PullInfo {
  number: number;
  headSha: string;
  headRef: string;
  baseSha: string;
  /** `owner/name` of the head repository; a fork's pull request is not listed in the payload. */
  headRepo?: string;
}

/** `workflow_run` completed, for a run of validate on a pull request. */
export function workflowRunEvent(apiUrl: string, pull: PullInfo, run: { id: number; conclusion: 'success' | 'failure' }): Record<string, Value> {
  const repo = repository(apiUrl);
  const headRepo = pull.headRepo ?? `${OWNER}/${REPO}`;
  const fork = headRepo !== `${OWNER}/${REPO}`;
  const repoRef = { id: repo.id!, url: repo.url!, name: REPO };
  return {
    action: 'completed',
    workflow_run: {
      id: run.id,
      name: 'validate',
      node_id: 'WFR_kwLOabc',
      head_branch: pull.headRef,
      head_sha: pull.headSha,
      path: '.github/workflows/validate.yml',
      run_number: 12,
      run_attempt: 1,
      event: 'pull_request',
      status: 'completed',
      conclusion: run.conclusion,
      workflow_id: 55501,
      url: `${apiUrl}/repos/${OWNER}/${REPO}/actions/runs/${run.id}`,
      html_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${run.id}`,
      pull_requests: fork
        ? []
        : [{ url: `${apiUrl}/repos/${OWNER}/${REPO}/pulls/${pull.number}`, id: 1900000 + pull.number, number: pull.number, head: { ref: pull.headRef, sha: pull.headSha, repo: repoRef }, base: { ref: 'main', sha: pull.baseSha, repo: repoRef } }],
      head_repository: { full_name: headRepo, name: REPO },
      repository: repo,
    },
    workflow: { id: 55501, name: 'validate', path: '.github/workflows/validate.yml', state: 'active' },
    repository: repo,
    sender,
  };
}

/** `pull_request` (opened or synchronize) from a branch of the repository itself. */
export function pullRequestEvent(apiUrl: string, pull: PullInfo, action: 'opened' | 'synchronize'): Record<string, Value> {
  const repo = repository(apiUrl);
  return {
    action,
    number: pull.number,
    pull_request: {
      url: `${apiUrl}/repos/${OWNER}/${REPO}/pulls/${pull.number}`,
      id: 1900000 + pull.number,
      number: pull.number,
      state: 'open',
      title: '一覧表を更新しました',
      user: sender,
      head: { label: `${OWNER}:${pull.headRef}`, ref: pull.headRef, sha: pull.headSha, repo },
      base: { label: `${OWNER}:main`, ref: 'main', sha: pull.baseSha, repo },
      draft: false,
      merged: false,
    },
    repository: repo,
    sender,
  };
}
