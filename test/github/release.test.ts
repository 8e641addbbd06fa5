import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureRelease } from '../../pipeline/github/release.ts';
import { type FakeGitHub, startFakeGitHub } from './fakeGitHub.ts';
import { bytes, testClient } from './testClient.ts';

const OWNER = 'city';
const REPO = 'opendata';
const TAG = 'population-v1.0.0';
const RELEASES = `/repos/${OWNER}/${REPO}/releases`;
const UPLOADS = /^\/uploads\/repos\/city\/opendata\/releases\/\d+\/assets$/;

const zip = { name: 'population-1.0.0.zip', contentType: 'application/zip', data: bytes('PK zip bytes') };
const json = { name: 'datapackage.json', contentType: 'application/json', data: bytes('{"name":"population"}') };
const options = (assets = [zip]) => ({ owner: OWNER, repo: REPO, tag: TAG, name: 'population v1.0.0', body: 'notes', assets });

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

describe('ensureRelease', () => {
  it('creates the release once with its asset; a second call creates nothing', async () => {
    const octokit = testClient(fake);
    const first = await ensureRelease(octokit, options());
    expect(first).toMatchObject({ created: true, uploaded: [zip.name], skipped: [] });
    expect(first.htmlUrl).toBe(`https://github.com/${OWNER}/${REPO}/releases/tag/${TAG}`);

    const release = fake.release(OWNER, REPO, TAG);
    expect(release?.assets.map((a) => a.name)).toEqual([zip.name]);
    expect(release?.assets[0]?.data).toEqual(zip.data);
    expect(release?.assets[0]?.contentType).toBe('application/zip');
    expect(release).toMatchObject({ name: 'population v1.0.0', body: 'notes' });

    const second = await ensureRelease(octokit, options());
    expect(second).toMatchObject({ releaseId: first.releaseId, created: false, uploaded: [], skipped: [zip.name] });
    expect(fake.count('POST', RELEASES)).toBe(1);
    expect(fake.count('POST', UPLOADS)).toBe(1);
  });

  it('completes a half-done release: only the missing asset is uploaded', async () => {
    const release = fake.addRelease(OWNER, REPO, { tag: TAG });
    fake.addAsset(release, zip.name, zip.data);
    const result = await ensureRelease(testClient(fake), options([zip, json]));
    expect(result).toMatchObject({ releaseId: release.id, created: false, uploaded: [json.name], skipped: [zip.name] });
    expect(fake.count('POST', RELEASES)).toBe(0);
    expect(fake.count('POST', UPLOADS)).toBe(1);
    expect(release.assets.map((a) => a.name)).toEqual([zip.name, json.name]);
  });

  it('replaces an asset left half-uploaded (state "starter")', async () => {
    const release = fake.addRelease(OWNER, REPO, { tag: TAG });
    fake.addAsset(release, zip.name, bytes('PK'), { state: 'starter' });
    const result = await ensureRelease(testClient(fake), options());
    expect(result.uploaded).toEqual([zip.name]);
    expect(release.assets).toHaveLength(1);
    expect(release.assets[0]).toMatchObject({ state: 'uploaded', data: zip.data });
  });

  it('reports an existing asset whose size differs, without replacing it', async () => {
    const release = fake.addRelease(OWNER, REPO, { tag: TAG });
    fake.addAsset(release, zip.name, bytes('other'));
    const result = await ensureRelease(testClient(fake), options());
    expect(result).toMatchObject({ uploaded: [], skipped: [zip.name], mismatched: [zip.name] });
  });

  it('lists assets across pages before deciding what to upload', async () => {
    const release = fake.addRelease(OWNER, REPO, { tag: TAG });
    for (let i = 0; i < 150; i++) fake.addAsset(release, `part-${i}.csv`, bytes(String(i)));
    const last = { name: 'part-149.csv', contentType: 'text/csv', data: bytes('149') };
    const result = await ensureRelease(testClient(fake), options([last]));
    expect(result).toMatchObject({ uploaded: [], skipped: ['part-149.csv'] });
    expect(fake.count('GET', `${RELEASES}/${release.id}/assets`)).toBe(2);
    expect(fake.count('POST', UPLOADS)).toBe(0);
  });

  it('uses the release a concurrent run created after our lookup (422 already_exists)', async () => {
    fake.beforeNext({ method: 'POST', path: RELEASES }, () => {
      fake.addRelease(OWNER, REPO, { tag: TAG, name: 'made by the other run' });
    });
    const result = await ensureRelease(testClient(fake), options());
    expect(result).toMatchObject({ created: false, uploaded: [zip.name] });
    expect(fake.count('POST', RELEASES, 422)).toBe(1);
    expect(fake.count('GET', `${RELEASES}/tags/${TAG}`)).toBe(2);
    expect(fake.releases).toHaveLength(1);
  });

  it('counts an upload answered 422 already_exists as skipped', async () => {
    fake.beforeNext({ method: 'POST', path: UPLOADS }, () => {
      const release = fake.release(OWNER, REPO, TAG);
      if (release) fake.addAsset(release, zip.name, zip.data);
    });
    const result = await ensureRelease(testClient(fake), options());
    expect(result).toMatchObject({ created: true, uploaded: [], skipped: [zip.name] });
    expect(fake.release(OWNER, REPO, TAG)?.assets).toHaveLength(1);
  });

  it('two runs racing end with one release and one copy of each asset', async () => {
    const [a, b] = await Promise.all([
      ensureRelease(testClient(fake), options([zip, json])),
      ensureRelease(testClient(fake), options([zip, json])),
    ]);
    expect(a.releaseId).toBe(b.releaseId);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect([...a.uploaded, ...b.uploaded].sort()).toEqual([json.name, zip.name].sort());
    expect(fake.count('POST', RELEASES, 201)).toBe(1);
    expect(fake.count('POST', UPLOADS, 201)).toBe(2);
    expect(fake.release(OWNER, REPO, TAG)?.assets.map((x) => x.name).sort()).toEqual([json.name, zip.name].sort());
  });

  it('sends the upload to upload_url on the same server, not uploads.github.com', async () => {
    await ensureRelease(testClient(fake), options());
    const upload = fake.requests.find((r) => r.method === 'POST' && UPLOADS.test(r.path));
    expect(new URLSearchParams(upload?.query).get('name')).toBe(zip.name);
  });
});
