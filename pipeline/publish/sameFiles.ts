import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PackageFile } from '../package/DataPackage.ts';

/** The files of a flat directory, sorted by name. */
export function readDirectoryFiles(dir: string): PackageFile[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ path: name, bytes: readFileSync(path.join(dir, name)) }));
}

/** True when `dir` holds exactly these files with exactly these bytes. */
export function directoryHolds(dir: string, files: PackageFile[]): boolean {
  if (!existsSync(dir)) return false;
  const names = readdirSync(dir).sort();
  if (names.join('\n') !== files.map((f) => f.path).sort().join('\n')) return false;
  return files.every((f) => Buffer.from(f.bytes).equals(readFileSync(path.join(dir, f.path))));
}
