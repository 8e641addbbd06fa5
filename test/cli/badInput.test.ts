import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, row, sourceRowOf, sourceWith, standardRows, TITLE, workbookBytes, writeTemp } from '../fixtures/workbooks.ts';
import { runCli, SOURCE_WORKBOOK } from '../helpers/project.ts';

interface BadCase {
  name: string;
  bytes: () => Uint8Array;
  code: string;
  cell?: string;
  fileName?: string;
}

const budgetRow = sourceRowOf(78);
const cases: BadCase[] = [
  { name: 'not a workbook', bytes: () => new TextEncoder().encode('%PDF-1.4\n\u0000\u0001binary'), code: 'format-error', fileName: 'list.xlsx' },
  { name: 'a truncated workbook', bytes: () => readFileSync(SOURCE_WORKBOOK).subarray(0, 4000), code: 'format-error' },
  { name: 'a missing column', bytes: () => workbookBytes({ rows: [[TITLE], [], HEADER.slice(0, 8), row(1).slice(0, 8)] }), code: 'missing-label' },
  { name: 'an unknown status', bytes: () => sourceWith({ [`I${sourceRowOf(5)}`]: { t: 's', v: '実施中' } }), code: 'constraint-error', cell: `I${sourceRowOf(5)}` },
  { name: 'a negative budget', bytes: () => sourceWith({ [`H${budgetRow}`]: { t: 'n', v: -5, z: '#,##0' } }), code: 'constraint-error', cell: `H${budgetRow}` },
  { name: 'a duplicated No.', bytes: () => sourceWith({ [`A${sourceRowOf(10)}`]: { t: 'n', v: 9 } }), code: 'primary-key', cell: `A${sourceRowOf(10)}` },
  { name: 'a 【再掲】 without an original', bytes: () => sourceWith({ [`F${sourceRowOf(35)}`]: { t: 's', v: '存在しない取組【再掲】' } }), code: 'relist-original-missing', cell: `F${sourceRowOf(35)}` },
  { name: 'a formula cell', bytes: () => sourceWith({ [`H${budgetRow}`]: { t: 'n', v: 3, f: 'SUM(1,2)' } }), code: 'formula', cell: `H${budgetRow}` },
  { name: 'formula-like text', bytes: () => sourceWith({ [`G${sourceRowOf(4)}`]: { t: 's', v: '=HYPERLINK("http://example.invalid")' } }), code: 'formula-injection', cell: `G${sourceRowOf(4)}` },
  { name: 'a control character', bytes: () => sourceWith({ [`F${sourceRowOf(6)}`]: { t: 's', v: '外国籍市民\u0007向け' } }), code: 'control-character', cell: `F${sourceRowOf(6)}` },
  { name: 'text in a number column', bytes: () => workbookBytes({ rows: standardRows([row(1, { '事業費（千円）': '約100' })]) }), code: 'type-error', cell: 'H4' },
];

describe('bad input: exit 1, the cell named, nothing written', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const file = writeTemp(c.bytes(), c.fileName);
      const validate = await runCli(['validate', file, '--dataset', 'covid19-measures', '--format', 'json']);
      expect(validate.code).toBe(1);
      const report = JSON.parse(validate.stdout) as { valid: boolean; errors: { code: string; cell?: string; message: { ja: string; en: string } }[] };
      expect(report.valid).toBe(false);
      const error = report.errors.find((e) => e.code === c.code);
      expect(error, JSON.stringify(report.errors)).toBeDefined();
      if (c.cell) expect(error?.cell).toBe(c.cell);
      expect(error?.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/u);

      const text = await runCli(['validate', file, '--dataset', 'covid19-measures']);
      expect(text.code).toBe(1);
      expect(text.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/u);
      if (c.cell) expect(text.stdout).toContain(c.cell);

      const out = path.join(path.dirname(file), 'out');
      const build = await runCli(['build', file, '--out', out, '--dataset', 'covid19-measures']);
      expect(build.code).toBe(1);
      expect(existsSync(out)).toBe(false);
      expect(build.stdout).toBe('');
    });
  }

  it('a file that does not exist', async () => {
    const result = await runCli(['validate', '/nonexistent/list.xlsx', '--dataset', 'covid19-measures']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('見つかりません');
  });
});

describe('usage errors exit 2', () => {
  it.each([[['frobnicate']], [['validate']], [['validate', 'a.xlsx', '--format', 'pdf']], [['build', 'a.xlsx']], [['validate', 'a.xlsx', '--nope']], [['validate', 'a.xlsx', '--dataset', 'unknown']]])('%j', async (args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage');
  });
});
