import { problem } from '../problem/Problem.ts';
import { type Result, failure, success } from './result.ts';

/**
 * One entry of the file `opendata publish --published-file FILE` writes (a JSON array,
 * `[]` when nothing new was published) and `opendata github release --from FILE` reads.
 * Paths are absolute or relative to the working directory (the repository root).
 */
export interface PublishedVersion {
  /** Dataset id, e.g. `population`. */
  dataset: string;
  /** Semantic version without a leading `v`, e.g. `1.4.0`. */
  version: string;
  /** Git tag, always `<dataset>-v<version>`. */
  tag: string;
  /** Markdown release notes (the release body). */
  notesFile: string;
  /** The data package zip, attached to the release. */
  zipFile: string;
  /** Optional further files to attach (e.g. `datapackage.json`). */
  assetFiles?: string[];
}

export const tagFor = (dataset: string, version: string): string => `${dataset}-v${version}`;

/** Release title: `<dataset> v<version>`. */
export const releaseTitle = (v: PublishedVersion): string => `${v.dataset} v${v.version}`;

/** Commit subject for the publish commit: `publish: population v1.4.0, budget v2.0.0`. */
export const commitSubject = (versions: readonly PublishedVersion[]): string =>
  `publish: ${versions.map((v) => `${v.dataset} v${v.version}`).join(', ')}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function invalid(index: number | undefined, reason: string): Result<never> {
  const where = index === undefined ? '' : ` [${index}]`;
  return failure(
    problem('published-file-invalid', 'error', {}, {
      ja: `公開済みバージョンのファイル${where}が不正です: ${reason}`,
      en: `The published-versions file${where} is invalid: ${reason}`,
    }),
  );
}

/** Checks parsed JSON against the contract above. */
export function parsePublishedVersions(json: unknown): Result<PublishedVersion[]> {
  if (!Array.isArray(json)) return invalid(undefined, 'expected a JSON array');
  const versions: PublishedVersion[] = [];
  for (const [index, entry] of json.entries()) {
    if (!isObject(entry)) return invalid(index, 'expected an object');
    const { dataset, version, tag, notesFile, zipFile, assetFiles } = entry;
    for (const [key, value] of Object.entries({ dataset, version, tag, notesFile, zipFile })) {
      if (!isText(value)) return invalid(index, `"${key}" must be a non-empty string`);
    }
    if (assetFiles !== undefined && !(Array.isArray(assetFiles) && assetFiles.every(isText))) {
      return invalid(index, '"assetFiles" must be an array of paths');
    }
    const v = { dataset, version, tag, notesFile, zipFile } as Omit<PublishedVersion, 'assetFiles'>;
    if (v.tag !== tagFor(v.dataset, v.version)) {
      return invalid(index, `"tag" must be "${tagFor(v.dataset, v.version)}", got "${v.tag}"`);
    }
    versions.push(assetFiles === undefined ? v : { ...v, assetFiles: assetFiles as string[] });
  }
  return success(versions);
}

/** Parses the file's text: JSON first, then the contract. */
export function parsePublishedFile(text: string): Result<PublishedVersion[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return invalid(undefined, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parsePublishedVersions(json);
}
