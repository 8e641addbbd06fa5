/**
 * The repository on "GitHub" as a local bare remote, a staff clone that pushes to it, and an
 * offline actions/checkout that clones it into the runner's workspace.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXAMPLES, SOURCE_WORKBOOK } from '../../helpers/project.ts';
import type { ActionEmulation } from './runner.ts';

const STAFF = {
  GIT_AUTHOR_NAME: 'Hiratsuka Staff',
  GIT_AUTHOR_EMAIL: 'staff@example.invalid',
  GIT_COMMITTER_NAME: 'GitHub',
  GIT_COMMITTER_EMAIL: 'noreply@github.com',
};

export function git(cwd: string, ...args: string[]): string {
  const home = path.join(os.tmpdir(), 'git-test-home');
  mkdirSync(home, { recursive: true });
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...STAFF, HOME: home, GIT_CONFIG_NOSYSTEM: '1' } }).trim();
}

export interface Remote {
  /** The bare repository: `origin` of every checkout. */
  path: string;
  /** A clone on a staff member's machine. */
  staff: string;
  /** Writes files in the staff clone, commits and pushes them to `branch` (default main); returns the new commit. */
  push(files: Record<string, string | Uint8Array>, message: string, branch?: string): Promise<string>;
  /** Lets `change` edit the staff clone (on `branch`, from main when new), then commits everything and pushes. */
  update(message: string, change: (dir: string) => Promise<void> | void, branch?: string): Promise<string>;
}

export const DATASET = 'covid19-measures';

/** A bare remote whose main holds a copy of the examples' schema/ and the Hiratsuka workbook (dist/ empty). */
export function createRemote(): Remote {
  const root = mkdtempSync(path.join(os.tmpdir(), 'remote-'));
  const bare = path.join(root, 'opendata.git');
  const staff = path.join(root, 'staff');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  git(root, 'init', '--quiet', '--initial-branch=main', staff);
  // The examples' schema/ and the Hiratsuka list (other datasets declared later are left out,
  // so that one run publishes exactly one version).
  const onlyMeasures = (source: string): boolean => !source.includes(`${path.sep}datasets${path.sep}`) || path.basename(source).startsWith(`${DATASET}.`);
  cpSync(path.join(EXAMPLES, 'schema'), path.join(staff, 'schema'), { recursive: true, filter: onlyMeasures });
  mkdirSync(path.join(staff, 'sources'));
  cpSync(SOURCE_WORKBOOK, path.join(staff, 'sources', path.basename(SOURCE_WORKBOOK)));
  mkdirSync(path.join(staff, 'dist'));
  git(staff, 'add', 'schema', 'sources');
  git(staff, 'commit', '--quiet', '-m', 'Add the Hiratsuka list');
  git(staff, 'remote', 'add', 'origin', bare);
  git(staff, 'push', '--quiet', 'origin', 'main');
  const update = async (message: string, change: (dir: string) => Promise<void> | void, branch = 'main'): Promise<string> => {
    git(staff, 'fetch', '--quiet', 'origin');
    const exists = git(staff, 'ls-remote', '--heads', 'origin', branch) !== '';
    git(staff, 'checkout', '--quiet', '-B', branch, exists ? `origin/${branch}` : 'origin/main');
    await change(staff);
    git(staff, 'add', '--all');
    git(staff, 'commit', '--quiet', '-m', message);
    git(staff, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
    return git(staff, 'rev-parse', 'HEAD');
  };
  const push = (files: Record<string, string | Uint8Array>, message: string, branch?: string): Promise<string> =>
    update(
      message,
      (dir) => {
        for (const [file, content] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          writeFileSync(path.join(dir, file), content);
        }
      },
      branch,
    );
  return { path: bare, staff, push, update };
}

export interface RemoteState {
  main: string;
  commits: number;
  /** Tag name → the commit it points at. */
  tags: Record<string, string>;
}

export function remoteState(bare: string): RemoteState {
  const tags: Record<string, string> = {};
  const list = git(bare, 'for-each-ref', '--format=%(refname:short) %(*objectname)%(objectname)', 'refs/tags');
  for (const line of list.split('\n').filter(Boolean)) {
    const [name = '', objects = ''] = line.split(' ');
    // Annotated tags print the peeled commit first, then the tag object: keep the commit.
    tags[name] = objects.slice(0, 40);
  }
  return { main: git(bare, 'rev-parse', 'main'), commits: Number(git(bare, 'rev-list', '--count', 'main')), tags };
}

/**
 * actions/checkout, offline: a full clone of the remote (all history and tags). With `ref`
 * the branch's current tip; without it, the event's commit, on the event's branch for a push
 * (for a pull request the event's commit stands for the merge commit refs/pull/N/merge).
 */
export function checkoutFrom(bare: string, event: { sha: string; ref: string }): ActionEmulation {
  return ({ workspace, with: inputs }) => {
    git(workspace, 'clone', '--quiet', '--no-checkout', bare, '.');
    const ref = inputs.ref || event.ref;
    if (!ref.startsWith('refs/heads/')) {
      git(workspace, 'checkout', '--quiet', '--detach', event.sha);
      return;
    }
    const branch = ref.slice('refs/heads/'.length);
    git(workspace, 'checkout', '--quiet', '-B', branch, inputs.ref ? `origin/${branch}` : event.sha);
  };
}
