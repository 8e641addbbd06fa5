import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type { StreamedFile } from '../package/packageFile.ts';

/**
 * Every change publishing makes to the file system, one synchronous operation at a time. It is passed
 * in (never chosen from the environment), so tests can wrap it to stop or fail after any single step:
 * that is how crash safety and disk-full, read-only and permission faults are tested.
 */
export interface FileOps {
  mkdir(dir: string): void;
  write(file: string, bytes: Uint8Array | string): void;
  /** One file written piece by piece as its content is made (still one operation). */
  writeStreamed(file: string, content: StreamedFile): void;
  /** Creates `file` with `content` unless it exists: false when it does (O_EXCL). */
  createExclusive(file: string, content: string): boolean;
  rename(from: string, to: string): void;
  remove(target: string): void;
}

export const fileOps: FileOps = {
  mkdir(dir) {
    mkdirSync(dir, { recursive: true });
  },
  write(file, bytes) {
    writeFileSync(file, bytes);
  },
  writeStreamed(file, content) {
    const fd = openSync(file, 'w');
    try {
      content.stream((chunk) => {
        for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
      });
    } finally {
      closeSync(fd);
    }
  },
  createExclusive(file, content) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    try {
      writeSync(fd, content);
    } catch (error) {
      // An empty lock would name no holder: a disk too full for these few bytes leaves none.
      rmSync(file, { force: true });
      throw error;
    } finally {
      closeSync(fd);
    }
    return true;
  },
  rename(from, to) {
    renameSync(from, to);
  },
  remove(target) {
    rmSync(target, { recursive: true, force: true });
  },
};

/** True for an operation the system refused (disk full, read-only, no permission, …): an error with an errno code. */
export function isRefusedOperation(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
