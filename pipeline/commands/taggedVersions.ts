import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { type PublishedVersion, tagFor } from '../github/publishedVersions.ts';
import { readDatasetIndex, RELEASE_NOTES_FILE } from '../publish/published.ts';

/**
 * Every version listed in `dist/<dataset>/index.json`, as the release step reads them: the
 * notes (`<version>/CHANGES.md`) and the zip are committed in dist/, so a release can be made
 * again from the repository at any later time. Paths are relative to `cwd`.
 */
export function versionsInDist(dist: string, cwd: string): PublishedVersion[] {
  if (!existsSync(dist)) return [];
  const versions: PublishedVersion[] = [];
  for (const entry of readdirSync(dist, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const datasetDir = path.join(dist, entry.name);
    const index = readDatasetIndex(datasetDir);
    if (!index) continue;
    for (const v of index.versions) {
      versions.push({
        dataset: index.name,
        version: v.version,
        tag: tagFor(index.name, v.version),
        notesFile: path.relative(cwd, path.join(datasetDir, v.version, RELEASE_NOTES_FILE)),
        zipFile: path.relative(cwd, path.join(datasetDir, v.zip.path)),
      });
    }
  }
  return versions;
}

/** The versions whose tag is among `tags` (the tags the repository holds), oldest first. */
export function taggedVersions(versions: readonly PublishedVersion[], tags: ReadonlySet<string>): PublishedVersion[] {
  return versions.filter((v) => tags.has(v.tag)).reverse();
}
