import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogIndex, DatasetIndex, IndexedFile } from '../../pipeline/publish/VersionIndex.ts';

const sha = (file: string) => `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;

/** Every problem with a dist/ tree: indexed files missing or not matching their size and hash. */
export function checkDist(dist: string): string[] {
  const problems: string[] = [];
  const catalogFile = path.join(dist, 'index.json');
  if (!existsSync(catalogFile)) return [`missing ${catalogFile}`];
  const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as CatalogIndex;
  const check = (base: string, file: IndexedFile) => {
    const full = path.join(base, file.path);
    if (!existsSync(full)) problems.push(`missing ${full}`);
    else if (readFileSync(full).length !== file.bytes || sha(full) !== file.hash) problems.push(`mismatch ${full}`);
  };
  for (const entry of catalog.datasets) {
    const datasetDir = path.join(dist, entry.name);
    const index = JSON.parse(readFileSync(path.join(datasetDir, 'index.json'), 'utf8')) as DatasetIndex;
    if (!index.versions.some((v) => v.version === entry.latest)) problems.push(`catalog names ${entry.name} ${entry.latest}, which is not indexed`);
    for (const version of index.versions) {
      for (const file of version.files) check(path.join(datasetDir, version.version), file);
      check(datasetDir, version.zip);
    }
  }
  return problems;
}
