/** Release notes larger than GitHub takes: cut, safely, with the full notes attached and linked. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseCommand } from '../../pipeline/github/commands.ts';
import { ensureRelease } from '../../pipeline/github/release.ts';
import { renderChangesMarkdown } from '../../pipeline/report/changes/markdown.ts';
import { HOSTILE, changeSetOf } from '../fixtures/changeSets.ts';
import { tempDir } from '../helpers/project.ts';
import { expectInert } from '../helpers/inertMarkdown.ts';
import { type FakeGitHub, RELEASE_BODY_LIMIT, startFakeGitHub } from './fakeGitHub.ts';
import { testClient } from './testClient.ts';

const OWNER = 'city';
const REPO = 'opendata';
const TAG = 'hostile-v1.1.0';
const TOKEN = 'ghs_release_notes_token_never_printed';
const FULL_NOTES_URL = `https://github.com/${OWNER}/${REPO}/releases/download/${TAG}/CHANGES.md`;

let fake: FakeGitHub;
let dir: string;
beforeEach(async () => {
  fake = await startFakeGitHub({ tokens: { [TOKEN]: {} } });
  dir = tempDir('release-notes-');
});
afterEach(async () => {
  await fake.close();
});

const env = () => ({ GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: fake.url, GITHUB_TOKEN: TOKEN });

async function release(notes: string) {
  const notesFile = path.join(dir, 'CHANGES.md');
  const zip = path.join(dir, 'hostile-1.1.0.zip');
  writeFileSync(notesFile, notes);
  writeFileSync(zip, 'PK');
  const result = await releaseCommand({ env: env(), tag: TAG, bodyFile: notesFile, assetFiles: [zip], client: { retryBaseMs: 5, retries: 1 } });
  return { result, release: fake.release(OWNER, REPO, TAG) };
}

describe('the fake GitHub, as GitHub does', () => {
  it('refuses a release body over 125,000 characters with 422', async () => {
    const tooLong = ensureRelease(testClient(fake, { token: TOKEN }), { owner: OWNER, repo: REPO, tag: 'x', name: 'x', body: 'x'.repeat(RELEASE_BODY_LIMIT + 1), assets: [] });
    await expect(tooLong).rejects.toMatchObject({ status: 422 });
    expect(fake.release(OWNER, REPO, 'x')).toBeUndefined();
  });
});

describe('release notes of 200 rows with 5,000-character changes', () => {
  const notes = renderChangesMarkdown(changeSetOf(`${HOSTILE} ${'長い値'.repeat(1700)}`, 200), { level: 2 });

  it('are far over the limit as CHANGES.md', () => {
    expect(notes.length).toBeGreaterThan(RELEASE_BODY_LIMIT);
  });

  it('make a release whose body is cut under the limit, ends with a link to the full notes, and attaches them', async () => {
    const { result, release: made } = await release(notes);
    expect(result.exitCode, result.messages.join('\n')).toBe(0);
    const body = made!.body;
    expect(body.length).toBeLessThanOrEqual(RELEASE_BODY_LIMIT);
    expect(notes.startsWith(body.slice(0, body.indexOf('\n\n---\n> ⚠️')))).toBe(true);
    expect(body).toContain(`全文は添付の [CHANGES.md](${FULL_NOTES_URL}) にあります。`);
    expect(body).toContain(`The full notes are attached as [CHANGES.md](${FULL_NOTES_URL}).`);
    expectInert(body.slice(0, body.indexOf('\n\n---\n> ⚠️')));
    expect(made!.assets.map((a) => a.name)).toEqual(['hostile-1.1.0.zip', 'CHANGES.md']);
    expect(Buffer.from(made!.assets[1]!.data).toString('utf8')).toBe(notes);
    expect(result.messages.join('\n')).toContain('the full notes are attached as CHANGES.md');
  });

  it('a re-run finds the release complete and uploads nothing twice', async () => {
    await release(notes);
    const { result, release: again } = await release(notes);
    expect(result.exitCode).toBe(0);
    expect(again!.assets.map((a) => a.name)).toEqual(['hostile-1.1.0.zip', 'CHANGES.md']);
    expect(fake.count('POST', `/repos/${OWNER}/${REPO}/releases`)).toBe(1);
  });
});

describe('release notes that fit', () => {
  it('are the body as they are, with nothing attached besides the assets given', async () => {
    const notes = renderChangesMarkdown(changeSetOf(HOSTILE), { level: 2 });
    const { result, release: made } = await release(notes);
    expect(result.exitCode).toBe(0);
    expect(made!.body).toBe(notes);
    expect(made!.assets.map((a) => a.name)).toEqual(['hostile-1.1.0.zip']);
  });
});
