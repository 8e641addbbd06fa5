import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../pipeline/dataset/ajv.ts';
import type { Normalization } from '../../pipeline/problem/Normalization.ts';
import { problem, type Problem } from '../../pipeline/problem/Problem.ts';
import { renderJson } from '../../pipeline/report/json.ts';
import { renderMarkdown } from '../../pipeline/report/markdown.ts';
import { makeReport, REPORT_LIMIT } from '../../pipeline/report/Report.ts';
import { renderText } from '../../pipeline/report/text.ts';
import { generateWorkbook } from '../bench/generate.ts';
import { ROOT, runCli, tempDir } from '../helpers/project.ts';

const validateReport = createAjv().compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as object);

const at = (severity: 'error' | 'warning', row: number, code = 'type-error'): Problem =>
  problem(code, severity, { sheet: 'S', cell: `H${row}`, row }, { ja: `${row}行目`, en: `row ${row}` });

describe('a report keeps the first 1,000 problems of each kind and counts the rest', () => {
  it('keeps the first by row, counts everything, and says so in every rendering', () => {
    // Found out of row order, as the stages find them: the report still keeps rows 1–1000.
    const problems = [...Array.from({ length: 2500 }, (_, i) => at('error', 2500 - i)), ...Array.from({ length: 1200 }, (_, i) => at('warning', i + 1))];
    const normalizations: Normalization[] = Array.from({ length: 3000 }, (_, i) => ({ sheet: 'S', cell: `F${i + 4}`, row: i + 4, field: 'name', rule: 'space/trim', before: ' a', after: 'a' }));
    const report = makeReport({ dataset: 'd', file: 'f.xlsx', rows: 2500, asOf: null, problems, normalizations });
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(REPORT_LIMIT);
    expect(report.errors.map((p) => p.row)).toEqual(Array.from({ length: REPORT_LIMIT }, (_, i) => i + 1));
    expect(report.warnings).toHaveLength(REPORT_LIMIT);
    expect(report.normalizations).toHaveLength(REPORT_LIMIT);
    expect(report.omitted).toEqual({ errors: 1500, warnings: 200, normalizations: 2000 });

    const json = JSON.parse(renderJson(report)) as { summary: unknown; omitted: unknown };
    expect(validateReport(json)).toBe(true);
    expect(json.summary).toEqual({ errors: 2500, warnings: 1200, normalizations: 3000 });
    expect(json.omitted).toEqual({ errors: 1500, warnings: 200, normalizations: 2000 });
    for (const text of [renderText(report), renderMarkdown(report)]) {
      expect(text).toContain('エラー 2500件 / 警告 1200件 / 正規化 3000件');
      expect(text).toContain(`先頭 ${REPORT_LIMIT}件まで`);
    }
  });

  it('a small report is unchanged: nothing omitted, no `omitted` in the JSON', () => {
    const report = makeReport({ dataset: 'd', file: 'f.xlsx', rows: 3, asOf: null, problems: [at('error', 3), at('warning', 2)] });
    expect(report.omitted).toEqual({ errors: 0, warnings: 0, normalizations: 0 });
    expect(JSON.parse(renderJson(report))).not.toHaveProperty('omitted');
    expect(renderText(report)).not.toContain('先頭');
  });

  it('validate on a workbook with 3,000 bad rows lists 1,000 errors and counts 2,000 more', async () => {
    const file = path.join(tempDir(), 'bad.xlsx');
    generateWorkbook(file, 3000, { seed: 3, variant: 'bad' });
    const run = await runCli(['validate', file, '--dataset', 'covid19-measures', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { errors: Problem[]; summary: { errors: number }; omitted: { errors: number } };
    expect(validateReport(report)).toBe(true);
    expect(report.errors).toHaveLength(REPORT_LIMIT);
    expect(report.errors[0]?.row).toBe(4);
    expect(report.summary.errors).toBe(3000);
    expect(report.omitted.errors).toBe(2000);
  });
});
