/** `opendata github release|comment` through the CLI: arguments, paths relative to the working folder, exit codes. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeProject } from '../fixtures/snapshots.ts';
import { runCli, SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';
import { type FakeGitHub, startFakeGitHub } from './fakeGitHub.ts';
import { git } from './workflow/gitRepo.ts';

const TOKEN = 'ghs_cli_token_never_printed';
const TAG = 'covid19-measures-v1.0.0';
const ZIP = 'covid19-measures-1.0.0.zip';

let fake: FakeGitHub;
let dir: string;
let env: Record<string, string>;

beforeEach(async () => {
  fake = await startFakeGitHub({ tokens: { [TOKEN]: {} } });
  dir = tempDir('github-cli-');
  env = { GITHUB_REPOSITORY: 'city/opendata', GITHUB_API_URL: fake.url, GITHUB_TOKEN: TOKEN };
});
afterEach(async () => {
  await fake.close();
});

/** A project with 1.0.0 published into dist/ and the list of new versions in published.json. */
async function published(): Promise<void> {
  makeProject(dir, readFileSync(SOURCE_WORKBOOK));
  const result = await runCli(['publish', '--published-file', 'published.json'], dir);
  expect(result.code, result.stderr).toBe(0);
}

describe('opendata github release', () => {
  it('--from reads the list publish wrote, with paths relative to the working folder', async () => {
    await published();
    const result = await runCli(['github', 'release', '--from', 'published.json'], dir, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Created release ${TAG}`);
    const release = fake.release('city', 'opendata', TAG)!;
    expect(release.body).toBe(readFileSync(path.join(dir, 'dist/covid19-measures/1.0.0/CHANGES.md'), 'utf8'));
    expect(release.assets.map((a) => a.name)).toEqual([ZIP]);
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
  });

  it('--tag makes one release from the files named, --asset repeated or followed by more files', async () => {
    writeFileSync(path.join(dir, 'notes.md'), '## notes\n');
    for (const name of ['a.zip', 'b.json', 'c.csv']) writeFileSync(path.join(dir, name), name);
    const args = ['github', 'release', '--tag', 'x-v1.0.0', '--name', 'x v1.0.0', '--notes-file', 'notes.md', '--asset', 'a.zip', '--asset', 'b.json', 'c.csv'];
    const result = await runCli(args, dir, env);
    expect(result.code, result.stderr).toBe(0);
    expect(fake.release('city', 'opendata', 'x-v1.0.0')?.assets.map((a) => [a.name, a.contentType])).toEqual([
      ['a.zip', 'application/zip'],
      ['b.json', 'application/json'],
      ['c.csv', 'text/csv'],
    ]);
  });

  it('--tagged completes the releases of tagged versions only, and does nothing twice', async () => {
    await published();
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', 'publish');
    const untagged = await runCli(['github', 'release', '--tagged'], dir, env);
    expect(untagged).toMatchObject({ code: 0 });
    expect(untagged.stdout).toContain('No published version has a tag yet');
    expect(fake.requests).toHaveLength(0);

    git(dir, 'tag', TAG);
    const first = await runCli(['github', 'release', '--tagged', '--dist', 'dist'], dir, env);
    expect(first.code, first.stderr).toBe(0);
    expect(fake.release('city', 'opendata', TAG)?.assets.map((a) => a.name)).toEqual([ZIP]);
    const again = await runCli(['github', 'release', '--tagged'], dir, env);
    expect(again.stdout).toContain(`already present: ${ZIP}`);
    expect(fake.count('POST', /releases$/)).toBe(1);
    expect(fake.count('POST', /^\/uploads\//)).toBe(1);
  });

  it('names the permission when the token is missing, and never reaches GitHub', async () => {
    await published();
    const { GITHUB_TOKEN: _, ...noToken } = env;
    const result = await runCli(['github', 'release', '--from', 'published.json'], dir, noToken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('GITHUB_TOKEN が設定されていません');
    expect(result.stderr).toContain('`contents: write`');
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    [['release']],
    [['release', '--from', 'a.json', '--tag', 't']],
    [['release', '--from', 'a.json', '--asset', 'x.zip']],
    [['release', '--tag', 't', '--asset', 'x.zip']],
    [['release', '--tag', 't', '--notes-file', 'n.md', 'stray.zip']],
    [['release', '--tagged', '--name', 'n']],
    [['comment', '--marker', 'm']],
    [['comment', '--body-file', 'b.md', '--marker', 'm', 'extra']],
    [['publish']],
    [['release', '--unknown']],
  ])('refuses %j as a usage error (exit 2) before reaching GitHub', async (args) => {
    const result = await runCli(['github', ...args], dir, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('opendata github release --tag T');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('opendata github comment', () => {
  it('comments on the pull request of the event, then edits the same comment', async () => {
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ number: 5, pull_request: { number: 5 }, repository: { full_name: 'city/opendata' } }));
    writeFileSync(path.join(dir, 'body.md'), '# 検証結果\n');
    const args = ['github', 'comment', '--body-file', 'body.md', '--marker', 'opendata-report'];
    const first = await runCli(args, dir, { ...env, GITHUB_EVENT_PATH: event });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Comment created on #5: /);
    writeFileSync(path.join(dir, 'body.md'), '# 検証結果\nOK\n');
    const second = await runCli(args, dir, { ...env, GITHUB_EVENT_PATH: event });
    expect(second.stdout).toMatch(/^Comment updated on #5: /);
    expect(fake.comments('city', 'opendata', 5).map((c) => c.body)).toEqual(['<!-- opendata-report -->\n# 検証結果\nOK\n']);
  });
});
