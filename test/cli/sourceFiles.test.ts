/**
 * Sources are regular files inside sources/: links (to outside the repository, to /dev/zero, even to
 * another workbook in sources/), FIFOs, folders named like workbooks and files reached through a
 * folder linking out of sources/ are refused before they are opened, and nothing is published.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, ftruncateSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTS, countsProject, countsWorkbook } from '../fixtures/countsProject.ts';
import { runCli, tempDir } from '../helpers/project.ts';

const FILE = 'counts.xlsx';

/** A project whose declared source `counts.xlsx` is made by `place` (given the sources folder). */
function projectWith(place: (sources: string) => void) {
  const project = countsProject(FILE, {});
  place(project.sources);
  return project;
}

/** validate --dataset and publish both refuse the source with `code`; nothing is written to dist/. */
async function expectRefused(project: ReturnType<typeof countsProject>, code: string, ja: string) {
  const validated = await runCli(['validate', '--dataset', COUNTS, '--format', 'json'], project.dir);
  expect(validated.code, validated.stderr).toBe(1);
  const report = JSON.parse(validated.stdout) as { errors: { code: string; message: { ja: string } }[] };
  expect(report.errors.map((e) => e.code)).toEqual([code]);
  expect(report.errors[0]!.message.ja).toContain(ja);
  const published = await runCli(['publish'], project.dir);
  expect(published.code, published.stdout).toBe(1);
  expect(published.stderr).toContain(ja);
  expect(existsSync(project.dist)).toBe(false);
}

describe('a source that is not a regular file inside sources/', () => {
  it('is read when it is one (the same project, the workbook itself)', async () => {
    const project = projectWith((sources) => writeFileSync(path.join(sources, FILE), countsWorkbook('令和3年4月1日時点')));
    const result = await runCli(['publish'], project.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(project.dist, COUNTS))).toBe(true);
  });

  it('is refused when it links to a workbook outside the repository', async () => {
    const outside = path.join(tempDir('outside-'), 'secret.xlsx');
    writeFileSync(outside, countsWorkbook('令和3年4月1日時点'));
    const project = projectWith((sources) => symlinkSync(outside, path.join(sources, FILE)));
    await expectRefused(project, 'source-not-regular-file', 'リンク（シンボリックリンク）');
  });

  it('is refused, without reading, when it links to /dev/zero', async () => {
    const project = projectWith((sources) => symlinkSync('/dev/zero', path.join(sources, FILE)));
    await expectRefused(project, 'source-not-regular-file', 'リンク');
  });

  it('is refused when it links to another workbook inside sources/ (what is published must be what was uploaded)', async () => {
    const project = countsProject('counts*.xlsx', { 'counts-2021-04-01.xlsx': countsWorkbook('令和3年4月1日時点') });
    symlinkSync('counts-2021-04-01.xlsx', path.join(project.sources, 'counts-2021-05-01.xlsx'));
    await expectRefused(project, 'source-not-regular-file', 'リンク');
  });

  it('is refused, without waiting for a writer, when it is a FIFO', async () => {
    const project = projectWith((sources) => execFileSync('mkfifo', [path.join(sources, FILE)]));
    await expectRefused(project, 'source-not-regular-file', '普通のファイルではありません');
  });

  it('is refused when it is a folder named like a workbook', async () => {
    const project = projectWith((sources) => mkdirSync(path.join(sources, FILE)));
    await expectRefused(project, 'source-not-regular-file', 'フォルダです');
  });

  it('is refused before it is read when it is larger than the cap', async () => {
    const project = projectWith((sources) => {
      // 4 GB (the cap is 50 MB) without writing them: a sparse file, which reading would fill with zeros.
      const fd = openSync(path.join(sources, FILE), 'w');
      ftruncateSync(fd, 4 * 1024 ** 3);
      closeSync(fd);
    });
    await expectRefused(project, 'source-error', '4096 MB あり、上限の 50 MB を超えている');
  });

  it('is refused by init too, which drafts nothing', async () => {
    const outside = path.join(tempDir('outside-'), 'secret.xlsx');
    writeFileSync(outside, countsWorkbook('令和3年4月1日時点'));
    const project = projectWith((sources) => symlinkSync(outside, path.join(sources, 'new.xlsx')));
    const result = await runCli(['init', 'sources/new.xlsx', '--dataset', 'new-counts'], project.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('「sources/new.xlsx」は別のファイルを指すリンク（シンボリックリンク）です');
    expect(existsSync(path.join(project.schema, 'datasets', 'new-counts.yaml'))).toBe(false);
  });

  it('is refused when validate is given a file under sources/ reached through a folder linking outside', async () => {
    const outside = tempDir('outside-');
    writeFileSync(path.join(outside, FILE), countsWorkbook('令和3年4月1日時点'));
    const project = projectWith((sources) => {
      writeFileSync(path.join(sources, FILE), countsWorkbook('令和3年4月1日時点'));
      symlinkSync(outside, path.join(sources, 'linked'));
    });
    const result = await runCli(['validate', `sources/linked/${FILE}`, '--dataset', COUNTS, '--format', 'json'], project.dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).errors).toEqual([expect.objectContaining({ code: 'source-not-regular-file', value: `sources/linked/${FILE}` })]);
    // The same workbook given by its own path outside the project is only validated, and passes.
    const direct = await runCli(['validate', path.join(outside, FILE), '--dataset', COUNTS], project.dir);
    expect(direct.code, direct.stdout).toBe(0);
  });
});
