/**
 * A full disk, a read-only dist/ and a missing permission: one clear message each (ja and en), exit 1,
 * no stack, no half-made folder left behind, what was published intact, and a rerun that completes it.
 * The faults are injected into publishing's file operations (tests run as root, where chmod stops nothing).
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDist } from '../helpers/checkDist.ts';
import { readTree } from '../helpers/project.ts';
import { diskFullFrom, refusingInside } from '../helpers/steppedFileOps.ts';
import { DATASET, hiddenEntries, publishedProject, publishIn, type PublishedProject } from './publishedProject.ts';

let project: PublishedProject;

beforeAll(async () => {
  project = await publishedProject();
}, 60_000);

function expectOneClearMessage(run: { code: number; stderr: string }, ja: string, en: string): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(ja);
  expect(run.stderr).toContain(en);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /u);
  expect(run.stderr.match(/エラー \/ Error/gu)).toHaveLength(1);
}

async function expectRerunCompletes(dir: string, dist: string, when: string): Promise<void> {
  expect(checkDist(dist), when).toEqual([]);
  expect((await publishIn(dir)).code, `rerun ${when}`).toBe(0);
  expect(readTree(dist), `dist after a rerun ${when}`).toEqual(project.expected);
}

describe('a disk that fills up while publishing', () => {
  it('at any single file operation: says so once, exit 1, leaves nothing hidden behind; a rerun completes it exactly', async () => {
    let refusals = 0;
    for (let n = 1; ; n++) {
      const { dir, dist } = project.copy();
      const run = await publishIn(dir, diskFullFrom(n));
      if (run.code === 0) break; // finished before the n-th operation: every point has been tried
      refusals += 1;
      expectOneClearMessage(run, 'ディスクの空きが足りず', 'The disk is full');
      const named = `message at operation ${n} names the place, not a hidden sibling`;
      expect(run.stderr, named).not.toMatch(/staging|retired|\.tmp-|\.publish\.lock/u);
      expect(hiddenEntries(dist), `left behind when the disk filled at operation ${n}`).toEqual([]);
      await expectRerunCompletes(dir, dist, `after the disk filled at operation ${n}`);
    }
    expect(refusals).toBeGreaterThan(10);
  }, 120_000);
});

describe('a dist/ that cannot be written', () => {
  it('read-only: one message naming dist, exit 1, dist/ untouched', async () => {
    const { dir, dist } = project.copy();
    const before = readTree(dist);
    const run = await publishIn(dir, refusingInside(dist, 'EROFS'));
    expectOneClearMessage(run, 'dist は読み取り専用の場所にあり、書き込めません', 'dist is on a read-only file system');
    expect(readTree(dist)).toEqual(before);
    await expectRerunCompletes(dir, dist, 'once dist/ is writable');
  });

  it('read-only where dist/ is to be made: one message naming it, exit 1, nothing made', async () => {
    const { dir, dist } = project.copy();
    rmSync(dist, { recursive: true });
    const run = await publishIn(dir, refusingInside(dir, 'EROFS'));
    expectOneClearMessage(run, 'dist は読み取り専用の場所にあり', 'dist is on a read-only file system');
    expect(existsSync(dist)).toBe(false);
  });

  it("no permission in the dataset's folder (EACCES): one message naming it, exit 1, nothing hidden left", async () => {
    const { dir, dist } = project.copy();
    const before = readTree(dist);
    const run = await publishIn(dir, refusingInside(path.join(dist, DATASET), 'EACCES'));
    expectOneClearMessage(run, `dist/${DATASET} を読み書きする権限がありません`, `No permission to read or write dist/${DATASET}`);
    expect(readTree(dist)).toEqual(before);
    expect(hiddenEntries(dist)).toEqual([]);
    await expectRerunCompletes(dir, dist, 'once the permission is given');
  });

  it('no permission to replace latest/ (EPERM) after the new version is indexed: latest/ is kept, a rerun completes it', async () => {
    const { dir, dist } = project.copy();
    const latest = path.join(dist, DATASET, 'latest');
    const before = readTree(latest);
    const run = await publishIn(dir, refusingInside(latest, 'EPERM'));
    expectOneClearMessage(run, `dist/${DATASET}/latest を読み書きする権限がありません`, 'No permission');
    expect(readTree(latest)).toEqual(before);
    expect(hiddenEntries(dist)).toEqual([]);
    await expectRerunCompletes(dir, dist, 'once latest/ may be replaced');
  });
});
