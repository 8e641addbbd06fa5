/**
 * Publishing's file operations, wrapped to stop, pause or fail at a chosen step or place: what a kill,
 * a second publish, a full disk, a read-only folder or a missing permission would do to it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileOps, type FileOps } from '../../pipeline/publish/fileOps.ts';

export class InjectedCrash extends Error {}

type OpName = keyof FileOps;
type Around = (step: number, name: OpName, args: unknown[], run: () => unknown) => unknown;

/** The real operations, each run through `around` with its 1-based step number. */
function around(decide: Around): FileOps {
  let step = 0;
  const ops: Partial<Record<OpName, (...args: unknown[]) => unknown>> = {};
  for (const name of Object.keys(fileOps) as OpName[]) {
    const real = fileOps[name] as (...args: unknown[]) => unknown;
    ops[name] = (...args) => decide(++step, name, args, () => real(...args));
  }
  return ops as FileOps;
}

/** Stops after the `count`-th operation: by SIGKILL (a real kill) or by throwing, which leaves the disk just as a kill would. */
export function stopAfter(count: number, how: 'kill' | 'throw'): FileOps {
  return around((step, _name, _args, run) => {
    const result = run();
    if (step !== count) return result;
    if (how === 'kill') process.kill(process.pid, 'SIGKILL');
    throw new InjectedCrash(`injected crash after ${step} file operations`);
  });
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** After the `count`-th operation, creates `${gate}.paused` and waits (synchronously, as publishing is) until `gate` exists. */
export function pauseAfter(count: number, gate: string): FileOps {
  return around((step, _name, _args, run) => {
    const result = run();
    if (step === count) {
      writeFileSync(`${gate}.paused`, '');
      while (!existsSync(gate)) Atomics.wait(sleeper, 0, 0, 20);
    }
    return result;
  });
}

/** An error as Node gives it for a refused system call. */
export function refusal(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: refused (injected), ${syscall} '${file}'`), { code, errno: -1, syscall, path: file });
}

const WRITES = new Set<OpName>(['mkdir', 'write', 'writeStreamed', 'createExclusive']);

/**
 * A disk that fills up at the `count`-th operation: from then on every write fails with ENOSPC after leaving what a
 * full disk leaves (an empty file, or half of its bytes; a lock is never left empty); renames and removals still work.
 */
export function diskFullFrom(count: number): FileOps {
  return around((step, name, args, run) => {
    if (step < count || !WRITES.has(name)) return run();
    const file = args[0] as string;
    const bytes = args[1] as Uint8Array | string;
    if (name === 'write') writeFileSync(file, bytes.slice(0, Math.floor(bytes.length / 2)));
    if (name === 'writeStreamed') writeFileSync(file, '');
    throw refusal('ENOSPC', name === 'mkdir' ? 'mkdir' : 'write', file);
  });
}

const inside = (dir: string, file: string) => file === dir || file.startsWith(`${dir}${path.sep}`);

/**
 * `dir` refuses every change with `code` (EROFS for a read-only file system, EACCES or EPERM for a missing
 * permission); as on a real system, making a directory that exists or removing what does not is no change.
 */
export function refusingInside(dir: string, code: string): FileOps {
  return around((_step, name, args, run) => {
    const touched = (args as string[]).filter((a, i) => typeof a === 'string' && (name === 'rename' || i === 0));
    const changes = name === 'mkdir' || name === 'remove' ? existsSync(touched[0]!) !== (name === 'mkdir') : true;
    if (changes && touched.some((file) => inside(dir, file))) throw refusal(code, name, touched[0]!);
    return run();
  });
}
