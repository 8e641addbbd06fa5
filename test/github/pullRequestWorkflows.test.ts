/**
 * validate.yml then comment.yml end to end, offline, as a staff member's pull request runs them:
 * the scripts run verbatim; artifacts pass from the validate run to the comment run by run id.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { laterSnapshot } from '../fixtures/snapshots.ts';
import { sourceRowOf, sourceWith } from '../fixtures/workbooks.ts';
import { runCli } from '../helpers/project.ts';
import { type FakeGitHub, startFakeGitHub } from './fakeGitHub.ts';
import { ArtifactStore } from './workflow/artifacts.ts';
import { OWNER, type PullInfo, REPO } from './workflow/events.ts';
import { createRemote, DATASET, type Remote, remoteState } from './workflow/gitRepo.ts';
import { type PullRequestRuns, runComment, runValidate } from './workflow/prRuns.ts';

const TOKEN = 'ghs_comment_token';
const WORKBOOK = 'sources/hiratsuka-covid19-measures-2020-09-01.xlsx';
const BRANCH = 'update-2020-10-01';
const MARKER = '<!-- opendata-report -->';

let fake: FakeGitHub;
let remote: Remote;
let runs: PullRequestRuns;

beforeEach(async () => {
  fake = await startFakeGitHub({ tokens: { [TOKEN]: {} } });
  remote = createRemote();
  runs = { fake, remote: remote.path, artifacts: new ArtifactStore(), token: TOKEN };
  // 1.0.0 is already published on main.
  await remote.update('publish: covid19-measures v1.0.0', async (dir) => {
    const published = await runCli(['publish'], dir);
    expect(published.code, published.stderr).toBe(0);
  });
});
afterEach(async () => {
  await fake.close();
});

describe('a pull request: validate.yml, then comment.yml from its workflow_run', () => {
  it('comments once with the report and the diff, then edits that same comment after the next push', async () => {
    const base = remoteState(remote.path).main;
    const pull: PullInfo = { number: 7, headRef: BRANCH, baseSha: base, headSha: await remote.push({ [WORKBOOK]: laterSnapshot() }, 'Add files via upload', BRANCH) };

    const first = await runValidate(runs, pull, 9001, 'opened');
    expect(first.changes.result, first.changes.log).toBe('success');
    expect(first.changes.outputs).toEqual({ datasets: JSON.stringify([DATASET]) });
    expect(first.validate[DATASET]?.result, first.validate[DATASET]?.log).toBe('success');
    expect(runs.artifacts.names(9001)).toEqual([`report-${DATASET}`]);

    const created = await runComment(runs, pull, first);
    expect(created.result, created.log).toBe('success');
    const [comment, ...others] = fake.comments(OWNER, REPO, 7);
    expect(others).toHaveLength(0);
    expect(comment!.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(comment!.body).toContain('1.1.0');
    expect(comment!.body).toContain('(架空)オンライン申請の拡充');
    const firstBody = comment!.body;

    // The next push puts a value the list does not allow into 取組状況 (status) of No.5.
    const cell = `I${sourceRowOf(5)}`;
    pull.headSha = await remote.push({ [WORKBOOK]: sourceWith({ [cell]: { t: 's', v: '実施中' } }) }, 'Fix the status', BRANCH);
    const second = await runValidate(runs, pull, 9003, 'synchronize');
    const job = second.validate[DATASET]!;
    expect(second.conclusion).toBe('failure');
    expect(job.steps.find((s) => s.name === 'Validate')?.outcome).toBe('failure');
    expect(job.steps.find((s) => s.name === 'Upload the report')?.outcome).toBe('success');
    expect(job.log).toMatch(new RegExp(`::error title=[^:]*${cell},file=${WORKBOOK}::`));

    const edited = await runComment(runs, pull, second);
    expect(edited.result, edited.log).toBe('success');
    const after = fake.comments(OWNER, REPO, 7);
    expect(after.map((c) => c.id)).toEqual([comment!.id]);
    expect(after[0]!.body).not.toBe(firstBody);
    expect(after[0]!.body).toContain('実施中');
    expect(after[0]!.body).toContain(cell);
    expect(fake.count('POST', /\/issues\/7\/comments$/)).toBe(1);
    expect(fake.count('PATCH', /\/issues\/comments\/\d+$/)).toBe(1);
  }, 240_000);
});
