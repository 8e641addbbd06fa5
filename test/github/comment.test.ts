import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertComment } from '../../pipeline/github/comment.ts';
import { MAX_COMMENT_LENGTH, commentBody } from '../../pipeline/github/commentBody.ts';
import { type FakeGitHub, startFakeGitHub } from './fakeGitHub.ts';
import { testClient } from './testClient.ts';

const OWNER = 'city';
const REPO = 'opendata';
const PR = 42;
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`;
const MARKER = 'opendata-report';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

const upsert = (body: string, marker = MARKER) =>
  upsertComment(testClient(fake), { owner: OWNER, repo: REPO, issueNumber: PR, marker, body });

describe('upsertComment', () => {
  it('creates the comment once, then edits the same one across 3 pages of other comments', async () => {
    for (let i = 0; i < 230; i++) fake.addComment(OWNER, REPO, PR, `review comment ${i}`);

    const first = await upsert('## Report\n\n2 errors');
    expect(first.action).toBe('created');
    expect(fake.comments(OWNER, REPO, PR)).toHaveLength(231);
    const mine = fake.comments(OWNER, REPO, PR).at(-1);
    expect(mine?.body).toBe('<!-- opendata-report -->\n## Report\n\n2 errors');
    expect(mine?.login).toBe('github-actions[bot]');

    const second = await upsert('## Report\n\nno errors');
    expect(second).toMatchObject({ id: first.id, action: 'updated' });
    expect(fake.comments(OWNER, REPO, PR)).toHaveLength(231);
    expect(mine?.body).toBe('<!-- opendata-report -->\n## Report\n\nno errors');

    // Each run read all three pages of 100.
    expect(fake.count('GET', COMMENTS)).toBe(6);
    expect(fake.count('POST', COMMENTS)).toBe(1);
    expect(fake.count('PATCH', `/repos/${OWNER}/${REPO}/issues/comments/${first.id}`)).toBe(1);
  });

  it('leaves an identical comment alone', async () => {
    const first = await upsert('same');
    const again = await upsert('same');
    expect(again).toMatchObject({ id: first.id, action: 'unchanged' });
    expect(fake.count('PATCH', /comments\/\d+$/)).toBe(0);
  });

  it("prefers the bot's own marked comment over a user's quote of the marker", async () => {
    fake.addComment(OWNER, REPO, PR, 'quoting: <!-- opendata-report -->', { login: 'staff', type: 'User' });
    const bots = fake.addComment(OWNER, REPO, PR, '<!-- opendata-report -->\nold', { login: 'github-actions[bot]', type: 'Bot' });
    const result = await upsert('new');
    expect(result).toMatchObject({ id: bots.id, action: 'updated' });
    expect(fake.comments(OWNER, REPO, PR)[0]?.body).toBe('quoting: <!-- opendata-report -->');
  });

  it("never edits a person's comment that quotes the marker", async () => {
    const quote = fake.addComment(OWNER, REPO, PR, '<!-- opendata-report -->\nI copied this', { login: 'staff', type: 'User' });
    const result = await upsert('report');
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(quote.id);
    expect(quote.body).toBe('<!-- opendata-report -->\nI copied this');
  });

  it('keeps comments with different markers apart', async () => {
    const a = await upsert('population', 'opendata-report:population');
    const b = await upsert('budget', 'opendata-report:budget');
    expect(a.id).not.toBe(b.id);
    expect(fake.comments(OWNER, REPO, PR)).toHaveLength(2);
  });

  it('cuts a body over 65,536 characters and says so', async () => {
    const result = await upsert('表'.repeat(70_000));
    expect(result.action).toBe('created');
    const body = fake.comments(OWNER, REPO, PR)[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(body.startsWith('<!-- opendata-report -->\n')).toBe(true);
    expect(body).toContain('65,536');
    expect(body).toContain('GitHub’s comment limit');
  });
});

describe('commentBody', () => {
  it('never splits a surrogate pair when cutting', () => {
    for (const prefix of ['', 'x']) {
      const body = commentBody(MARKER, prefix + '😀'.repeat(40_000));
      expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
      // encodeURIComponent throws on a lone surrogate.
      expect(() => encodeURIComponent(body)).not.toThrow();
    }
  });

  it('leaves a short body whole and accepts a ready-made marker', () => {
    expect(commentBody('<!-- x -->', 'hi')).toBe('<!-- x -->\nhi');
  });

  it('refuses a marker that would end the HTML comment early', () => {
    expect(() => commentBody('a-->b', 'x')).toThrow(/marker/);
  });
});
