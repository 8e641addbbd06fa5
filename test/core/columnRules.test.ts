/**
 * Every column rule of the definition format, end to end on a made-up workbook: declared in YAML,
 * read from xlsx and CSV, published as a package. Nothing here is real data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { DataPackage } from '../../pipeline/package/DataPackage.ts';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import { processWorkbook } from '../../pipeline/process.ts';
import { declaredProject, loadDeclared, madeUpDefinition } from '../fixtures/declaredProject.ts';
import { runCli } from '../helpers/project.ts';

const definition = madeUpDefinition('rules-demo', 'rules.xlsx', {
  primaryKey: 'no',
  columns: [
    { label: '番号', field: 'no', rule: 'integer' },
    { label: '地区コード', field: 'area_code', rule: 'code' },
    { label: '受付日', field: 'received_on', rule: 'date' },
    { label: '対象月', field: 'month', rule: 'month' },
    { label: '区分', field: 'kind', rule: 'enum' },
    { label: '分類', rule: 'numbered-label', fields: { number: 'category_no', label: 'category' } },
    { label: '名称', field: 'name', rule: 'relist-marker', relistedFrom: 'relisted_from' },
    { label: '件数', field: 'count', rule: 'integer' },
    { label: '備考', field: 'note', rule: 'text' },
  ],
  missingValues: ['-'],
});

const recordSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['no', 'area_code', 'received_on', 'month', 'kind', 'category_no', 'category', 'name', 'relisted_from', 'count', 'note'],
  properties: {
    no: { type: 'integer', minimum: 1, title: '番号' },
    area_code: { type: 'string', pattern: '^[0-9]+$', title: '地区コード' },
    received_on: { type: 'string', format: 'date', title: '受付日' },
    month: { type: 'string', format: 'year-month', title: '対象月' },
    kind: { type: 'string', enum: ['新規', '継続'], 'x-enum-en': { 新規: 'new', 継続: 'continued' }, title: '区分' },
    category_no: { type: ['integer', 'null'], title: '分類番号' },
    category: { type: ['string', 'null'], title: '分類' },
    name: { type: 'string', title: '名称' },
    relisted_from: { type: ['integer', 'null'], title: '再掲元' },
    count: { type: 'integer', minimum: 0, title: '件数' },
    note: { type: ['string', 'null'], title: '備考' },
  },
};

const TITLE = '読み方の確認用の表（令和2年7月1日時点）※架空のデータ';
const HEADER = ['番号', '地区コード', '受付日', '対象月', '区分', '分類', '名称', '件数', '備考'];

/** Row 4: text everywhere. Row 5: numbers and Excel dates. Row 6: full-width and 西暦 spellings. */
function workbook(): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([
    [TITLE],
    [],
    HEADER,
    [1, '0012', '令和2年4月1日', '令和2年4月', '新規', '（1）相談', '電話相談', '1,234', 'なし'],
    [2, 12, 43923, 43952, 'Continued', '(2)支援', '【再掲】電話相談', 1234, '-'],
    [3, '0100', '2020/4/3', '2020-06', '継続', '（２）支援', '窓口相談', '５６'],
  ]);
  sheet.C5!.z = 'yyyy/m/d';
  sheet.D5!.z = '[$-ja-JP]ggge"年"m"月"';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '一覧');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const CSV = [TITLE, '', HEADER.join(','), '1,0012,令和2年4月1日,令和2年4月,新規,（1）相談,電話相談,"1,234",なし', '2,0007,2020-04-02,2020年5月,継続,(2)支援,【再掲】電話相談,1234,-'].join('\r\n');

const project = declaredProject({ name: 'rules-demo', definition, recordSchema, workbooks: { 'rules.xlsx': workbook(), 'rules.csv': new TextEncoder().encode(CSV) } });
const dataset = loadDeclared(project);

describe('every column rule, declared and read end to end', () => {
  const { report, records } = processWorkbook(workbook(), 'rules.xlsx', dataset);

  it('reads the workbook without errors', () => {
    expect(report.errors).toEqual([]);
    expect(report.asOf).toBe('2020-07-01');
    expect(records).toHaveLength(3);
  });

  it('date: 和暦 text, an Excel date serial and a 西暦 spelling, per row', () => {
    expect(records.map((r) => r.received_on)).toEqual(['2020-04-01', '2020-04-02', '2020-04-03']);
    const rules = report.normalizations.filter((n) => n.field === 'received_on').map((n) => `${n.cell} ${n.rule}`);
    expect(rules).toEqual(['C4 date/wareki', 'C5 date/serial', 'C6 date/iso']);
  });

  it('month: 和暦, a date cell shown as a month, and YYYY-MM, all as YYYY-MM', () => {
    expect(records.map((r) => r.month)).toEqual(['2020-04', '2020-05', '2020-06']);
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'wareki-without-seireki', cell: 'D4' }));
  });

  it('code: text keeps its leading zeros; a number cell keeps its digits and says the zeros may be lost', () => {
    expect(records.map((r) => r.area_code)).toEqual(['0012', '12', '0100']);
    const warnings = report.warnings.filter((w) => w.code === 'code-as-number');
    expect(warnings).toMatchObject([{ cell: 'B5', field: 'area_code', severity: 'warning' }]);
    expect(warnings[0]?.message.ja).toContain('先頭の「0」');
  });

  it('integer with separators and full-width digits; enum with its English label; numbered label; 再掲 marker; text with a none-marker', () => {
    expect(records.map((r) => r.count)).toEqual([1234, 1234, 56]);
    expect(records.map((r) => r.kind)).toEqual(['新規', '継続', '継続']);
    expect(records.map((r) => [r.category_no, r.category])).toEqual([[1, '相談'], [2, '支援'], [2, '支援']]);
    expect(records.map((r) => [r.name, r.relisted_from])).toEqual([['電話相談', null], ['電話相談', 1], ['窓口相談', null]]);
    expect(records.map((r) => r.note)).toEqual(['なし', null, null]);
  });

  it('publishes dates as date and months as yearmonth in the Table Schema', () => {
    const built = buildPackage({ dataset, records, asOf: '2020-07-01', version: '1.0.0' });
    const types = Object.fromEntries(built.descriptor.resources[0]!.schema!.fields.map((f) => [f.name, f.type]));
    expect(types).toMatchObject({ lg_code: 'string', area_code: 'string', received_on: 'date', month: 'yearmonth', count: 'integer' });
  });

  it('a CSV keeps every code as written, leading zeros included, with no warning', () => {
    const csv = processWorkbook(new TextEncoder().encode(CSV), 'rules.csv', { ...dataset });
    expect(csv.report.errors).toEqual([]);
    expect(csv.records.map((r) => r.area_code)).toEqual(['0012', '0007']);
    expect(csv.records.map((r) => r.month)).toEqual(['2020-04', '2020-05']);
    expect(csv.report.warnings.map((w) => w.code)).not.toContain('code-as-number');
  });

  it('builds through the CLI from the declared project, codes still text in the CSV', async () => {
    const out = path.join(project.dir, 'out');
    const result = await runCli(['build', path.join(project.sources, 'rules.xlsx'), '--out', out, '--schema', project.schema, '--sources', project.sources], project.dir);
    expect(result.code, result.stderr).toBe(0);
    const descriptor = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8')) as DataPackage;
    const csv = readFileSync(path.join(out, descriptor.resources[0]!.path), 'utf8');
    expect(csv.split('\r\n')[1]).toContain(',0012,2020-04-01,2020-04,');
  });
});
