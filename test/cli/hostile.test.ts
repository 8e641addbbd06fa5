import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import * as H from '../fixtures/hostile.ts';
import { lyingZipBomb } from '../fixtures/lyingZip.ts';
import { HEADER, row, standardRows, TITLE, workbookBytes, writeTemp } from '../fixtures/workbooks.ts';
import { replaceInSheet } from '../fixtures/xmlEdit.ts';
import { runCli } from '../helpers/project.ts';

const DATASET = ['--dataset', 'covid19-measures'];
const STACK = /\n\s+at .+:\d+:\d+/u;

interface Report {
  valid: boolean;
  errors: { code: string; cell?: string; message: { ja: string; en: string }; fix?: { ja: string } }[];
}

/** validate (json and text) and build, in-process: exit 1, one clear error, no stack, nothing written; bounded time and memory. */
async function expectRefused(bytes: Uint8Array, name: string, code: string): Promise<Report['errors'][number]> {
  const file = writeTemp(bytes, name);
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const json = await runCli(['validate', file, ...DATASET, '--format', 'json']);
  const elapsed = performance.now() - started;
  const grownMb = (process.memoryUsage().rss - rss) / 2 ** 20;
  expect(json.code).toBe(1);
  const report = JSON.parse(json.stdout) as Report;
  const error = report.errors.find((e) => e.code === code);
  expect(error, JSON.stringify(report.errors)).toBeDefined();
  expect(error!.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/u);
  expect(error!.fix?.ja).toBeTruthy();
  expect(elapsed).toBeLessThan(15_000);
  expect(grownMb).toBeLessThan(400);

  const text = await runCli(['validate', file, ...DATASET]);
  expect(text.code).toBe(1);
  expect(text.stdout + text.stderr).not.toMatch(STACK);

  const out = path.join(path.dirname(file), 'out');
  const build = await runCli(['build', file, ...DATASET, '--out', out]);
  expect(build.code).toBe(1);
  expect(build.stdout).toBe('');
  expect(build.stderr).not.toMatch(STACK);
  expect(existsSync(out)).toBe(false);
  return error!;
}

describe('hostile and broken files end to end: a clear message, exit 1, nothing written', () => {
  const cases: [string, () => Uint8Array, string, string][] = [
    ['a zip bomb (declared 60 MB)', () => H.zipBomb(60), 'bomb.xlsx', 'compression-error'],
    ['a part with a hostile compression ratio', () => H.zipBomb(20), 'ratio.xlsx', 'compression-error'],
    ['a zip with 10,050 parts', () => H.manyEntries(), 'many.xlsx', 'compression-error'],
    ['a password-protected workbook', H.encryptedWorkbook, 'secret.xlsx', 'encrypted-workbook'],
    ['a password-protected .xls', H.encryptedXls, 'secret.xls', 'encrypted-workbook'],
    ['a truncated xlsx', H.truncatedXlsx, 'half.xlsx', 'format-error'],
    ['a truncated .xls', H.truncatedXls, 'half.xls', 'format-error'],
    ['a central directory pointing outside the file', H.centralDirectoryOutOfBounds, 'bad.xlsx', 'format-error'],
    ['a zip that is not a spreadsheet', H.plainZip, 'archive.zip', 'format-error'],
    ['a Word document', H.wordDoc, 'letter.doc', 'format-error'],
    ['a web page saved as .xls', H.htmlAsXls, 'page.xls', 'format-error'],
    ['random bytes', () => H.randomBytes(), 'noise.xlsx', 'format-error'],
    ['UTF-16 text', H.csvUtf16, 'list.csv', 'encoding-error'],
    ['an empty file', H.emptyFile, 'empty.xlsx', 'source-error'],
  ];
  for (const [name, bytes, file, code] of cases) it(name, () => expectRefused(bytes(), file, code).then(() => undefined));

  it('a zip whose declared sizes lie: the real inflation is capped (80 MB of XML declared as 1 KB)', async () => {
    const error = await expectRefused(lyingZipBomb(80), 'liar.xlsx', 'compression-error');
    expect(error.message.ja).toContain('50 MB');
  });

  it('an empty workbook', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([]);
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, 'Sheet1');
    const error = await expectRefused(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'empty.xlsx', 'source-error');
    expect(error.message.ja).toContain('空');
  });

  it('a sheet without a header row', async () => {
    const error = await expectRefused(workbookBytes({ rows: [['メモ'], [1, 2, 3], [4, 5, 6]] }), 'noheader.xlsx', 'missing-label');
    expect(error.message.ja).toContain('見出しの行が見つかりません');
  });
});

