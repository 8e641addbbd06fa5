import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { problem, type Problem } from '../problem/Problem.ts';
import type { FileOps } from './fileOps.ts';

/** Held in dist/ while a publish plans and writes it; a second publish refuses rather than mixing its files in. */
export const LOCK_FILE = '.publish.lock';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export type PublishLock = { held: true; release(): void } | { held: false; busy: Problem };

function parseHolder(content: string): LockHolder | null {
  try {
    const holder = JSON.parse(content) as Partial<LockHolder>;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? (holder as LockHolder) : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Left by a killed or stopped publish: on this machine, and its process is gone — or is this one, since a publish
 * runs synchronously and so cannot be holding the lock while another starts here. A holder on another machine is never judged.
 */
function isStale(holder: LockHolder): boolean {
  return holder.host === os.hostname() && (holder.pid === process.pid || !isRunning(holder.pid));
}

/**
 * Moves a stale lock aside and checks that what moved is the one judged stale. If another publish took the
 * stale lock over in between, the lock moved is its fresh one: it is put back (unless a third has made one
 * meanwhile) and the lock counts as held.
 */
function removeStale(ops: FileOps, file: string, stale: string): boolean {
  const claim = `${file}.stale-${process.pid}`;
  try {
    ops.rename(file, claim);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = readFileSync(claim, 'utf8');
  if (moved !== stale) ops.createExclusive(file, moved);
  ops.remove(claim);
  return moved === stale;
}

/** Takes dist/'s publish lock, taking over one left by a killed publish; says who holds it when it is held. */
export function takePublishLock(dist: string, ops: FileOps): PublishLock {
  const file = path.join(dist, LOCK_FILE);
  ops.mkdir(dist);
  const mine = `${JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() })}\n`;
  for (;;) {
    if (ops.createExclusive(file, mine)) return { held: true, release: () => ops.remove(file) };
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released just now
      throw error;
    }
    const holder = parseHolder(content);
    if (!holder || !isStale(holder) || !removeStale(ops, file, content)) return { held: false, busy: busy(file, holder) };
  }
}

function busy(file: string, holder: LockHolder | null): Problem {
  const who = holder ? `pid ${holder.pid}, ${holder.host}, ${holder.since}` : '?';
  return problem(
    'publish-locked',
    'error',
    { value: file },
    {
      ja: `別の公開が実行中です（${who}）。同じ dist/ に二つの公開を同時に書くことはできません。`,
      en: `Another publish is running (${who}); two publishes cannot write the same dist/ at once.`,
    },
    {
      ja: `終わってからもう一度実行してください。実行中の公開がないのにこう表示されるときは ${file} を消してください。`,
      en: `Run it again once that one has finished. If no publish is running, delete ${file}.`,
    },
  );
}
