import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAjv } from '../../pipeline/dataset/ajv.ts';
import { annotate } from '../../pipeline/github/actions.ts';
import { processWorkbook } from '../../pipeline/process.ts';
import { problem, type Problem } from '../../pipeline/problem/Problem.ts';
import { escapeData, escapeProperty, renderGithub, workflowCommand } from '../../pipeline/report/github.ts';
import { renderJson } from '../../pipeline/report/json.ts';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../pipeline/report/markdown.ts';
import { makeReport, type Report } from '../../pipeline/report/Report.ts';
import { renderText } from '../../pipeline/report/text.ts';
import * as H from '../fixtures/hostile.ts';
import { row, standardRows, workbookBytes } from '../fixtures/workbooks.ts';
import { measuresDataset, ROOT, SOURCE_WORKBOOK } from '../helpers/project.ts';

const dataset = measuresDataset();

/** A small workbook with one of most things: errors, repaired layout, a merge, a blank cell, normalizations. */
function fixtureReport(): Report {
  const rows = standardRows([
    row(1, { 取組名: '市民病院における\n感染症対策', '事業費（千円）': '約100' }),
    row(2, { 対策名: null, 取組概要: null, '事業費（千円）': '１，０００' }),
    row(3, { 取組名: '㈱平塚の支援' }),
  ]);
  const bytes = workbookBytes({ rows, merges: ['B4:B5'], cells: { H6: { t: 'n', v: 3, f: 'SUM(1,2)' } } });
  return processWorkbook(bytes, 'sources/fixture.xlsx', dataset).report;
}

const brokenReport = (): Report => processWorkbook(H.truncatedXlsx(), 'sources/half.xlsx', dataset).report;

const validateReport = createAjv().compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as object);
function expectValidJson(report: Report): void {
  const json: unknown = JSON.parse(renderJson(report));
  const ok = validateReport(json);
  expect(ok, JSON.stringify(validateReport.errors, null, 1)).toBe(true);
}

describe('renderings of one report (snapshots)', () => {
  const cases = [
    ['fixture', fixtureReport],
    ['unreadable', brokenReport],
  ] as const;
  for (const [name, make] of cases) {
    it(`${name}: text, markdown, json and github`, async () => {
      const report = make();
      await expect(renderText(report)).toMatchFileSnapshot(`__snapshots__/${name}.text.txt`);
      await expect(renderMarkdown(report)).toMatchFileSnapshot(`__snapshots__/${name}.md`);
      await expect(renderJson(report)).toMatchFileSnapshot(`__snapshots__/${name}.json`);
      await expect(renderGithub(report)).toMatchFileSnapshot(`__snapshots__/${name}.github.txt`);
    });
  }

  it('text: errors first, grouped by row, with the one-line summary', () => {
    const text = renderText(fixtureReport());
    expect(text).toMatch(/^エラー \d+件 \/ 警告 \d+件 \/ 正規化 \d+件/mu);
    expect(text.indexOf('■ エラー')).toBeLessThan(text.indexOf('■ 警告'));
    expect(text.indexOf('― 4行目 ―')).toBeLessThan(text.indexOf('― 6行目 ―'));
  });
});

describe('the JSON report matches schema/report.schema.json', () => {
  it('for the committed workbook, a fixture with errors and an unreadable file', () => {
    expectValidJson(processWorkbook(readFileSync(SOURCE_WORKBOOK), 'sources/x.xlsx', dataset).report);
    expectValidJson(fixtureReport());
    expectValidJson(brokenReport());
  });

  it('and the schema is strict enough to fail: a warning among the errors, an unknown key, a bad cell address', () => {
    const json = JSON.parse(renderJson(fixtureReport())) as { errors: Problem[]; extra?: unknown };
    const w = structuredClone(json);
    w.errors[0]!.severity = 'warning';
    expect(validateReport(w)).toBe(false);
    expect(validateReport({ ...json, extra: 1 })).toBe(false);
    const c = structuredClone(json);
    c.errors[0]!.cell = 'row 4';
    expect(validateReport(c)).toBe(false);
  });
});

