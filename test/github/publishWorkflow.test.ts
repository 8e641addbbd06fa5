/**
 * publish.yml end to end, offline: its `run:` scripts run verbatim with bash against a bare git
 * remote and the fake GitHub, with `npx opendata` resolved to this repository's CLI.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from './fakeGitHub.ts';
import { dispatchEvent, OWNER, pushEvent, REPO } from './workflow/events.ts';
import { createRemote, git, type Remote, remoteState } from './workflow/gitRepo.ts';
import { runPublish } from './workflow/publishRun.ts';
import type { JobResult } from './workflow/runner.ts';

const TOKEN = 'ghs_publish_token';
const TAG = 'covid19-measures-v1.0.0';
const VERSION_DIR = 'dist/covid19-measures/1.0.0';
const ZIP = 'covid19-measures-1.0.0.zip';
const WRITES = /^(POST|PATCH|PUT|DELETE)$/;

let fake: FakeGitHub;
let remote: Remote;

beforeEach(async () => {
  fake = await startFakeGitHub({ tokens: { [TOKEN]: {}, 'read-only': { readOnly: true } } });
  remote = createRemote();
});
afterEach(async () => {
  await fake.close();
});

const blob = (rev: string): Buffer => execFileSync('git', ['cat-file', 'blob', rev], { cwd: remote.path });
const outcome = (run: JobResult, prefix: string) => run.steps.find((s) => s.name.startsWith(prefix))?.outcome;
const writes = () => fake.requests.filter((r) => WRITES.test(r.method));

function pushRun(options: { token?: string; runAttempt?: number } = {}) {
  const sha = remoteState(remote.path).main;
  const payload = pushEvent(remote.staff, fake.url, null, sha);
  return { fake, remote: remote.path, eventName: 'push' as const, payload, sha, token: options.token ?? TOKEN, ...options };
}

function expectOneRelease(): void {
  expect(fake.releases).toHaveLength(1);
  const release = fake.release(OWNER, REPO, TAG)!;
  expect(release).toMatchObject({ name: 'covid19-measures v1.0.0', draft: false });
  expect(release.body).toBe(blob(`${TAG}:${VERSION_DIR}/CHANGES.md`).toString('utf8'));
  expect(release.assets.map((a) => [a.name, a.contentType])).toEqual([[ZIP, 'application/zip']]);
  expect(Buffer.from(release.assets[0]!.data).equals(blob(`${TAG}:${VERSION_DIR}/${ZIP}`))).toBe(true);
}

describe('publish.yml, run as the runner runs it', () => {
  it('publishes once: one commit, one tag, one release with the zip; further runs add nothing', async () => {
    const before = remoteState(remote.path);
    const push = pushRun();
    const first = await runPublish(push);
    expect(first.result, first.log).toBe('success');

    const after = remoteState(remote.path);
    expect(after.commits).toBe(before.commits + 1);
    expect(git(remote.path, 'rev-parse', `${after.main}^`)).toBe(before.main);
    expect(after.tags).toEqual({ [TAG]: after.main });
    expect(git(remote.path, 'log', '-1', '--format=%an <%ae>%n%s', 'main')).toBe(
      'github-actions[bot] <41898283+github-actions[bot]@users.noreply.github.com>\npublish: covid19-measures v1.0.0',
    );
    const changed = git(remote.path, 'diff', '--name-only', before.main, after.main).split('\n');
    expect(changed.every((f) => f.startsWith('dist/'))).toBe(true);
    expect(changed).toEqual(expect.arrayContaining([`${VERSION_DIR}/CHANGES.md`, `${VERSION_DIR}/${ZIP}`, 'dist/covid19-measures/index.json']));
    expectOneRelease();
    expect(fake.count('POST', `/repos/${OWNER}/${REPO}/releases`)).toBe(1);
    expect(fake.count('POST', /^\/uploads\//)).toBe(1);

    const requests = fake.requests.length;
    // The same push once more (a queued duplicate): its checkout already holds 1.0.0.
    const second = await runPublish(push);
    expect(second.result, second.log).toBe('success');
    expect(outcome(second, 'Commit dist/')).toBe('skipped');
    expect(outcome(second, 'Create the GitHub releases')).toBe('skipped');
    expect(remoteState(remote.path)).toEqual(after);
    expect(fake.requests).toHaveLength(requests);

    // By hand from the Actions tab: it checks every tagged version and changes nothing.
    const dispatched = await runPublish({ ...push, sha: after.main, eventName: 'workflow_dispatch', payload: dispatchEvent(fake.url) });
    expect(dispatched.result, dispatched.log).toBe('success');
    expect(outcome(dispatched, 'Complete releases')).toBe('success');
    expect(fake.requests.length).toBeGreaterThan(requests);
    expect(writes()).toHaveLength(2);
    expect(remoteState(remote.path)).toEqual(after);
    expectOneRelease();
  }, 180_000);

  it('a release that failed after the push is completed by re-running the job, which commits nothing', async () => {
    const attempt = pushRun();
    const failed = await runPublish({ ...attempt, token: 'read-only' });
    expect(failed.result).toBe('failure');
    expect(outcome(failed, 'Create the GitHub releases')).toBe('failure');
    expect(failed.log).toContain('`contents: write`');
    expect(outcome(failed, 'Complete releases')).toBe('skipped');
    const pushed = remoteState(remote.path);
    expect(pushed.tags).toEqual({ [TAG]: pushed.main });
    expect(fake.releases).toHaveLength(0);

    // "Re-run failed jobs": the same event and commit, attempt 2.
    const rerun = await runPublish({ ...attempt, runAttempt: 2 });
    expect(rerun.result, rerun.log).toBe('success');
    expect(outcome(rerun, 'Commit dist/')).toBe('skipped');
    expect(outcome(rerun, 'Complete releases')).toBe('success');
    expect(remoteState(remote.path)).toEqual(pushed);
    expectOneRelease();
  }, 180_000);

  it('when main moves during the run, the dist/ commit goes on top and the tag follows it', async () => {
    const before = remoteState(remote.path);
    let staffCommit = '';
    const run = await runPublish({
      ...pushRun(),
      beforeStep: async (step) => {
        if (step.name?.startsWith('Commit dist/')) staffCommit = await remote.push({ 'docs/README.md': '# 手順\n' }, 'Add the upload guide');
      },
    });
    expect(run.result, run.log).toBe('success');
    expect(run.log).toContain('main moved: rebasing the dist/ commit (attempt 1)');
    const after = remoteState(remote.path);
    expect(after.commits).toBe(before.commits + 2);
    expect(git(remote.path, 'rev-parse', `${after.main}^`)).toBe(staffCommit);
    expect(after.tags).toEqual({ [TAG]: after.main });
    expectOneRelease();
  }, 180_000);
});
