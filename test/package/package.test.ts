import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataPackage } from '../../pipeline/package/DataPackage.ts';
import { sha256 } from '../../pipeline/package/packageFile.ts';
import { EXAMPLES, readTree, ROOT, runCli, SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';

describe('the built data package', () => {
  let dir: string;
  let descriptor: DataPackage;

  beforeAll(async () => {
    dir = path.join(tempDir(), 'pkg');
    const result = await runCli(['build', SOURCE_WORKBOOK, '--out', dir]);
    expect(result.code, result.stderr).toBe(0);
    descriptor = JSON.parse(readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as DataPackage;
  });

  it('is a Data Package v2 descriptor with metadata from the definition and dates from the source', () => {
    expect(descriptor).toMatchObject({
      $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
      name: 'covid19-measures',
      version: '1.0.0',
      created: '2020-09-01T00:00:00+09:00',
      licenses: [{ name: 'CC-BY-4.0' }],
      summary: { asOf: '2020-09-01', rows: 85, relistedRows: 3, totals: { budget_thousand_yen: { all: 4976921, withoutRelisted: 4666421 } } },
    });
    expect(descriptor.contributors[0]?.organization).toContain('142034');
    expect(descriptor.sources[0]?.title).toContain('令和2年9月1日時点');
  });

  it('declares every file with its true size and sha256', () => {
    expect(descriptor.resources.map((r) => [r.name, r.format])).toEqual([
      ['covid19-measures', 'csv'],
      ['covid19-measures-json', 'json'],
      ['covid19-measures-excel', 'csv'],
      ['covid19-measures-summary', 'csv'],
    ]);
    for (const resource of descriptor.resources) {
      const bytes = readFileSync(path.join(dir, resource.path));
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(sha256(bytes));
    }
  });

  it('derives the Table Schema from the record JSON Schema, in the public field order', () => {
    const schema = descriptor.resources[0]!.schema!;
    expect(schema.fields.map((f) => f.name)).toEqual(['lg_code', 'lg_name', 'no', 'measure_package', 'pillar_no', 'pillar', 'sub_pillar_no', 'sub_pillar', 'name', 'summary', 'budget_thousand_yen', 'status', 'relisted_from']);
    const field = (name: string) => schema.fields.find((f) => f.name === name)!;
    expect(field('lg_code')).toMatchObject({ title: '全国地方公共団体コード', type: 'string', constraints: { required: true, pattern: '^[0-9]{6}$' } });
    expect(field('lg_name')).toMatchObject({ title: '地方公共団体名', type: 'string', constraints: { required: true } });
    expect(field('no')).toMatchObject({ title: 'No.', type: 'integer', constraints: { required: true, unique: true } });
    expect(field('budget_thousand_yen')).toMatchObject({ title: '事業費（千円）', type: 'integer', constraints: { minimum: 0 } });
    expect(field('budget_thousand_yen').constraints?.required).toBeUndefined();
    expect(field('status').constraints?.enum).toEqual(['着手', '完了']);
    expect(field('status').categories).toEqual([{ value: '着手', label: 'started' }, { value: '完了', label: 'completed' }]);
    expect(schema.primaryKey).toEqual(['no']);
    expect(schema.missingValues).toEqual(['']);
    expect(schema.foreignKeys).toEqual([{ fields: ['relisted_from'], reference: { fields: ['no'] } }]);
  });

  it('writes CSV (RFC 4180, field-name header) and JSON with the same records', () => {
    const csvText = readFileSync(path.join(dir, descriptor.resources[0]!.path), 'utf8');
    expect(csvText.charCodeAt(0)).not.toBe(0xfeff);
    expect(csvText.split('\r\n')[0]).toBe('lg_code,lg_name,no,measure_package,pillar_no,pillar,sub_pillar_no,sub_pillar,name,summary,budget_thousand_yen,status,relisted_from');
    const rows = parse(csvText, { columns: true }) as Record<string, string>[];
    const json = JSON.parse(readFileSync(path.join(dir, descriptor.resources[1]!.path), 'utf8')) as Record<string, unknown>[];
    expect(rows).toHaveLength(85);
    expect(json).toHaveLength(85);
    rows.forEach((r, i) => {
      for (const [key, value] of Object.entries(json[i]!)) expect(r[key]).toBe(value === null ? '' : String(value));
    });
    expect(Object.keys(json[0]!).slice(0, 3)).toEqual(['lg_code', 'lg_name', 'no']);
    expect(json.every((r) => r.lg_code === '142034' && r.lg_name === '神奈川県平塚市')).toBe(true);
    expect(json[31]).toMatchObject({ no: 32, relisted_from: 28, budget_thousand_yen: null, summary: null });
  });

  it('is byte-identical when built twice', async () => {
    const again = path.join(tempDir(), 'pkg');
    expect((await runCli(['build', SOURCE_WORKBOOK, '--out', again])).code).toBe(0);
    expect(readTree(again)).toEqual(readTree(dir));
  });

  it('runs through the installed bin as `opendata`', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'pipeline/bin/opendata.js'), 'validate', SOURCE_WORKBOOK, '--format', 'json'], { cwd: EXAMPLES, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ valid: true, rows: 85 });
  });
});
