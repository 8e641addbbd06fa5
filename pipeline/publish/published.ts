import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Values } from '../normalize/RecordRow.ts';
import type { DataPackage } from '../package/DataPackage.ts';
import { DESCRIPTOR_FILE } from '../package/fileNames.ts';
import type { PublishedPackage } from './diff/diffPackages.ts';
import type { CatalogIndex, DatasetIndex } from './VersionIndex.ts';

export const INDEX_FILE = 'index.json';
export const CHANGES_FILE = 'changes.json';
/** The version's changes in markdown (ja/en): the release notes. */
export const RELEASE_NOTES_FILE = 'CHANGES.md';
export const CHANGELOG_FILE = 'CHANGELOG.md';
export const LATEST_DIR = 'latest';
/** The page people look at: dist/index.html and dist/<dataset>/index.html. */
export const PAGE_FILE = 'index.html';

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

export function readDatasetIndex(datasetDir: string): DatasetIndex | null {
  return readJson<DatasetIndex>(path.join(datasetDir, INDEX_FILE));
}

export function readCatalogIndex(dist: string): CatalogIndex | null {
  return readJson<CatalogIndex>(path.join(dist, INDEX_FILE));
}

/** A package directory's descriptor and records (from its JSON resource). */
export function readPackageDir(dir: string): PublishedPackage | null {
  const descriptor = readJson<DataPackage>(path.join(dir, DESCRIPTOR_FILE));
  if (!descriptor) return null;
  const json = descriptor.resources.find((r) => r.format === 'json' && r.schema);
  const records = json ? (readJson<Values[]>(path.join(dir, json.path)) ?? []) : [];
  return { descriptor, records };
}