/** A report with `n` errors, warnings and normalizations whose texts are long. */
function hugeReport(n: number): Report {
  const long = 'とても長い説明文です。'.repeat(20);
  const problems = Array.from({ length: n }, (_, i) =>
    problem(i % 3 === 0 ? 'type-error' : 'blank-cell', i % 2 === 0 ? 'error' : 'warning', { sheet: 'S', cell: `A${i + 1}`, row: i + 1, value: long }, { ja: long, en: long }, { ja: long, en: long }),
  );
  const normalizations = Array.from({ length: n }, (_, i) => ({ sheet: 'S', cell: `B${i + 1}`, row: i + 1, field: 'f', rule: 'space/trim', before: ` ${long}`, after: long }));
  return makeReport({ dataset: 'd', file: 'f.xlsx', rows: n, asOf: null, problems, normalizations });
}

describe('markdown', () => {
  it('stays within the budget and GitHub’s comment limit, cutting the log first, then warnings, then errors, and counts what it left out', () => {
    const report = hugeReport(3000);
    const md = renderMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(40_000);
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const shown = (heading: string) => (md.split(heading)[1]?.split('####')[0]?.match(/^\| S!/gmu) ?? []).length;
    expect(shown('#### エラー')).toBeGreaterThan(0);
    expect(shown('#### エラー')).toBeGreaterThanOrEqual(shown('#### 警告'));
    expect(md).toMatch(/…ほか \d+件（blank-cell \d+件、type-error \d+件）/u);
    expect(md).toContain('<details>');
    expect(renderMarkdown(hugeReport(3000), 10_000).length).toBeLessThanOrEqual(10_000);
  });

  it('keeps cell text inert: no HTML, comment markers, links, emphasis or mentions', () => {
    const hostile = '<!-- </details> <img src=x> @org/team [x](https://example.invalid) *b* | `c`';
    const report = makeReport({ dataset: 'd', file: 'f.xlsx', rows: 1, asOf: null, problems: [problem('type-error', 'error', { sheet: 'S', cell: 'A1', row: 1, value: hostile }, { ja: hostile, en: hostile })] });
    const md = renderMarkdown(report);
    expect(md).not.toContain('<!--');
    expect(md).not.toContain('</details> <img');
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/@org/u);
    expect(md).not.toContain('[x](');
    expect(md).toContain('&lt;!--');
    expect(md.split('\n').find((l) => l.startsWith('| S!A1'))?.split(' | ')).toHaveLength(5);
  });
});

describe('text', () => {
  it('shows control and bidi characters as code points and cuts a 100,000-character value', () => {
    const value = `\u001b[2J\u202Eabc${'あ'.repeat(100_000)}`;
    const report = makeReport({ dataset: 'd', file: 'f.xlsx', rows: 1, asOf: null, problems: [problem('control-character', 'error', { sheet: 'S', cell: 'A1', row: 1, value }, { ja: `「${value}」`, en: value })] });
    const text = renderText(report);
    expect(text).not.toMatch(/[\u001b\u202E]/u);
    expect(text).toContain('<U+001B>');
    expect(text).toContain('<U+202E>');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(1200);
  });
});

describe('github workflow commands', () => {
  afterEach(() => vi.restoreAllMocks());

  it('escape %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('表:1,2%\n')).toBe('表%3A1%2C2%25%0A');
    const p = problem('type-error', 'error', { sheet: '表:1,2', cell: 'C7', row: 7 }, { ja: '50%が\n数値ではありません', en: 'Not a number' });
    expect(workflowCommand(p, 'sources/a,b.xlsx')).toBe('::error title=表%3A1%2C2!C7,file=sources/a%2Cb.xlsx::50%25が⏎数値ではありません%0ANot a number');
  });

  it('are exactly what --annotations emits through @actions/core, errors first, then the summary line', () => {
    const report = fixtureReport();
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    annotate([...report.errors, ...report.warnings].map((p) => ({ ...p, message: { ja: p.message.ja.replace(/\n/gu, '⏎'), en: p.message.en.replace(/\n/gu, '⏎') } })), report.file);
    const lines = renderGithub(report).trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual(written.map((w) => w.trimEnd()));
    expect(lines[0]).toMatch(/^::error /u);
    expect(lines.at(-1)).toMatch(/^エラー \d+件/u);
  });
});
