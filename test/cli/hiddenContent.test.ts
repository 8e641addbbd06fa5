/** Hidden rows and far-off cells end to end: exit 1, one plain message, nothing built; declared, the table builds. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { runCli } from '../helpers/project.ts';
import { farRow } from '../fixtures/hostileSheets.ts';
import { wardPeopleProject } from '../fixtures/wardPeople.ts';

function project(extra: object = {}) {
  const made = wardPeopleProject(extra);
  return { ...made, flags: ['--dataset', 'ward-people', '--schema', made.schema, '--sources', made.sources] };
}

/** 西区's row hidden: what staff do to keep a row back. */
function hiddenRowWorkbook(): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([['区別の人数（架空のデータ）'], ['区', '人数'], ['東区', 10], ['西区', 20], ['南区', 30]]);
  sheet['!rows'] = [];
  sheet['!rows'][3] = { hidden: true };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '人数');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const STACK = /\n\s+at .+:\d+:\d+/u;

describe('validate and build', () => {
  it('refuse a hidden row with its sheet and row number, in Japanese first', async () => {
    const p = project();
    const file = path.join(p.sources, 'wards.xlsx');
    writeFileSync(file, hiddenRowWorkbook());
    const text = await runCli(['validate', file, ...p.flags], p.dir);
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).toContain('非表示の行があります: シート「人数」の 4 行目');
    expect(text.stdout + text.stderr).not.toMatch(STACK);
    const out = path.join(p.dir, 'out');
    const build = await runCli(['build', file, ...p.flags, '--out', out], p.dir);
    expect(build.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('build the table without the hidden row when the definition says hidden: drop', async () => {
    const p = project({ hidden: 'drop' });
    const file = path.join(p.sources, 'wards.xlsx');
    writeFileSync(file, hiddenRowWorkbook());
    const out = path.join(p.dir, 'out');
    const build = await runCli(['build', file, ...p.flags, '--out', out], p.dir);
    expect(build.code, build.stderr).toBe(0);
    const package_ = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] };
    const csv = package_.resources.map((r) => r.path).find((name) => /(?<!_excel|_summary)\.csv$/u.test(name));
    const text = readFileSync(path.join(out, csv!), 'utf8');
    expect(text).toContain('東区');
    expect(text).not.toContain('西区');
  });

  it('refuse a cell at row 9,999,999 (a 6 KB file) with one plain error', async () => {
    const p = project();
    const file = path.join(p.sources, 'far.xlsx');
    writeFileSync(file, farRow(9_999_999));
    const json = await runCli(['validate', file, ...p.flags, '--format', 'json'], p.dir);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { errors: { code: string; message: { ja: string } }[] };
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.message.ja).toContain('Excel の行数の上限');
  });
});
