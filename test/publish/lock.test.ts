/**
 * One publish at a time per dist/: a second one says another is running (exit 1) and touches nothing; a lock
 * left by a killed publish is taken over. Two real CLI processes are run on the same project: the first paused
 * half-way (a race left to the scheduler would pass before the lock as often as not).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileOps, type FileOps } from '../../pipeline/publish/fileOps.ts';
import { LOCK_FILE, takePublishLock } from '../../pipeline/publish/publishLock.ts';
import { checkDist } from '../helpers/checkDist.ts';
import { readTree, ROOT, tempDir, type CliRun } from '../helpers/project.ts';
import { hiddenEntries, PUBLISH_ARGS, publishedProject, publishIn, type PublishedProject } from './publishedProject.ts';

const ENTRY = path.join(ROOT, 'test/helpers/cliEntry.ts');
const TSX = import.meta.resolve('tsx');
const BUSY_JA = '別の公開が実行中です';
const BUSY_EN = 'Another publish is running';

let project: PublishedProject;

beforeAll(async () => {
  project = await publishedProject();
}, 60_000);

/** The CLI as a real process in `dir`; `env` carries the test entry's hooks. */
function publishProcess(dir: string, env: Record<string, string> = {}): { done: Promise<CliRun>; exited: () => boolean } {
  const child = spawn(process.execPath, ['--import', TSX, ENTRY, ...PUBLISH_ARGS], { cwd: dir, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (d) => void (stdout += d));
  child.stderr.on('data', (d) => void (stderr += d));
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      resolve({ code: code ?? -1, stdout, stderr });
    }),
  );
  return { done, exited: () => exited };
}

function lockWith(dist: string, holder: object | string): string {
  const file = path.join(dist, LOCK_FILE);
  writeFileSync(file, typeof holder === 'string' ? holder : JSON.stringify(holder));
  return file;
}

function expectRefused(run: CliRun): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(BUSY_JA);
  expect(run.stderr).toContain(BUSY_EN);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /u);
}

function expectPublishedOnce(dist: string): void {
  expect(checkDist(dist)).toEqual([]);
  expect(readTree(dist)).toEqual(project.expected);
  expect(hiddenEntries(dist)).toEqual([]);
}

describe('a second publish while one is running', () => {
  it('two real processes: the second, started while the first is half-way through writing, refuses and leaves it to finish', async () => {
    const { dir, dist } = project.copy();
    const gate = path.join(tempDir(), 'go');
    // Paused after its 6th file operation: the lock taken and the new version half-written in its staging folder.
    const first = publishProcess(dir, { OPENDATA_PAUSE_AFTER_OPS: '6', OPENDATA_PAUSE_GATE: gate });
    while (!existsSync(`${gate}.paused`) && !first.exited()) await sleep(50);
    expect(first.exited(), (await Promise.race([first.done, { stderr: '' }])).stderr).toBe(false);
    const staged = hiddenEntries(dist).filter((e) => e.includes('.staging-'));
    expect(staged.length).toBeGreaterThan(0);

    const second = await publishProcess(dir).done;
    expectRefused(second);
    expect(hiddenEntries(dist).filter((e) => e.includes('.staging-')), 'the first one’s staging folder').toEqual(staged);

    writeFileSync(gate, '');
    const run = await first.done;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1.1.0: 公開 / published');
    expectPublishedOnce(dist);
  }, 60_000);

  it('a lock held by a running process on this machine: refused, dist/ and the lock untouched', async () => {
    const { dir, dist } = project.copy();
    const lock = lockWith(dist, { pid: process.ppid, host: os.hostname(), since: '2026-12-02T00:00:00.000Z' });
    const before = readTree(dist);
    const run = await publishIn(dir);
    expectRefused(run);
    expect(run.stderr).toContain(`pid ${process.ppid}`);
    expect(readTree(dist)).toEqual(before);
    expect(readFileSync(lock, 'utf8')).toContain(`"pid":${process.ppid}`);
  });

  it('a lock held on another machine, or one that names no holder, is never judged stale: refused, saying how to clear it', async () => {
    for (const holder of [{ pid: 1, host: 'another-machine', since: '2026-12-02T00:00:00.000Z' }, 'garbled']) {
      const { dir, dist } = project.copy();
      const lock = lockWith(dist, holder);
      const run = await publishIn(dir);
      expectRefused(run);
      expect(run.stderr).toContain(`If no publish is running, delete ${lock}`);
      expect(existsSync(lock)).toBe(true);
    }
  });
});

describe('a lock left by a killed publish', () => {
  it('is taken over when its process is gone: the publish completes and no lock is left', async () => {
    const { dir, dist } = project.copy();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    lockWith(dist, { pid: gone, host: os.hostname(), since: '2026-12-02T00:00:00.000Z' });
    const run = await publishIn(dir);
    expect(run.code, run.stderr).toBe(0);
    expectPublishedOnce(dist);
  });

  it('taken over by another publish at the same moment: the fresh lock moved aside is put back, and this publish refuses', () => {
    const { dist } = project.copy();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const lock = lockWith(dist, { pid: gone, host: os.hostname(), since: '2026-12-02T00:00:00.000Z' });
    const fresh = JSON.stringify({ pid: process.ppid, host: os.hostname(), since: '2026-12-02T00:00:01.000Z' });
    // The other publish removes the stale lock and makes its own just before this one moves "the stale lock" aside.
    const racing: FileOps = {
      ...fileOps,
      rename(from, to) {
        if (from === lock) writeFileSync(lock, fresh);
        fileOps.rename(from, to);
      },
    };
    const taken = takePublishLock(dist, racing);
    expect(taken.held).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe(fresh);
    expect(hiddenEntries(dist)).toEqual([LOCK_FILE]);
  });
});
