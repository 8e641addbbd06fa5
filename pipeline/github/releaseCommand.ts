import { basename, resolve } from 'node:path';
import { type GitHubClient, type GitHubClientOptions, createGitHubClient } from './client.ts';
import { type CommandResult, failed } from './commandResult.ts';
import { type GitHubContext, readGitHubContext } from './context.ts';
import { contentTypeFor } from './contentType.ts';
import { describeGitHubError } from './describeError.ts';
import type { Env } from './env.ts';
import { type PublishedVersion, parsePublishedFile, releaseTitle } from './publishedVersions.ts';
import { readInputFile, readInputText } from './readInput.ts';
import { type ReleaseAssetInput, ensureRelease } from './release.ts';
import { FULL_NOTES_ASSET, fullNotesUrl, releaseNotes } from './releaseNotes.ts';

/** Client settings other than the token and API URL, which come from the environment. */
export type ClientTuning = Omit<GitHubClientOptions, 'token' | 'baseUrl'>;

export interface ReleaseCommandOptions {
  env: Env;
  tag: string;
  /** Release title; defaults to the tag. */
  name?: string;
  /** Markdown file with the release notes. */
  bodyFile: string;
  /** Files attached to the release under their base names. */
  assetFiles: string[];
  /** Commit the tag is created at if it does not exist yet (normally the tag was pushed first). */
  target?: string;
  client?: ClientTuning;
}

export interface ReleasesFromFileOptions {
  env: Env;
  /** The published-versions JSON file (see `publishedVersions.ts`). */
  fromFile: string;
  /** Folder the file's relative paths start from; default the process's working directory. */
  cwd?: string;
  client?: ClientTuning;
}

export interface ReleaseVersionsOptions extends Omit<ReleasesFromFileOptions, 'fromFile'> {
  versions: readonly PublishedVersion[];
}

interface ReleaseSpec {
  tag: string;
  name: string;
  bodyFile: string;
  assetFiles: string[];
  target?: string;
}

function clientFor(context: GitHubContext, tuning: ClientTuning | undefined, messages: string[]): GitHubClient {
  return createGitHubClient({ log: (m) => messages.push(m), ...tuning, token: context.token, baseUrl: context.apiUrl });
}

/** Reads the notes and assets of one release, then creates or completes it. */
async function releaseOne(octokit: GitHubClient, context: GitHubContext, spec: ReleaseSpec): Promise<CommandResult> {
  const messages: string[] = [];
  const body = await readInputText(spec.bodyFile, { ja: 'リリースノート', en: 'release notes file' });
  if (!body.ok) return failed(body.problem);
  const assets: ReleaseAssetInput[] = [];
  for (const file of spec.assetFiles) {
    const data = await readInputFile(file, { ja: '添付ファイル', en: 'release asset' });
    if (!data.ok) return failed(data.problem);
    assets.push({ name: basename(file), contentType: contentTypeFor(file), data: data.value });
  }
  const notes = releaseNotes(body.value, fullNotesUrl(context.serverUrl, context.owner, context.repo, spec.tag));
  if (notes.cut) {
    assets.push({ name: FULL_NOTES_ASSET, contentType: contentTypeFor(FULL_NOTES_ASSET), data: new TextEncoder().encode(body.value) });
    messages.push(
      `リリースノートを GitHub の上限に合わせて省略し、全文を ${FULL_NOTES_ASSET} として添付します。`,
      `  The notes were cut to GitHub's limit; the full notes are attached as ${FULL_NOTES_ASSET}.`,
    );
  }
  try {
    const result = await ensureRelease(octokit, {
      owner: context.owner,
      repo: context.repo,
      tag: spec.tag,
      ...(spec.target !== undefined ? { target: spec.target } : {}),
      name: spec.name,
      body: notes.body,
      assets,
    });
    messages.push(
      `${result.created ? 'Created' : 'Found'} release ${spec.tag}: ${result.htmlUrl}`,
      `  uploaded: ${result.uploaded.join(', ') || '(none)'}; already present: ${result.skipped.join(', ') || '(none)'}`,
    );
    for (const name of result.mismatched) {
      messages.push(
        `警告 / Warning: リリース ${spec.tag} の ${name} は既にあり、今回のファイルと大きさが違います (置き換えていません)。`,
        `  ${name} already exists on release ${spec.tag} with a different size; it was not replaced.`,
      );
    }
    return { exitCode: 0, messages };
  } catch (error) {
    const doing = { ja: `リリース ${spec.tag} の作成`, en: `creating release ${spec.tag}` };
    return failed(describeGitHubError(error, 'publish', doing), messages);
  }
}

/** `opendata github release --tag T [--name N] --notes-file F --asset FILE…`: one release, idempotently. */
export async function releaseCommand(options: ReleaseCommandOptions): Promise<CommandResult> {
  try {
    const context = readGitHubContext(options.env, 'publish');
    if (!context.ok) return failed(context.problem);
    const log: string[] = [];
    const octokit = clientFor(context.value, options.client, log);
    const result = await releaseOne(octokit, context.value, {
      tag: options.tag,
      name: options.name ?? options.tag,
      bodyFile: options.bodyFile,
      assetFiles: options.assetFiles,
      ...(options.target !== undefined ? { target: options.target } : {}),
    });
    return { exitCode: result.exitCode, messages: [...log, ...result.messages] };
  } catch (error) {
    return failed(describeGitHubError(error, 'publish', { ja: 'リリースの作成', en: 'creating the release' }));
  }
}

/** `opendata github release --from FILE`: one release per published version; all are attempted. */
export async function releasesFromFileCommand(options: ReleasesFromFileOptions): Promise<CommandResult> {
  try {
    const context = readGitHubContext(options.env, 'publish');
    if (!context.ok) return failed(context.problem);
    const text = await readInputText(options.fromFile, { ja: '公開済みバージョンのファイル', en: 'published-versions file' });
    if (!text.ok) return failed(text.problem);
    const versions = parsePublishedFile(text.value);
    if (!versions.ok) return failed(versions.problem);
    return await releaseVersionsCommand({ ...options, versions: versions.value });
  } catch (error) {
    return failed(describeGitHubError(error, 'publish', { ja: 'リリースの作成', en: 'creating the releases' }));
  }
}

/** One release per given version, created or completed; all are attempted. */
export async function releaseVersionsCommand(options: ReleaseVersionsOptions): Promise<CommandResult> {
  try {
    const context = readGitHubContext(options.env, 'publish');
    if (!context.ok) return failed(context.problem);
    if (options.versions.length === 0) {
      return { exitCode: 0, messages: ['新しく公開したバージョンはありません。 / No newly published versions: no release to create.'] };
    }
    const log: string[] = [];
    const octokit = clientFor(context.value, options.client, log);
    const messages: string[] = [];
    let exitCode: 0 | 1 = 0;
    for (const v of options.versions) {
      const result = await releaseOne(octokit, context.value, specFor(v, options.cwd ?? process.cwd()));
      messages.push(...log.splice(0), ...result.messages);
      if (result.exitCode !== 0) exitCode = 1;
    }
    return { exitCode, messages };
  } catch (error) {
    return failed(describeGitHubError(error, 'publish', { ja: 'リリースの作成', en: 'creating the releases' }));
  }
}

/** Paths in a published-versions list are relative to the repository root (`cwd`). */
const specFor = (v: PublishedVersion, cwd: string): ReleaseSpec => ({
  tag: v.tag,
  name: releaseTitle(v),
  bodyFile: resolve(cwd, v.notesFile),
  assetFiles: [v.zipFile, ...(v.assetFiles ?? [])].map((file) => resolve(cwd, file)),
});

