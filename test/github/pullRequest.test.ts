import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestNumberFromEvent, pullRequestNumberFromWorkflowRun } from '../../pipeline/github/pullRequest.ts';
import { type FakeGitHub, startFakeGitHub } from './fakeGitHub.ts';
import { testClient } from './testClient.ts';

const OWNER = 'city';
const REPO = 'opendata';
const SHA = 'a'.repeat(40);

/** A `workflow_run` payload as GitHub sends it to comment.yml (trimmed to what is read). */
function workflowRun(pullRequests: unknown[], headRepo = 'staff-fork/opendata') {
  return {
    action: 'completed',
    repository: { full_name: `${OWNER}/${REPO}` },
    workflow_run: {
      id: 123,
      event: 'pull_request',
      head_sha: SHA,
      head_branch: 'update-population',
      head_repository: { full_name: headRepo },
      repository: { full_name: `${OWNER}/${REPO}` },
      pull_requests: pullRequests,
    },
  };
}

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

describe('pullRequestNumberFromWorkflowRun', () => {
  it('takes the listed pull request of a same-repository branch without asking GitHub', async () => {
    const payload = workflowRun(
      [{ number: 7, head: { sha: SHA }, base: { repo: { url: `https://api.github.com/repos/${OWNER}/${REPO}`, name: REPO } } }],
      `${OWNER}/${REPO}`,
    );
    expect(await pullRequestNumberFromWorkflowRun(testClient(fake), payload)).toBe(7);
    expect(fake.requests).toHaveLength(0);
  });

  it('skips a listed pull request that belongs to another repository', async () => {
    fake.addPull(OWNER, REPO, { number: 9, headSha: SHA });
    const payload = workflowRun([{ number: 3, base: { repo: { url: 'https://api.github.com/repos/someone/else', name: 'else' } } }]);
    expect(await pullRequestNumberFromWorkflowRun(testClient(fake), payload)).toBe(9);
  });

  it('resolves a pull request from a fork (empty list) via GET /commits/{sha}/pulls', async () => {
    fake.addPull(OWNER, REPO, { number: 5, headSha: 'b'.repeat(40) });
    fake.addPull(OWNER, REPO, { number: 12, headSha: SHA, headRepo: 'staff-fork/opendata' });
    expect(await pullRequestNumberFromWorkflowRun(testClient(fake), workflowRun([]))).toBe(12);
    expect(fake.count('GET', `/repos/${OWNER}/${REPO}/commits/${SHA}/pulls`)).toBe(1);
    expect(fake.count('GET', `/repos/${OWNER}/${REPO}/pulls`)).toBe(0);
  });

  it('falls back to the open pull requests filtered by head.sha', async () => {
    for (let n = 1; n <= 120; n++) fake.addPull(OWNER, REPO, { number: n, headSha: n.toString(16).padStart(40, '0') });
    fake.addPull(OWNER, REPO, { number: 121, headSha: SHA, headRepo: 'staff-fork/opendata', associatedWithCommit: false });
    expect(await pullRequestNumberFromWorkflowRun(testClient(fake), workflowRun([]))).toBe(121);
    expect(fake.count('GET', `/repos/${OWNER}/${REPO}/pulls`)).toBe(2);
  });

  it('returns null when no pull request has that head commit', async () => {
    fake.addPull(OWNER, REPO, { number: 5, headSha: 'b'.repeat(40) });
    expect(await pullRequestNumberFromWorkflowRun(testClient(fake), workflowRun([]))).toBeNull();
  });

  it('returns null for a payload without a repository or head commit', async () => {
    expect(await pullRequestNumberFromWorkflowRun(testClient(fake), { workflow_run: { pull_requests: [] } })).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('pullRequestNumberFromEvent', () => {
  it('reads a pull_request payload directly', async () => {
    expect(await pullRequestNumberFromEvent(testClient(fake), { number: 8, pull_request: { number: 8 } })).toBe(8);
  });

  it('dispatches a workflow_run payload', async () => {
    fake.addPull(OWNER, REPO, { number: 4, headSha: SHA });
    expect(await pullRequestNumberFromEvent(testClient(fake), workflowRun([]))).toBe(4);
  });

  it('returns null for a push payload', async () => {
    expect(await pullRequestNumberFromEvent(testClient(fake), { ref: 'refs/heads/main' })).toBeNull();
  });
});
