/**
 * The repository on "GitHub" as a local bare remote, a staff clone that pushes to it, and an
 * offline actions/checkout that clones it into the runner's workspace.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../helpers/project.ts';
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
  /** Writes files in the staff clone, commits and pushes them to main; returns the new commit. */
  push(files: Record<string, string | Uint8Array>, message: string): string;
}

/** A bare remote whose main holds a copy of this repository's schema/ and sources/ (dist/ empty). */
export function createRemote(): Remote {
  const root = mkdtempSync(path.join(os.tmpdir(), 'remote-'));
  const bare = path.join(root, 'opendata.git');
  const staff = path.join(root, 'staff');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  git(root, 'init', '--quiet', '--initial-branch=main', staff);
  cpSync(path.join(ROOT, 'schema'), path.join(staff, 'schema'), { recursive: true });
  cpSync(path.join(ROOT, 'sources'), path.join(staff, 'sources'), { recursive: true });
  mkdirSync(path.join(staff, 'dist'));
  git(staff, 'add', 'schema', 'sources');
  git(staff, 'commit', '--quiet', '-m', 'Add the Hiratsuka list');
  git(staff, 'remote', 'add', 'origin', bare);
  git(staff, 'push', '--quiet', 'origin', 'main');
  return {
    path: bare,
    staff,
    push(files, message) {
      git(staff, 'pull', '--quiet', '--ff-only', 'origin', 'main');
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(staff, file)), { recursive: true });
        writeFileSync(path.join(staff, file), content);
      }
      git(staff, 'add', '--', ...Object.keys(files));
      git(staff, 'commit', '--quiet', '-m', message);
      git(staff, 'push', '--quiet', 'origin', 'main');
      return git(staff, 'rev-parse', 'HEAD');
    },
  };
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
 * the branch's current tip; without it, the event's commit on the event's branch, as the
 * real action does.
 */
export function checkoutFrom(bare: string, event: { sha: string; ref: string }): ActionEmulation {
  return ({ workspace, with: inputs }) => {
    git(workspace, 'clone', '--quiet', '--no-checkout', bare, '.');
    const ref = inputs.ref || event.ref;
    const branch = ref.replace(/^refs\/heads\//, '');
    const commit = inputs.ref ? `origin/${branch}` : event.sha;
    git(workspace, 'checkout', '--quiet', '-B', branch, commit);
  };
}
