/**
 * A definition declaring its workbook by pattern: staff upload each update under a dated name, the
 * newest as-of date is validated and published, and a file no definition declares stops the check
 * and publishing instead of silently going nowhere.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTS, countsProject, countsWorkbook } from '../fixtures/countsProject.ts';
import { runCli } from '../helpers/project.ts';
import { git } from '../github/workflow/gitRepo.ts';

const PATTERN = 'counts-*.xlsx';
const SEPTEMBER = { 'counts-2020-09-01.xlsx': countsWorkbook('令和2年9月1日時点', 10) };
const OCTOBER = { 'counts-2020-10-01.xlsx': countsWorkbook('令和2年10月1日時点', 11) };

const validateJson = async (dir: string, args: string[] = []) => {
  const result = await runCli(['validate', ...args, '--dataset', COUNTS, '--format', 'json'], dir);
  return { code: result.code, report: JSON.parse(result.stdout) as { file: string; asOf: string | null; valid: boolean; errors: { code: string; value?: string; message: { ja: string } }[] } };
};

describe('a source declared by pattern', () => {
  it('validates and publishes the matching workbook with the newest as-of date, whatever the order of names', async () => {
    // The older date sorts last by name: the date in the title decides, not the file name.
    const project = countsProject(PATTERN, { ...OCTOBER, 'counts-z-old.xlsx': countsWorkbook('令和2年8月1日時点', 9) });
    const validated = await validateJson(project.dir);
    expect(validated.code).toBe(0);
    expect(validated.report).toMatchObject({ file: 'sources/counts-2020-10-01.xlsx', asOf: '2020-10-01', valid: true });
    const published = await runCli(['publish'], project.dir);
    expect(published.code, published.stderr).toBe(0);
    const descriptor = JSON.parse(readFileSync(path.join(project.dist, COUNTS, '1.0.0', 'datapackage.json'), 'utf8')) as { created: string };
    expect(descriptor.created).toBe('2020-10-01T00:00:00+09:00');
    // An older candidate named on the command line is validated as itself.
    const older = await validateJson(project.dir, ['sources/counts-z-old.xlsx']);
    expect(older.report).toMatchObject({ file: 'sources/counts-z-old.xlsx', asOf: '2020-08-01' });
  });

  it('publishes the next upload under a new dated name as the next version', async () => {
    const project = countsProject(PATTERN, SEPTEMBER);
    expect((await runCli(['publish'], project.dir)).code).toBe(0);
    writeFileSync(path.join(project.sources, 'counts-2020-10-01.xlsx'), OCTOBER['counts-2020-10-01.xlsx']);
    const next = await runCli(['publish'], project.dir);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain(`${COUNTS} 1.1.0: 公開 / published`);
  });

  it('is an error naming both files when two have the same as-of date, and nothing is written', async () => {
    const project = countsProject(PATTERN, { ...SEPTEMBER, 'counts-2020-09-01-fixed.xlsx': countsWorkbook('令和2年9月1日時点', 12) });
    const validated = await validateJson(project.dir);
    expect(validated.code).toBe(1);
    expect(validated.report.errors).toEqual([
      expect.objectContaining({ code: 'source-ambiguous', value: 'sources/counts-2020-09-01-fixed.xlsx, sources/counts-2020-09-01.xlsx' }),
    ]);
    expect(validated.report.errors[0]!.message.ja).toContain('時点も同じ 2020-09-01');
    const published = await runCli(['publish'], project.dir);
    expect(published.code).toBe(1);
    expect(published.stderr).toContain('counts-2020-09-01-fixed.xlsx');
    expect(existsSync(project.dist)).toBe(false);
  });

  it('is an error when a matching file gives no as-of date: which one is the newest is unknown', async () => {
    const project = countsProject(PATTERN, { ...OCTOBER, 'counts-undated.xlsx': countsWorkbook('日付のない表題') });
    const validated = await validateJson(project.dir);
    expect(validated.code).toBe(1);
    expect(validated.report.errors.map((e) => e.code)).toEqual(['source-ambiguous', 'as-of-missing']);
    expect(validated.report.errors[0]!.value).toBe('sources/counts-undated.xlsx');
  });

  it('is an error when no file matches', async () => {
    const validated = await validateJson(countsProject(PATTERN, {}).dir);
    expect(validated.code).toBe(1);
    expect(validated.report.errors).toEqual([expect.objectContaining({ code: 'source-error', value: `sources/${PATTERN}` })]);
    expect(validated.report.errors[0]!.message.ja).toBe(`「sources/${PATTERN}」に当てはまるファイルがありません。`);
  });
});

describe('a file in sources/ that no definition declares', () => {
  it('stops publishing, named with how to fix it, and nothing is written', async () => {
    const project = countsProject('counts.xlsx', { 'counts.xlsx': countsWorkbook('令和2年9月1日時点'), 'counts-2020-10-01.xlsx': OCTOBER['counts-2020-10-01.xlsx'] });
    const published = await runCli(['publish'], project.dir);
    expect(published.code).toBe(1);
    expect(published.stderr).toContain('sources/counts-2020-10-01.xlsx はどのデータセット定義');
    expect(published.stderr).toContain('source.file に書かれた名前でアップロードし直し');
    expect(existsSync(project.dist)).toBe(false);
  });
});

describe('changed-datasets with a source declared by pattern', () => {
  function repository() {
    const project = countsProject(PATTERN, SEPTEMBER);
    git(project.dir, 'init', '--quiet', '--initial-branch=main');
    git(project.dir, 'add', '--all');
    git(project.dir, 'commit', '--quiet', '-m', 'base');
    return { project, base: git(project.dir, 'rev-parse', 'HEAD') };
  }
  const commit = (dir: string, name: string, bytes: Uint8Array) => {
    writeFileSync(path.join(dir, 'sources', name), bytes);
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '-m', `upload ${name}`);
    return git(dir, 'rev-parse', 'HEAD');
  };

  it('counts a new file matching the pattern as a change to that dataset', async () => {
    const { project, base } = repository();
    const head = commit(project.dir, 'counts-2020-10-01.xlsx', OCTOBER['counts-2020-10-01.xlsx']);
    const result = await runCli(['changed-datasets', '--base', base, '--head', head], project.dir);
    expect(result).toMatchObject({ code: 0, stdout: `${JSON.stringify([COUNTS])}\n` });
  });

  it('fails the check, naming the file, for an upload matching no definition', async () => {
    const { project, base } = repository();
    const head = commit(project.dir, 'count-2020-10-01.xlsx', OCTOBER['counts-2020-10-01.xlsx']);
    const result = await runCli(['changed-datasets', '--base', base, '--head', head], project.dir);
    expect(result).toMatchObject({ code: 1, stdout: '[]\n' });
    expect(result.stderr).toContain('sources/count-2020-10-01.xlsx はどのデータセット定義');
  });
});
