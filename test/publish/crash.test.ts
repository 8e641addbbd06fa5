import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { processWorkbook } from '../../pipeline/process.ts';
import { publishDatasets, type DatasetRecords } from '../../pipeline/publish/publishDatasets.ts';
import { laterSnapshot, makeProject, replaceSource } from '../fixtures/snapshots.ts';
import { checkDist } from '../helpers/checkDist.ts';
import { InjectedCrash, stopAfter } from '../helpers/steppedFileOps.ts';
import { measuresDataset, readTree, ROOT, runCli, SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';

const ENTRY = path.join(ROOT, 'test/helpers/cliEntry.ts');
// Resolved from the repository, since the child runs in a temporary folder.
const TSX = import.meta.resolve('tsx');
const ARGS = ['publish', '--schema', 'schema', '--sources', 'sources', '--dist', 'dist'];

/** A project with 1.0.0 published and a made-up later snapshot waiting to become 1.1.0. */
let base: string;
let later: DatasetRecords;
let expected: Map<string, string>;

function copyOfBase(): string {
  const dir = tempDir();
  cpSync(base, dir, { recursive: true });
  return path.join(dir, 'dist');
}

function expectRecovers(dist: string, when: string): void {
  expect(checkDist(dist), when).toEqual([]);
  expect(publishDatasets([later], dist).written, `rerun ${when}`).toBe(true);
  expect(readTree(dist), `dist after a rerun ${when}`).toEqual(expected);
}

beforeAll(async () => {
  base = tempDir();
  const project = makeProject(base, readFileSync(SOURCE_WORKBOOK));
  expect((await runCli(ARGS, base)).code).toBe(0);
  replaceSource(project, laterSnapshot());
  const dataset = { ...measuresDataset(), sourcePath: path.join(project.sources, path.basename(SOURCE_WORKBOOK)) };
  const { report, records } = processWorkbook(laterSnapshot(), 'later.xlsx', dataset);
  later = { dataset, records, asOf: report.asOf! };
  const done = copyOfBase();
  publishDatasets([later], done);
  expected = readTree(done);
});

describe('a publish interrupted at any point', () => {
  it('stopped after each single file operation leaves every indexed version intact; a rerun completes it exactly', () => {
    let stops = 0;
    for (let n = 1; ; n++) {
      const dist = copyOfBase();
      try {
        publishDatasets([later], dist, { fileOps: stopAfter(n, 'throw') });
        break; // finished before the n-th operation: every point has been tried
      } catch (error) {
        if (!(error instanceof InjectedCrash)) throw error;
      }
      stops += 1;
      expectRecovers(dist, `after a stop at file operation ${n}`);
    }
    expect(stops).toBeGreaterThan(10);
  }, 120_000);

  it('a real process killed with SIGKILL at spread-out points recovers the same way', () => {
    for (const n of [1, 7, 15, 23, 31]) {
      const dist = copyOfBase();
      const result = spawnSync(process.execPath, ['--import', TSX, ENTRY, ...ARGS], { cwd: path.dirname(dist), env: { ...process.env, OPENDATA_CRASH_AFTER_OPS: String(n) }, encoding: 'utf8', timeout: 60_000 });
      expect(result.signal, result.stderr).toBe('SIGKILL');
      expectRecovers(dist, `after SIGKILL at file operation ${n}`);
    }
  }, 120_000);
});
