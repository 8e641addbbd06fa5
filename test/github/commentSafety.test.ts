/** The PR comment: only our own comment is edited, a deleted one is made again, and no token is ever printed. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertComment } from '../../pipeline/github/comment.ts';
import { runCli, tempDir } from '../helpers/project.ts';
import { type FakeGitHub, startFakeGitHub } from './fakeGitHub.ts';
import { testClient } from './testClient.ts';

const OWNER = 'city';
const REPO = 'opendata';
const PR = 7;
const MARKER = 'opendata-report';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

const upsert = (body: string) => upsertComment(testClient(fake), { owner: OWNER, repo: REPO, issueNumber: PR, marker: MARKER, body });

describe('the comment edited', () => {
  it("is never another bot's or app's comment that carries the marker", async () => {
    const other = fake.addComment(OWNER, REPO, PR, '<!-- opendata-report -->\nposted by another app', { login: 'helper-app[bot]', type: 'Bot' });
    const result = await upsert('report');
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(other.id);
    expect(other.body).toBe('<!-- opendata-report -->\nposted by another app');
    expect(fake.comments(OWNER, REPO, PR).find((c) => c.id === result.id)?.login).toBe('github-actions[bot]');
  });

  it('is made again when it was deleted between the listing and the edit (GitHub answers 404)', async () => {
    const first = await upsert('first report');
    fake.beforeNext({ method: 'PATCH', path: `/repos/${OWNER}/${REPO}/issues/comments/${first.id}` }, () => fake.deleteComment(first.id));
    const second = await upsert('second report');
    expect(second.action).toBe('created');
    expect(fake.count('PATCH', `/repos/${OWNER}/${REPO}/issues/comments/${first.id}`, 404)).toBe(1);
    expect(fake.comments(OWNER, REPO, PR).map((c) => c.body)).toEqual(['<!-- opendata-report -->\nsecond report']);
  });
});

describe('no token is printed', () => {
  // Not in a GitHub token format: found because it is the token in GITHUB_TOKEN.
  const secret = 'custom-secret-7f3a9c1e';
  const otherTokens = [`ghp_${'A1b2'.repeat(9)}`, `github_pat_${'11ABCDEFG0'.repeat(3)}_${'x'.repeat(20)}`, `gho_${'z'.repeat(36)}`, `ghs_${'9'.repeat(36)}`];
  const echo = `Validation Failed: request by ${secret} (also ${otherTokens.join(', ')})`;
  let dir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    await fake.close();
    fake = await startFakeGitHub({ tokens: { [secret]: {} } });
    dir = tempDir('github-redact-');
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ number: PR, pull_request: { number: PR }, repository: { full_name: `${OWNER}/${REPO}` } }));
    writeFileSync(path.join(dir, 'body.md'), 'report\n');
    env = { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: fake.url, GITHUB_TOKEN: secret, GITHUB_EVENT_PATH: event };
  });

  const expectRedacted = (output: string) => {
    expect(output).toContain('Validation Failed: request by ***');
    expect(output).not.toContain(secret);
    for (const token of otherTokens) expect(output).not.toContain(token);
  };

  it('by github comment, when the server echoes it in an error', async () => {
    fake.failNext(1, { status: 422, message: echo }, { method: 'POST' });
    const run = await runCli(['github', 'comment', '--body-file', 'body.md', '--marker', MARKER], dir, env);
    expect(run.code).toBe(1);
    expectRedacted(`${run.stdout}${run.stderr}`);
  });

  it('by github release, when the server echoes it in an error', async () => {
    writeFileSync(path.join(dir, 'notes.md'), '## notes\n');
    fake.failNext(1, { status: 422, message: echo }, { method: 'POST' });
    const run = await runCli(['github', 'release', '--tag', 'x-v1.0.0', '--notes-file', 'notes.md'], dir, env);
    expect(run.code).toBe(1);
    expectRedacted(`${run.stdout}${run.stderr}`);
  });
});
