import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { PackageFile } from '../package/DataPackage.ts';

/** A sibling path used while writing, so a crash never leaves a half-written `target`. */
function sibling(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${purpose}-${process.pid}`);
}

/** Writes files into a temporary directory beside `target`. */
export function stageDirectory(target: string, files: PackageFile[]): string {
  const staging = sibling(target, 'staging');
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    const destination = path.join(staging, file.path);
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, file.bytes);
  }
  return staging;
}

/**
 * Replaces `target` with exactly `files`: staged beside it, then renamed into place. At any
 * moment `target` is either the old directory, absent for the instant between two renames,
 * or the complete new one — never half-written.
 */
export function writeDirectoryAtomic(target: string, files: PackageFile[]): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const staging = stageDirectory(target, files);
  if (existsSync(target)) {
    const retired = sibling(target, 'retired');
    rmSync(retired, { recursive: true, force: true });
    renameSync(target, retired);
    renameSync(staging, target);
    rmSync(retired, { recursive: true, force: true });
  } else {
    renameSync(staging, target);
  }
}
