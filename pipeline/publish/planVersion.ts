import { existsSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { Values } from '../normalize/RecordRow.ts';
import { buildPackage } from '../package/buildPackage.ts';
import { fileDigest } from '../package/packageFile.ts';
import type { BuiltPackage, PackageFile } from '../package/DataPackage.ts';
import type { ChangeSet } from './diff/ChangeSet.ts';
import { diffPackages, type PublishedPackage } from './diff/diffPackages.ts';
import { CHANGES_FILE, RELEASE_NOTES_FILE, readDatasetIndex, readPackageDir } from './published.ts';
import { renderChangesMarkdown } from '../report/changes/markdown.ts';
import type { DatasetIndex, IndexedFile, VersionEntry } from './VersionIndex.ts';
import { zipPackage } from './zipPackage.ts';
import { directoryHolds } from './sameFiles.ts';

export const FIRST_VERSION = '1.0.0';

export type PlanStatus = 'up-to-date' | 'new-version' | 'resume' | 'conflict';

/** What publishing one dataset would do, computed without writing anything. */
export interface VersionPlan {
  dataset: Dataset;
  status: PlanStatus;
  version: string;
  change: ChangeSet;
  /** Files of the version directory (package files, changes.json, the zip). */
  files: PackageFile[];
  /** The package as built for `version` (for the pages). */
  built: BuiltPackage;
  zipFile: string;
  notesFile: string;
  entry: VersionEntry;
  index: DatasetIndex | null;
}

const encoder = new TextEncoder();
/** A file as the index lists it; a record file's size and hash are the ones building it worked out. */
function indexed(file: PackageFile, path = file.path): IndexedFile {
  const { size, hash } = fileDigest(file);
  return { path, bytes: size, hash };
}

/** A built package read back the way consumers read it: descriptor and JSON records. */
export function asPublished(built: BuiltPackage): PublishedPackage {
  return { descriptor: built.descriptor, records: built.records };
}

/** Decides the next version from what changed since the latest published one. */
export function planVersion(input: { dataset: Dataset; records: Values[]; asOf: string; datasetDir: string }): VersionPlan {
  const { dataset, records, asOf, datasetDir } = input;
  const index = readDatasetIndex(datasetDir);
  const previousVersion = index?.latest ?? null;
  const previous = previousVersion ? readPackageDir(path.join(datasetDir, previousVersion)) : null;
  const candidate = buildPackage({ dataset, records, asOf, version: previousVersion ?? FIRST_VERSION });
  const probe = diffPackages(previous, asPublished(candidate));
  const version = probe.bump === 'none' || probe.bump === 'initial' ? (previousVersion ?? FIRST_VERSION) : semver.inc(previousVersion!, probe.bump)!;
  const built = version === candidate.descriptor.version ? candidate : buildPackage({ dataset, records, asOf, version });
  const change: ChangeSet = { ...probe, toVersion: version };
  const packageFiles = [
    ...built.files,
    { path: CHANGES_FILE, bytes: encoder.encode(`${JSON.stringify(change, null, 2)}\n`) },
    { path: RELEASE_NOTES_FILE, bytes: encoder.encode(renderChangesMarkdown(change, { level: 2 })) },
  ];
  const zipName = `${dataset.name}-${version}.zip`;
  const zip = { path: zipName, bytes: zipPackage(`${dataset.name}-${version}`, packageFiles, asOf) };
  const files = [...packageFiles, zip];
  const entry: VersionEntry = {
    version,
    asOf,
    created: built.descriptor.created,
    rows: records.length,
    files: packageFiles.map((f) => indexed(f)),
    zip: indexed(zip, `${version}/${zipName}`),
    summary: change.summary,
    bump: change.bump === 'none' ? 'patch' : change.bump,
  };
  const versionDir = path.join(datasetDir, version);
  let status: PlanStatus;
  if (probe.bump === 'none' && previousVersion !== null) status = 'up-to-date';
  else if (!existsSync(versionDir)) status = 'new-version';
  else status = directoryHolds(versionDir, files) ? 'resume' : 'conflict';
  return { dataset, status, version, change, files, built, zipFile: path.join(versionDir, zipName), notesFile: path.join(versionDir, RELEASE_NOTES_FILE), entry, index };
}
