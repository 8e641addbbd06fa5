import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAjv } from '../../pipeline/dataset/ajv.ts';
import { row, standardRows, workbookBytes, writeTemp } from '../fixtures/workbooks.ts';
import { EXAMPLES, ROOT, runCli, tempDir } from '../helpers/project.ts';

/** One error (text in a number column) and one warning (a blank summary). */
const badFile = () => writeTemp(workbookBytes({ rows: standardRows([row(1, { '事業費（千円）': '約100' }), row(2, { 取組概要: null })]) }), 'list.xlsx');
const validateReport = createAjv().compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as object);

let processOut: string[];
beforeEach(() => {
  processOut = [];
  // @actions/core writes annotations to the process's stdout, not through the CLI's Io.
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    processOut.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('opendata validate flags for the GitHub workflows', () => {
  it('--format github prints one workflow command per problem on the workbook, and the summary', async () => {
    const file = badFile();
    const result = await runCli(['validate', file, '--dataset', 'covid19-measures', '--format', 'github']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error title=取組状況一覧!H4,file=.*list\.xlsx::/u);
    expect(lines.some((l) => l.startsWith('::warning title=取組状況一覧!G5,'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^エラー 1件 \/ 警告 \d+件/u);
  });

  it('--annotations emits the annotations through @actions/core, beside the report', async () => {
    const result = await runCli(['validate', badFile(), '--dataset', 'covid19-measures', '--annotations']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('エラー 1件');
    expect(processOut.filter((l) => l.startsWith('::error ')).length).toBe(1);
    expect(processOut.some((l) => l.startsWith('::warning title=取組状況一覧!G5,file='))).toBe(true);
    const without = await runCli(['validate', badFile(), '--dataset', 'covid19-measures']);
    expect(without.code).toBe(1);
    expect(processOut.filter((l) => l.startsWith('::error ')).length).toBe(1);
  });

  it('--summary appends the markdown report to GITHUB_STEP_SUMMARY, and only when it is set', async () => {
    const summary = path.join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
    const result = await runCli(['validate', badFile(), '--dataset', 'covid19-measures', '--summary'], EXAMPLES, { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(1);
    const written = readFileSync(summary, 'utf8');
    expect(written).toMatch(/^### ❌ covid19-measures: /u);
    expect(written).toContain('| セル | 項目 | 値 | 内容 | 直し方 |');
    // Not set for the command (as outside Actions): nothing is appended.
    await runCli(['validate', badFile(), '--dataset', 'covid19-measures', '--summary'], EXAMPLES, {});
    expect(readFileSync(summary, 'utf8')).toBe(written);
  });

  it('--report-dir writes report.json (valid against its schema) and report.md, creating the folder', async () => {
    const dir = path.join(tempDir(), 'nested', 'report');
    const result = await runCli(['validate', badFile(), '--dataset', 'covid19-measures', '--format', 'markdown', '--report-dir', dir]);
    expect(result.code).toBe(1);
    const json: unknown = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json).toMatchObject({ valid: false, summary: { errors: 1 } });
    expect(readFileSync(path.join(dir, 'report.md'), 'utf8')).toBe(result.stdout);
  });

  it('--report-dir that cannot be written is a usage error, said plainly', async () => {
    const blocker = writeTemp(new Uint8Array([1]), 'not-a-folder');
    const result = await runCli(['validate', badFile(), '--dataset', 'covid19-measures', '--report-dir', path.join(blocker, 'report')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--report-dir');
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it('--dataset alone validates the dataset’s declared source workbook', async () => {
    const result = await runCli(['validate', '--dataset', 'covid19-measures', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { valid: boolean; rows: number; file: string };
    expect(report).toMatchObject({ valid: true, rows: 85, file: 'sources/hiratsuka-covid19-measures-2020-09-01.xlsx' });
  });

  it('without a file or --dataset, or with two files, is a usage error', async () => {
    expect((await runCli(['validate'])).code).toBe(2);
    expect((await runCli(['validate', 'a.xlsx', 'b.xlsx'])).code).toBe(2);
    expect((await runCli(['validate', '--format', 'github'])).code).toBe(2);
    expect(existsSync(path.join(EXAMPLES, 'report.json'))).toBe(false);
  });
});
