import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeGitHubError } from '../../pipeline/github/describeError.ts';
import { type FakeGitHub, startFakeGitHub } from './fakeGitHub.ts';
import { TOKEN, testClient } from './testClient.ts';

const OWNER = 'city';
const REPO = 'opendata';
const TAG = 'population-v1.0.0';
const BY_TAG = `/repos/${OWNER}/${REPO}/releases/tags/${TAG}`;
const doing = { ja: 'テスト', en: 'testing' };

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.addRelease(OWNER, REPO, { tag: TAG });
});
afterEach(async () => {
  await fake.close();
});

const getRelease = (octokit = testClient(fake)) => octokit.rest.repos.getReleaseByTag({ owner: OWNER, repo: REPO, tag: TAG });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('createGitHubClient: retries', () => {
  it('retries a 502 and succeeds', async () => {
    fake.failNext(1, { status: 502, message: 'Bad Gateway' });
    const { data } = await getRelease();
    expect(data.tag_name).toBe(TAG);
    expect(fake.count('GET', BY_TAG, 502)).toBe(1);
    expect(fake.count('GET', BY_TAG, 200)).toBe(1);
  });

  it('retries a dropped connection', async () => {
    fake.failNext(1, { drop: true });
    const { data } = await getRelease();
    expect(data.tag_name).toBe(TAG);
    expect(fake.count('GET', BY_TAG, 'dropped')).toBe(1);
    expect(fake.count('GET', BY_TAG, 200)).toBe(1);
  });

  it('resends the bytes of an upload whose connection dropped', async () => {
    const release = fake.release(OWNER, REPO, TAG);
    fake.failNext(1, { drop: true }, { method: 'POST', path: /^\/uploads\// });
    const octokit = testClient(fake);
    const { data } = await getRelease(octokit);
    await octokit.rest.repos.uploadReleaseAsset({
      owner: OWNER,
      repo: REPO,
      release_id: data.id,
      url: data.upload_url,
      name: 'a.csv',
      data: new TextEncoder().encode('a,b\n1,2\n') as unknown as string,
      headers: { 'content-type': 'text/csv' },
    });
    expect(fake.count('POST', /^\/uploads\//, 'dropped')).toBe(1);
    expect(new TextDecoder().decode(release?.assets[0]?.data)).toBe('a,b\n1,2\n');
  });

  it('gives up after the configured retries with a clear message', async () => {
    fake.failNext(10, { status: 503 });
    const error = await failure(getRelease(testClient(fake, { retries: 2 })));
    expect(fake.count('GET', BY_TAG, 503)).toBe(3);
    const p = describeGitHubError(error, 'publish', doing);
    expect(p.code).toBe('github-unavailable');
    expect(p.message.en).toMatch(/could not be reached while testing, even after retries \(503/);
  });

  it('does not retry 401 Bad credentials', async () => {
    const strict = await startFakeGitHub({ tokens: { other: {} } });
    try {
      const error = await failure(testClient(strict).rest.repos.getReleaseByTag({ owner: OWNER, repo: REPO, tag: TAG }));
      expect(strict.requests).toHaveLength(1);
      const p = describeGitHubError(error, 'publish', doing);
      expect(p.code).toBe('github-bad-credentials');
      expect(JSON.stringify(p)).not.toContain(TOKEN);
    } finally {
      await strict.close();
    }
  });
});

describe('createGitHubClient: rate limits', () => {
  it('waits for a primary rate limit (403, x-ratelimit-reset) and goes on', async () => {
    fake.failNext(1, { rateLimit: 'primary', resetSeconds: 1 });
    const log: string[] = [];
    const started = Date.now();
    const { data } = await getRelease(testClient(fake, { retryBaseMs: 1000, log: (m) => log.push(m) }));
    expect(data.tag_name).toBe(TAG);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.count('GET', BY_TAG, 403)).toBe(1);
    expect(log.join('\n')).toMatch(/primary rate limit .*waiting [12] s \(wait 1 of 2\)/);
  });

  it('waits for a secondary rate limit (429, retry-after) and goes on', async () => {
    fake.failNext(1, { rateLimit: 'secondary', status: 429, retryAfter: 1 });
    const log: string[] = [];
    const { data } = await getRelease(testClient(fake, { log: (m) => log.push(m) }));
    expect(data.tag_name).toBe(TAG);
    expect(fake.count('GET', BY_TAG, 429)).toBe(1);
    expect(log.join('\n')).toMatch(/secondary rate limit .*waiting 1 s/);
  });

  it('gives up clearly when the limit persists', async () => {
    fake.failNext(10, { rateLimit: 'primary', status: 429, resetSeconds: 1, retryAfter: 1 });
    const log: string[] = [];
    const error = await failure(getRelease(testClient(fake, { rateLimitRetries: 2, log: (m) => log.push(m) })));
    // One try and two waits; plugin-retry does not add its own retries on 429.
    expect(fake.count('GET', BY_TAG, 429)).toBe(3);
    expect(log.at(-1)).toMatch(/giving up after 2 wait\(s\)/);
    const p = describeGitHubError(error, 'publish', doing);
    expect(p.code).toBe('github-rate-limited');
    expect(p.message.en).toMatch(/^Gave up testing: GitHub's rate limit \(429\) persisted after waiting\. GitHub asks to retry after 1 s\.$/);
    expect(p.fix?.en).toBe('Re-run the workflow later.');
  });

  it('gives up at once when the reset is further away than allowed', async () => {
    fake.failNext(1, { rateLimit: 'primary', resetSeconds: 3600 });
    const log: string[] = [];
    const error = await failure(getRelease(testClient(fake, { maxRetryAfterSeconds: 60, log: (m) => log.push(m) })));
    expect(fake.requests).toHaveLength(1);
    expect(log.join('\n')).toMatch(/longer than 60 s; giving up/);
    const p = describeGitHubError(error, 'comment', doing);
    expect(p.code).toBe('github-rate-limited');
    expect(p.message.en).toMatch(/The limit resets at \d{4}-\d\d-\d\dT/);
  });
});
