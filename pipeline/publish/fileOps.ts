import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type { StreamedFile } from '../package/packageFile.ts';

/**
 * Every change publishing makes to the file system goes through here, one operation at a time,
 * so that crash safety can be tested at every single step: `OPENDATA_CRASH_AFTER_OPS=n` kills
 * the process (SIGKILL) after its n-th operation; `injectCrash` does the same in-process by
 * throwing, which leaves the disk exactly as a kill would, since every operation is synchronous.
 */
export class InjectedCrash extends Error {}

let done = 0;
let crashAfter = Number(process.env.OPENDATA_CRASH_AFTER_OPS ?? 'NaN');
let crashBy: 'kill' | 'throw' = 'kill';

/** For tests: crash after `afterOps` more operations (null: never). */
export function injectCrash(afterOps: number | null): void {
  done = 0;
  crashAfter = afterOps ?? Number.NaN;
  crashBy = 'throw';
}

function step(): void {
  done += 1;
  if (done !== crashAfter) return;
  if (crashBy === 'kill') process.kill(process.pid, 'SIGKILL');
  crashAfter = Number.NaN;
  throw new InjectedCrash(`injected crash after ${done} file operations`);
}

export const fileOps = {
  mkdir(dir: string): void {
    mkdirSync(dir, { recursive: true });
    step();
  },
  write(file: string, bytes: Uint8Array | string): void {
    writeFileSync(file, bytes);
    step();
  },
  /** One file written piece by piece as its content is made (still one operation). */
  writeStreamed(file: string, content: StreamedFile): void {
    const fd = openSync(file, 'w');
    try {
      content.stream((chunk) => {
        for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
      });
    } finally {
      closeSync(fd);
    }
    step();
  },
  rename(from: string, to: string): void {
    renameSync(from, to);
    step();
  },
  remove(target: string): void {
    rmSync(target, { recursive: true, force: true });
    step();
  },
};
