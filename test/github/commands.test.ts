import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentCommand, releaseCommand, releasesFromFileCommand } from '../../pipeline/github/commands.ts';
import type { PublishedVersion } from '../../pipeline/github/publishedVersions.ts';
import { type FakeGitHub, startFakeGitHub } from './fakeGitHub.ts';

const OWNER = 'city';
const REPO = 'opendata';
const TOKEN = 'ghs_test_token_never_printed';
const SHA = 'd'.repeat(40);
const fast = { retryBaseMs: 5, retries: 1 };

let fake: FakeGitHub;
let dir: string;
let env: Record<string, string>;

const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeEach(async () => {
  fake = await startFakeGitHub({ tokens: { [TOKEN]: {}, 'read-only': { readOnly: true } } });
  dir = mkdtempSync(join(tmpdir(), 'gh-commands-'));
  env = { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: fake.url, GITHUB_TOKEN: TOKEN, GITHUB_SHA: SHA };
});
afterEach(async () => {
  await fake.close();
});

const expectNoToken = (messages: string[]): void => {
  expect(messages.join('\n')).not.toContain(TOKEN);
};

describe('releaseCommand', () => {
  it('creates the release from files, and a re-run changes nothing', async () => {
    const notes = file('notes.md', '## population v1.0.0\n');
    const zip = file('population-1.0.0.zip', new Uint8Array([80, 75, 3, 4, 0, 255]));
    const options = { env, tag: 'population-v1.0.0', name: 'population v1.0.0', bodyFile: notes, assetFiles: [zip], client: fast };

    const first = await releaseCommand(options);
    expect(first.exitCode).toBe(0);
    expect(first.messages[0]).toBe(`Created release population-v1.0.0: https://github.com/${OWNER}/${REPO}/releases/tag/population-v1.0.0`);
    const release = fake.release(OWNER, REPO, 'population-v1.0.0');
    expect(release).toMatchObject({ name: 'population v1.0.0', body: '## population v1.0.0\n' });
    expect(release?.assets[0]).toMatchObject({ name: 'population-1.0.0.zip', contentType: 'application/zip' });
    expect([...(release?.assets[0]?.data ?? [])]).toEqual([80, 75, 3, 4, 0, 255]);

    const again = await releaseCommand(options);
    expect(again.exitCode).toBe(0);
    expect(again.messages.join('\n')).toContain('already present: population-1.0.0.zip');
    expect(fake.count('POST', `/repos/${OWNER}/${REPO}/releases`)).toBe(1);
    expectNoToken([...first.messages, ...again.messages]);
  });

  it('says which permission is missing when there is no token', async () => {
    const { GITHUB_TOKEN: _, ...noToken } = env;
    const result = await releaseCommand({ env: noToken, tag: 't', bodyFile: 'x', assetFiles: [] });
    expect(result.exitCode).toBe(1);
    expect(result.messages.join('\n')).toContain('contents: write');
    expect(fake.requests).toHaveLength(0);
  });

  it('names contents: write when a read-only token is refused', async () => {
    const notes = file('notes.md', 'n');
    const result = await releaseCommand({ env: { ...env, GITHUB_TOKEN: 'read-only' }, tag: 't-v1', bodyFile: notes, assetFiles: [], client: fast });
    expect(result.exitCode).toBe(1);
    expect(result.messages.join('\n')).toMatch(/403 Resource not accessible by integration\)\. The token needs the permission `contents: write`/);
  });

  it('refuses a missing asset file before talking to GitHub', async () => {
    const notes = file('notes.md', 'n');
    const result = await releaseCommand({ env, tag: 't-v1', bodyFile: notes, assetFiles: [join(dir, 'missing.zip')] });
    expect(result).toMatchObject({ exitCode: 1 });
    expect(result.messages.join('\n')).toMatch(/Cannot read the release asset .*missing\.zip \(ENOENT\)/);
    expect(fake.requests).toHaveLength(0);
  });

  it('turns a GitHub outage that outlasts the retries into exit 1 and a message', async () => {
    fake.failNext(100, { status: 502 });
    const result = await releaseCommand({ env, tag: 't-v1', bodyFile: file('n.md', 'n'), assetFiles: [], client: fast });
    expect(result.exitCode).toBe(1);
    expect(result.messages.join('\n')).toContain('GitHub could not be reached while creating release t-v1, even after retries (502');
    expect(fake.count('GET', /releases\/tags/, 502)).toBe(2);
  });

  it('turns an unreachable server into exit 1 and a message', async () => {
    const url = fake.url;
    await fake.close();
    const result = await releaseCommand({ env: { ...env, GITHUB_API_URL: url }, tag: 't-v1', bodyFile: file('n.md', 'n'), assetFiles: [], client: fast });
    expect(result.exitCode).toBe(1);
    expect(result.messages.join('\n')).toMatch(/could not be reached .* even after retries \(500 /);
    fake = await startFakeGitHub();
  });
});

