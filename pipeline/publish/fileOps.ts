import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Every change publishing makes to the file system goes through here, one operation at a time.
 * `OPENDATA_CRASH_AFTER_OPS=n` kills the process after the n-th operation: the seam the
 * crash-safety test uses to prove dist/ is consistent after a kill at any point.
 */
let done = 0;
const crashAfter = Number(process.env.OPENDATA_CRASH_AFTER_OPS ?? 'NaN');

function step(): void {
  done += 1;
  if (done === crashAfter) process.kill(process.pid, 'SIGKILL');
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
  rename(from: string, to: string): void {
    renameSync(from, to);
    step();
  },
  remove(target: string): void {
    rmSync(target, { recursive: true, force: true });
    step();
  },
};