describe('hostile content: labels, characters, sizes', () => {
  it('labels __proto__, constructor and prototype (and such a sheet name) pollute no object', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const hostile = ['__proto__', 'constructor', 'prototype'];
    const rows = [[TITLE], [], [...HEADER, ...hostile], [...row(1), '{"polluted":1}', 'x', 'y']];
    const ok = await runCli(['validate', writeTemp(workbookBytes({ rows })), ...DATASET, '--format', 'json']);
    expect(ok.code).toBe(0);
    const asSheet = await runCli(['validate', writeTemp(workbookBytes({ rows, sheetName: '__proto__' })), ...DATASET, '--format', 'json']);
    expect([0, 1]).toContain(asSheet.code);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
  });

  it('a lone surrogate in an .xls cell is an error naming the cell, never a silent U+FFFD', async () => {
    const sheet = XLSX.utils.aoa_to_sheet(standardRows([row(1, { 取組名: '取組\uD800名' })]));
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, '取組状況一覧');
    const file = writeTemp(XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer, 'list.xls');
    const result = await runCli(['validate', file, ...DATASET, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.errors).toContainEqual(expect.objectContaining({ code: 'broken-character', cell: 'F4' }));
    const out = path.join(path.dirname(file), 'out');
    expect((await runCli(['build', file, ...DATASET, '--out', out])).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a control character is an error naming the cell', async () => {
    const result = await runCli(['validate', writeTemp(workbookBytes({ rows: standardRows([row(1, { 取組名: '取組\u001b[2J名' })]) })), ...DATASET, '--format', 'json']);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as Report).errors).toContainEqual(expect.objectContaining({ code: 'control-character', cell: 'F4' }));
    const text = await runCli(['validate', writeTemp(workbookBytes({ rows: standardRows([row(1, { 取組名: '取組\u001b[2J名' })]) })), ...DATASET]);
    expect(text.stdout).not.toContain('\u001b');
  });

  it('100,000-character cells, in every column, end in bounded time', async () => {
    for (const label of HEADER) {
      for (const text of ['1'.repeat(100_000), 'あ '.repeat(50_000), '１，２'.repeat(33_000), '【再掲】'.repeat(25_000)]) {
        const bytes = replaceInSheet(workbookBytes({ rows: standardRows([row(1, { [label]: 'PLACEHOLDER' })]) }), 'PLACEHOLDER', text);
        const started = performance.now();
        const result = await runCli(['validate', writeTemp(bytes), ...DATASET, '--format', 'markdown']);
        expect([0, 1], `${label}: ${result.stderr}`).toContain(result.code);
        expect(performance.now() - started, label).toBeLessThan(5_000);
        expect(result.stdout.length).toBeLessThan(45_000);
      }
    }
  });

  it('16,384 columns, and a sheet declaring A1:XFD1048576 around its cells, end in bounded time', async () => {
    const wide = [...row(1), ...Array.from({ length: 16_384 - HEADER.length }, (_, i) => i)];
    const bytes = workbookBytes({ rows: [[TITLE], [], [...HEADER, ...Array.from({ length: 16_384 - HEADER.length }, (_, i) => `列${i}`)], wide, row(2)] });
    let started = performance.now();
    const result = await runCli(['validate', writeTemp(bytes), ...DATASET, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(performance.now() - started).toBeLessThan(15_000);

    const huge = replaceInSheet(workbookBytes({ rows: standardRows([row(1), row(2)]) }), 'ref="A1:I5"', 'ref="A1:XFD1048576"');
    started = performance.now();
    const big = await runCli(['validate', writeTemp(huge), ...DATASET, '--format', 'json']);
    expect(big.code).toBe(0);
    expect(JSON.parse(big.stdout)).toMatchObject({ rows: 2 });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
