import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { directoryHolds, readDirectoryFiles } from './sameFiles.ts';
import path from 'node:path';
import type { Text } from '../problem/Problem.ts';
import { renderChangelog } from '../report/changes/changelog.ts';
import { renderCatalogPage } from '../site/catalogPage.ts';
import { renderDatasetPage } from '../site/datasetPage.ts';
import type { ChangeSet } from './diff/ChangeSet.ts';
import { fileOps, type FileOps } from './fileOps.ts';
import type { VersionPlan } from './planVersion.ts';
import { CHANGELOG_FILE, CHANGES_FILE, INDEX_FILE, LATEST_DIR, PAGE_FILE } from './published.ts';
import type { CatalogIndex, DatasetIndex } from './VersionIndex.ts';
import { createDirectoryAtomic, writeDirectoryAtomic, writeFileAtomic } from './writeDirectory.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes only when the bytes differ, so an up-to-date publish touches nothing. */
export function writeIfChanged(file: string, content: string | Uint8Array, ops: FileOps = fileOps): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  if (existsSync(file) && readFileSync(file).equals(bytes)) return false;
  writeFileAtomic(file, bytes, ops);
  return true;
}


/** Leftovers of a killed run (hidden staging, retired and temporary siblings) are removed first. */
export function removeLeftovers(dir: string, ops: FileOps): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (/^\..+\.(staging|retired|tmp)-\d+$/u.test(name)) ops.remove(path.join(dir, name));
  }
}

/**
 * Publishes one planned version. Order matters for crash safety: the immutable version directory
 * appears whole (one rename), then index.json — the commit point readers trust — then the copies
 * derived from it (latest/, CHANGELOG.md). A rerun after a kill completes whatever is missing.
 */
export function writeVersion(plan: VersionPlan, datasetDir: string, title: Text, ops: FileOps): DatasetIndex {
  removeLeftovers(datasetDir, ops);
  if (plan.status === 'new-version') createDirectoryAtomic(path.join(datasetDir, plan.version), plan.files, ops);
  const previous = plan.index?.versions.filter((v) => v.version !== plan.version) ?? [];
  const index: DatasetIndex =
    plan.status === 'up-to-date' && plan.index
      ? plan.index
      : { name: plan.dataset.name, title, latest: plan.version, versions: [plan.entry, ...previous] };
  writeIfChanged(path.join(datasetDir, INDEX_FILE), json(index), ops);
  refreshDerived(datasetDir, index, ops);
  writeIfChanged(path.join(datasetDir, PAGE_FILE), renderDatasetPage({ dataset: plan.dataset, index, latest: plan.built }), ops);
  return index;
}

/** latest/ and CHANGELOG.md, rebuilt from the indexed versions (the page is rebuilt by the caller). */
function refreshDerived(datasetDir: string, index: DatasetIndex, ops: FileOps): void {
  const latestSource = path.join(datasetDir, index.latest);
  const latest = path.join(datasetDir, LATEST_DIR);
  const files = readDirectoryFiles(latestSource);
  if (!directoryHolds(latest, files)) writeDirectoryAtomic(latest, files, undefined, ops);
  const changes = index.versions.map((v) => JSON.parse(readFileSync(path.join(datasetDir, v.version, CHANGES_FILE), 'utf8')) as ChangeSet);
  writeIfChanged(path.join(datasetDir, CHANGELOG_FILE), renderChangelog(index.title, changes), ops);
}

/** dist/index.json: every dataset with its latest version. */
export function writeCatalog(dist: string, entries: CatalogIndex['datasets'], ops: FileOps): CatalogIndex {
  removeLeftovers(dist, ops);
  const catalog: CatalogIndex = { datasets: [...entries].sort((a, b) => (a.name < b.name ? -1 : 1)) };
  writeIfChanged(path.join(dist, INDEX_FILE), json(catalog), ops);
  writeIfChanged(path.join(dist, PAGE_FILE), renderCatalogPage(catalog), ops);
  return catalog;
}
