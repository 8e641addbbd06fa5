import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PackageFile } from '../package/DataPackage.ts';
import { StreamedFile } from '../package/packageFile.ts';
import { fileOps, isRefusedOperation, type FileOps } from './fileOps.ts';

/** A sibling path used while writing, so a crash never leaves a half-written `target`. */
function sibling(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${purpose}-${process.pid}`);
}

/** Files still to be made once the first ones are written (they may give those files' sizes and hashes). */
export type LaterFiles = () => PackageFile[];

function stage(ops: FileOps, staging: string, files: PackageFile[], later?: LaterFiles): void {
  ops.remove(staging);
  writeFiles(ops, staging, files);
  if (later) {
    const written = new Set(files.map((f) => f.path));
    writeFiles(ops, staging, later().filter((f) => !written.has(f.path)));
  }
}

/**
 * Runs `write`; when the system refuses an operation (disk full, read-only, no permission), first puts back
 * `target` if it was moved aside to `retired`, and removes the siblings, so no half-made folder fills the disk.
 * Anything else (a stop) leaves the disk as a kill would; the next publish removes the leftovers then.
 */
function undoneOnRefusal(ops: FileOps, target: string, siblings: { retired?: string; made: string }, write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!isRefusedOperation(error)) throw error;
    const { retired, made } = siblings;
    const attempt = (undo: () => void) => {
      try {
        undo();
      } catch {
        // Best effort: the first refusal is the one to report.
      }
    };
    if (retired && !existsSync(target) && existsSync(retired)) attempt(() => ops.rename(retired, target));
    attempt(() => ops.remove(made));
    if (retired) attempt(() => ops.remove(retired));
    throw error;
  }
}

function writeFiles(ops: FileOps, dir: string, files: PackageFile[]): void {
  for (const sub of new Set(files.map((f) => path.dirname(path.join(dir, f.path))))) ops.mkdir(sub);
  for (const file of files) {
    const target = path.join(dir, file.path);
    if (file instanceof StreamedFile) ops.writeStreamed(target, file);
    else ops.write(target, file.bytes);
  }
}

/** Creates `target` (which must not exist) with exactly `files`, appearing all at once by a rename. */
export function createDirectoryAtomic(target: string, files: PackageFile[], ops: FileOps = fileOps): void {
  ops.mkdir(path.dirname(target));
  const staging = sibling(target, 'staging');
  undoneOnRefusal(ops, target, { made: staging }, () => {
    stage(ops, staging, files);
    ops.rename(staging, target);
  });
}

/**
 * Replaces `target` with exactly `files` (and then the `later` ones): staged beside it, then swapped in by two renames, so
 * `target` is the old directory, briefly absent, or the complete new one — never half-written.
 */
export function writeDirectoryAtomic(target: string, files: PackageFile[], later?: LaterFiles, ops: FileOps = fileOps): void {
  ops.mkdir(path.dirname(target));
  const staging = sibling(target, 'staging');
  const retired = sibling(target, 'retired');
  undoneOnRefusal(ops, target, { made: staging, retired }, () => {
    stage(ops, staging, files, later);
    if (!existsSync(target)) {
      ops.rename(staging, target);
      return;
    }
    ops.remove(retired);
    ops.rename(target, retired);
    ops.rename(staging, target);
    ops.remove(retired);
  });
}

/** Replaces one file by writing a sibling and renaming it over the old one (atomic on POSIX). */
export function writeFileAtomic(target: string, bytes: Uint8Array | string, ops: FileOps = fileOps): void {
  ops.mkdir(path.dirname(target));
  const temporary = sibling(target, 'tmp');
  undoneOnRefusal(ops, target, { made: temporary }, () => {
    ops.write(temporary, bytes);
    ops.rename(temporary, target);
  });
}
