import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PackageFile } from '../package/DataPackage.ts';
import { StreamedFile } from '../package/packageFile.ts';
import { fileOps } from './fileOps.ts';

/** A sibling path used while writing, so a crash never leaves a half-written `target`. */
function sibling(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${purpose}-${process.pid}`);
}

/** Files still to be made once the first ones are written (they may give those files' sizes and hashes). */
export type LaterFiles = () => PackageFile[];

function stage(target: string, files: PackageFile[], later?: LaterFiles): string {
  const staging = sibling(target, 'staging');
  fileOps.remove(staging);
  writeFiles(staging, files);
  if (later) {
    const written = new Set(files.map((f) => f.path));
    writeFiles(staging, later().filter((f) => !written.has(f.path)));
  }
  return staging;
}

function writeFiles(dir: string, files: PackageFile[]): void {
  for (const sub of new Set(files.map((f) => path.dirname(path.join(dir, f.path))))) fileOps.mkdir(sub);
  for (const file of files) {
    const target = path.join(dir, file.path);
    if (file instanceof StreamedFile) fileOps.writeStreamed(target, file);
    else fileOps.write(target, file.bytes);
  }
}

/** Creates `target` (which must not exist) with exactly `files`, appearing all at once by a rename. */
export function createDirectoryAtomic(target: string, files: PackageFile[]): void {
  fileOps.mkdir(path.dirname(target));
  fileOps.rename(stage(target, files), target);
}

/**
 * Replaces `target` with exactly `files` (and then the `later` ones): staged beside it, then swapped in by two renames, so
 * `target` is the old directory, briefly absent, or the complete new one — never half-written.
 */
export function writeDirectoryAtomic(target: string, files: PackageFile[], later?: LaterFiles): void {
  fileOps.mkdir(path.dirname(target));
  const staging = stage(target, files, later);
  if (!existsSync(target)) {
    fileOps.rename(staging, target);
    return;
  }
  const retired = sibling(target, 'retired');
  fileOps.remove(retired);
  fileOps.rename(target, retired);
  fileOps.rename(staging, target);
  fileOps.remove(retired);
}

/** Replaces one file by writing a sibling and renaming it over the old one (atomic on POSIX). */
export function writeFileAtomic(target: string, bytes: Uint8Array | string): void {
  fileOps.mkdir(path.dirname(target));
  const temporary = sibling(target, 'tmp');
  fileOps.write(temporary, bytes);
  fileOps.rename(temporary, target);
}