describe('releasesFromFileCommand', () => {
  const version = (dataset: string, v: string): PublishedVersion => ({
    dataset,
    version: v,
    tag: `${dataset}-v${v}`,
    notesFile: file(`${dataset}.md`, `notes for ${dataset}`),
    zipFile: file(`${dataset}-${v}.zip`, `zip of ${dataset}`),
  });

  it('creates one release per published version and completes a half-done one', async () => {
    const population = version('population', '1.1.0');
    const budget = { ...version('budget', '2.0.0'), assetFiles: [file('datapackage.json', '{}')] };
    const half = fake.addRelease(OWNER, REPO, { tag: budget.tag });
    fake.addAsset(half, 'budget-2.0.0.zip', new TextEncoder().encode('zip of budget'));
    const from = file('published.json', JSON.stringify([population, budget]));

    const result = await releasesFromFileCommand({ env, fromFile: from, client: fast });
    expect(result.exitCode).toBe(0);
    expect(fake.release(OWNER, REPO, 'population-v1.1.0')).toMatchObject({ name: 'population v1.1.0', body: 'notes for population' });
    expect(half.assets.map((a) => a.name)).toEqual(['budget-2.0.0.zip', 'datapackage.json']);
    expect(result.messages.join('\n')).toContain('Found release budget-v2.0.0');
  });

  it('does nothing for an empty list', async () => {
    const result = await releasesFromFileCommand({ env, fromFile: file('published.json', '[]') });
    expect(result.exitCode).toBe(0);
    expect(result.messages[0]).toContain('No newly published versions');
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects a file that breaks the contract', async () => {
    const result = await releasesFromFileCommand({ env, fromFile: file('published.json', '[{"dataset":"x"}]') });
    expect(result.exitCode).toBe(1);
    expect(result.messages.join('\n')).toContain('published-versions file [0] is invalid');
  });
});

describe('commentCommand', () => {
  const workflowRunEvent = () =>
    file(
      'event.json',
      JSON.stringify({
        action: 'completed',
        repository: { full_name: `${OWNER}/${REPO}` },
        workflow_run: { id: 99, event: 'pull_request', head_sha: SHA, pull_requests: [] },
      }),
    );

  it('comments on the fork pull request of a workflow_run, then edits the same comment', async () => {
    fake.addPull(OWNER, REPO, { number: 17, headSha: SHA, headRepo: 'staff/opendata' });
    const options = { env: { ...env, GITHUB_EVENT_PATH: workflowRunEvent() }, bodyFile: file('body.md', '# 検証結果\n'), marker: 'opendata-report', client: fast };

    const first = await commentCommand(options);
    expect(first).toEqual({ exitCode: 0, messages: [expect.stringMatching(/^Comment created on #17: https:\/\/github\.com\/city\/opendata\/pull\/17#issuecomment-\d+$/)] });
    writeFileSync(options.bodyFile, '# 検証結果\nOK\n');
    const second = await commentCommand(options);
    expect(second.messages[0]).toMatch(/^Comment updated on #17/);
    expect(fake.comments(OWNER, REPO, 17).map((c) => c.body)).toEqual(['<!-- opendata-report -->\n# 検証結果\nOK\n']);
  });

  it('comments on the pull request of a pull_request event', async () => {
    const event = file('pr.json', JSON.stringify({ number: 3, pull_request: { number: 3 }, repository: { full_name: `${OWNER}/${REPO}` } }));
    const result = await commentCommand({ env: { ...env, GITHUB_EVENT_PATH: event }, bodyFile: file('b.md', 'hi'), marker: 'opendata-report' });
    expect(result.exitCode).toBe(0);
    expect(fake.comments(OWNER, REPO, 3)).toHaveLength(1);
  });

  it('does nothing, successfully, when no pull request matches', async () => {
    const result = await commentCommand({ env: { ...env, GITHUB_EVENT_PATH: workflowRunEvent() }, bodyFile: file('b.md', 'hi'), marker: 'm' });
    expect(result.exitCode).toBe(0);
    expect(result.messages.join('\n')).toContain('No pull request found');
    expect(fake.count('POST', /comments$/)).toBe(0);
  });

  it('names pull-requests: write when the token may not comment', async () => {
    fake.addPull(OWNER, REPO, { number: 17, headSha: SHA });
    const result = await commentCommand({
      env: { ...env, GITHUB_TOKEN: 'read-only', GITHUB_EVENT_PATH: workflowRunEvent() },
      bodyFile: file('b.md', 'hi'),
      marker: 'm',
      client: fast,
    });
    expect(result.exitCode).toBe(1);
    expect(result.messages.join('\n')).toContain('`pull-requests: write`');
  });

  it('needs GITHUB_EVENT_PATH and a non-empty body', async () => {
    const noEvent = await commentCommand({ env, bodyFile: file('b.md', 'hi'), marker: 'm' });
    expect(noEvent.exitCode).toBe(1);
    expect(noEvent.messages.join('\n')).toContain('GITHUB_EVENT_PATH');
    const empty = await commentCommand({ env: { ...env, GITHUB_EVENT_PATH: workflowRunEvent() }, bodyFile: file('e.md', ' \n'), marker: 'm' });
    expect(empty.exitCode).toBe(1);
    expect(fake.requests).toHaveLength(0);
  });
});
