/** A broken dataset definition gives one clear message (Japanese and English) and exit 1; nothing is built. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { declaredProject } from '../fixtures/declaredProject.ts';
import { EXAMPLES, runCli, SOURCE_WORKBOOK } from '../helpers/project.ts';

interface Column {
  label: string;
  field?: string;
  rule: string;
}

const DEFINITION = readFileSync(path.join(EXAMPLES, 'schema/datasets/covid19-measures.yaml'), 'utf8');
const RECORD_SCHEMA = readFileSync(path.join(EXAMPLES, 'schema/datasets/covid19-measures.record.schema.json'), 'utf8');

/** The Hiratsuka definition with one column changed. */
function withColumn(field: string, change: Partial<Column>): object {
  const definition = parse(DEFINITION) as { columns: Column[] };
  return { ...definition, columns: definition.columns.map((c) => (c.field === field ? { ...c, ...change } : c)) };
}

function project(definition: object | string) {
  return declaredProject({ name: 'covid19-measures', definition, recordSchema: RECORD_SCHEMA, workbooks: { [path.basename(SOURCE_WORKBOOK)]: readFileSync(SOURCE_WORKBOOK) } });
}

/** Runs validate and publish; both exit 1 and publish writes nothing. Returns validate's output. */
async function broken(definition: object | string): Promise<string> {
  const p = project(definition);
  const flags = ['--schema', p.schema, '--sources', p.sources];
  const validate = await runCli(['validate', path.join(p.sources, path.basename(SOURCE_WORKBOOK)), ...flags], p.dir);
  expect(validate.code).toBe(1);
  const publish = await runCli(['publish', ...flags, '--dist', p.dist], p.dir);
  expect(publish.code).toBe(1);
  expect(existsSync(p.dist)).toBe(false);
  return validate.stdout + validate.stderr;
}

describe('broken definitions: one clear message each, exit 1', () => {
  it('an unknown rule names the column, the rule and the rules there are', async () => {
    const output = await broken(withColumn('status', { rule: 'status-enum' }));
    expect(output).toContain('列「取組状況」の rule「status-enum」は使えません。使えるのは text, integer, number, date, month, time, datetime, year, fiscal-year, boolean, latitude, longitude, enum, code, url, email, phone, postal-code, corporate-number, lg-code, numbered-label, relist-marker です。');
    expect(output).toContain('Column 取組状況 (columns[8]) rule: "status-enum" is not allowed');
    expect(output.match(/status-enum/gu)).toHaveLength(2);
  });

  it('a label that is not in the sheet names the label and the header row', async () => {
    const p = project(withColumn('status', { label: '取組の状況' }));
    const result = await runCli(['validate', path.join(p.sources, path.basename(SOURCE_WORKBOOK)), '--format', 'json', '--schema', p.schema, '--sources', p.sources], p.dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { errors: { code: string; message: { ja: string; en: string } }[] };
    expect(report.errors.map((e) => e.code)).toEqual(['missing-label']);
    expect(report.errors[0]?.message.ja).toContain('見出し「取組の状況」の列が見つかりません（見出しは3行目）');
  });

  it('a field renamed in the definition but not in the record schema is one message saying so', async () => {
    const output = await broken(withColumn('summary', { field: 'overview' }));
    expect(output).toContain('列「取組概要」の項目は定義では overview、レコードのスキーマ covid19-measures.record.schema.json では summary です。');
    expect(output).not.toContain('no column produces');
  });

  it('a rule whose type the record schema does not declare is one message', async () => {
    const output = await broken(withColumn('summary', { rule: 'integer' }));
    expect(output).toContain('項目 summary は読み方 integer（integer）ですが、スキーマでは string または null です。');
  });

  it('a misspelt key names the column and the key', async () => {
    const output = await broken(withColumn('summary', { fild: 'summary' } as Partial<Column>));
    expect(output).toContain('列「取組概要」に知らない項目「fild」があります（書き間違いではありませんか）。');
  });

  it('YAML that cannot be read says where', async () => {
    const output = await broken('name: covid19-measures\ncolumns: [unclosed\n  - { label: x\n');
    expect(output).toContain('データセット定義をYAMLとして読めません');
    expect(output).toMatch(/line \d+, column \d+/u);
  });

  it('every broken case reports exactly one problem', async () => {
    const cases = [
      withColumn('status', { rule: 'status-enum' }),
      withColumn('summary', { field: 'overview' }),
      withColumn('summary', { rule: 'integer' }),
      withColumn('summary', { fild: 'summary' } as Partial<Column>),
      'columns: [unclosed\n',
    ];
    for (const definition of cases) {
      const p = project(definition);
      const result = await runCli(['publish', '--schema', p.schema, '--sources', p.sources, '--dist', p.dist], p.dir);
      expect(result.code).toBe(1);
      expect(result.stderr.match(/\[エラー\]/gu) ?? [], result.stderr).toHaveLength(1);
    }
  });
});
