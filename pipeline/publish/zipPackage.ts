import { zipSync, type Zippable } from 'fflate';
import type { PackageFile } from '../package/DataPackage.ts';

/**
 * A deterministic zip of a version's files: entries sorted by path under one folder, one fixed
 * time (the as-of date at local midnight, which is what DOS timestamps store), fixed level.
 */
export function zipPackage(folder: string, files: PackageFile[], asOf: string): Uint8Array {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const mtime = new Date(Math.max(year, 1980), month - 1, day);
  const entries: Zippable = {};
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    entries[`${folder}/${file.path}`] = [file.bytes, { mtime, level: 9 }];
  }
  return zipSync(entries, { mtime, level: 9 });
}
