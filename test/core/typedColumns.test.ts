/**
 * The typed column rules end to end, as a fork would use them: a definition declared in YAML, a workbook
 * written with Excel's own cell types and number formats (time cells, date-time cells, percent cells,
 * TRUE/FALSE cells, numbers), built through the CLI into a package; and a workbook with one bad value per
 * rule, refused at each cell with nothing written. Made-up data throughout.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { DataPackage } from '../../pipeline/package/DataPackage.ts';
import { processWorkbook } from '../../pipeline/process.ts';
import { declaredProject, loadDeclared, madeUpDefinition } from '../fixtures/declaredProject.ts';
import { runCli } from '../helpers/project.ts';

const definition = madeUpDefinition('typed-demo', 'typed.xlsx', {
  primaryKey: 'id',
  columns: [
    { label: 'ID', field: 'id', rule: 'code' },
    { label: '割合', field: 'share', rule: 'number' },
    { label: '気温', field: 'temperature', rule: 'number' },
    { label: '開始時間', field: 'opens', rule: 'time' },
    { label: '終了時間', field: 'closes', rule: 'time', allow24: true },
    { label: '受付日時', field: 'received_at', rule: 'datetime' },
    { label: '年', field: 'year', rule: 'year' },
    { label: '年度', field: 'fiscal_year', rule: 'fiscal-year' },
    { label: '駐車場の有無', field: 'parking', rule: 'boolean', trueValues: ['有', 'あり'], falseValues: ['無', 'なし'] },
    { label: '緯度', field: 'lat', rule: 'latitude' },
    { label: '経度', field: 'lon', rule: 'longitude' },
    { label: 'URL', field: 'url', rule: 'url' },
    { label: 'メールアドレス', field: 'email', rule: 'email' },
    { label: '電話番号', field: 'phone', rule: 'phone' },
    { label: '郵便番号', field: 'postal', rule: 'postal-code' },
    { label: '法人番号', field: 'corporate', rule: 'corporate-number' },
    { label: '団体コード', field: 'city_code', rule: 'lg-code' },
  ],
});

const property = (type: string | string[], title: string, extra: object = {}) => ({ type, title, ...extra });
const recordSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'share', 'temperature', 'opens', 'closes', 'received_at', 'year', 'fiscal_year', 'parking', 'lat', 'lon', 'url', 'email', 'phone', 'postal', 'corporate', 'city_code'],
  properties: {
    id: property('string', 'ID'),
    share: property('number', '割合', { 'x-unit': '%', minimum: 0, maximum: 100 }),
    temperature: property('number', '気温', { 'x-unit': '℃' }),
    opens: property('string', '開始時間'),
    closes: property('string', '終了時間'),
    received_at: property('string', '受付日時'),
    year: property('integer', '年'),
    fiscal_year: property('integer', '年度', { description: '事業の年度' }),
    parking: property('boolean', '駐車場の有無'),
    lat: property('number', '緯度'),
    lon: property('number', '経度'),
    url: property('string', 'URL'),
    email: property('string', 'メールアドレス'),
    phone: property('string', '電話番号'),
    postal: property('string', '郵便番号'),
    corporate: property('string', '法人番号'),
    city_code: property('string', '団体コード'),
  },
};

const TITLE = '型の確認用の表（令和6年4月1日時点）※架空のデータ';
const HEADER = ['ID', '割合', '気温', '開始時間', '終了時間', '受付日時', '年', '年度', '駐車場の有無', '緯度', '経度', 'URL', 'メールアドレス', '電話番号', '郵便番号', '法人番号', '団体コード'];

type Cell = XLSX.CellObject;
const s = (v: string): Cell => ({ t: 's', v });
const n = (v: number, z?: string): Cell => (z ? { t: 'n', v, z } : { t: 'n', v });
const b = (v: boolean): Cell => ({ t: 'b', v });

function workbook(rows: Cell[][]): Buffer {
  const ws: XLSX.WorkSheet = {};
  const put = (r: number, c: number, cell: Cell) => void (ws[XLSX.utils.encode_cell({ r, c })] = cell);
  put(0, 0, s(TITLE));
  HEADER.forEach((label, c) => put(2, c, s(label)));
  rows.forEach((row, i) => row.forEach((cell, c) => put(3 + i, c, cell)));
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 2 + rows.length, c: HEADER.length - 1 } });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, ws, '一覧');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** Row 4: Excel's own cell types. Row 5: what staff type as text, full-width and 和暦 included. */
const GOOD: Cell[][] = [
  [s('001'), n(0.125, '0.0%'), n(-2.5, '0.0'), n(0.375, 'h:mm'), n(0.71875, 'h:mm'), n(45383.5, 'yyyy/m/d h:mm'), n(2024), n(2024), b(true), n(35.3271, '0.0000'), n(139.3496, '0.0000'), s('https://www.example.jp/'), s('info@example.jp'), s('0463-21-1511'), s('254-8686'), n(7000012050002), n(142034)],
  [s('002'), s('３３．５％'), s('▲１．２５'), s('９時３０分'), s('24:00'), s('令和6年4月2日 午後1時'), s('令和6年'), s('令和6年度'), s('なし'), s('３５．３２８８'), s('139°20\'48"'), s('ｈｔｔｐｓ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｊｐ／ａ'), s('ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ'), s('０４６３（２１）１５１１'), s('〒２５４－８６８６'), s('7000012050002'), s('011002')],
];

/** One bad value per rule, each in its own column of row 4. */
const BAD: Cell[] = [
  s('003'), s('12.5kg'), s('abc'), s('25:00'), s('24:30'), s('2024/4/1'), s('平成32年'), s('2020/4'), s('不明'), n(139.3496), n(35.3271), s('www.example.jp'), s('info@'), n(463211511), s('123-456'), s('8000012050002'), s('142035'),
];

const project = declaredProject({ name: 'typed-demo', definition, recordSchema, workbooks: { 'typed.xlsx': workbook(GOOD), 'bad.xlsx': workbook([BAD]) } });
const dataset = loadDeclared(project);

describe('typed columns, declared and read end to end', () => {
  const { report, records } = processWorkbook(workbook(GOOD), 'typed.xlsx', dataset);

  it('reads Excel cell types and the forms staff type, all to the same values', () => {
    expect(report.errors).toEqual([]);
    expect(records.map((r) => r.share)).toEqual([12.5, 33.5]);
    expect(records.map((r) => r.temperature)).toEqual([-2.5, -1.25]);
    expect(records.map((r) => [r.opens, r.closes])).toEqual([['09:00:00', '17:15:00'], ['09:30:00', '24:00:00']]);
    expect(records.map((r) => r.received_at)).toEqual(['2024-04-01T12:00:00', '2024-04-02T13:00:00']);
    expect(records.map((r) => [r.year, r.fiscal_year])).toEqual([[2024, 2024], [2024, 2024]]);
    expect(records.map((r) => r.parking)).toEqual([true, false]);
    expect(records.map((r) => [r.lat, r.lon])).toEqual([[35.3271, 139.3496], [35.3288, 139.3466667]]);
    expect(records.map((r) => r.url)).toEqual(['https://www.example.jp/', 'https://www.example.jp/a']);
    expect(records.map((r) => r.email)).toEqual(['info@example.jp', 'info@example.jp']);
    expect(records.map((r) => r.phone)).toEqual(['0463-21-1511', '0463-21-1511']);
    expect(records.map((r) => r.postal)).toEqual(['254-8686', '254-8686']);
    expect(records.map((r) => [r.corporate, r.city_code])).toEqual([['7000012050002', '142034'], ['7000012050002', '011002']]);
  });

  it('each bad value is an error at its cell, with a message and a fix in Japanese and English', () => {
    const bad = processWorkbook(workbook([BAD]), 'bad.xlsx', dataset);
    const byCell = new Map(bad.report.errors.map((e) => [e.cell, e]));
    const expected = HEADER.slice(1).map((_, i) => XLSX.utils.encode_col(i + 1) + '4');
    for (const cell of expected) {
      const error = byCell.get(cell);
      expect(error, `an error at ${cell}`).toBeDefined();
      expect(error!.sheet).toBe('一覧');
      expect(error!.message.ja.length).toBeGreaterThan(0);
      expect(error!.message.en.length).toBeGreaterThan(0);
      expect(error!.fix?.ja, `a fix at ${cell}`).toBeTruthy();
    }
    expect(byCell.get('J4')!.fix!.en).toContain('swapped');
  });

  it('builds through the CLI: Table Schema types, boolean words in the CSV, true/false in the JSON', async () => {
    const out = path.join(project.dir, 'out');
    const result = await runCli(['build', path.join(project.sources, 'typed.xlsx'), '--out', out, '--schema', project.schema, '--sources', project.sources], project.dir);
    expect(result.code, result.stderr).toBe(0);
    const descriptor = JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8')) as DataPackage;
    const fields = Object.fromEntries(descriptor.resources[0]!.schema!.fields.map((f) => [f.name, f]));
    expect(Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.type]))).toMatchObject({
      share: 'number', opens: 'time', closes: 'time', received_at: 'datetime', year: 'year', fiscal_year: 'year', parking: 'boolean', lat: 'number', lon: 'number',
      url: 'string', postal: 'string', city_code: 'string',
    });
    expect(fields.parking).toMatchObject({ trueValues: ['有'], falseValues: ['無'] });
    expect(fields.lat!.constraints).toMatchObject({ minimum: 20, maximum: 46 });
    expect(fields.url!.format).toBe('uri');
    expect(fields.postal!.constraints!.pattern).toBe('^[0-9]{3}-[0-9]{4}$');
    expect(fields.fiscal_year!.description).toContain('年度（4月〜翌年3月）');
    const csv = readFileSync(path.join(out, descriptor.resources[0]!.path), 'utf8').split('\r\n');
    expect(csv[1]).toContain(',001,12.5,-2.5,09:00:00,17:15:00,2024-04-01T12:00:00,2024,2024,有,35.3271,139.3496,');
    expect(csv[2]).toContain(',002,33.5,-1.25,09:30:00,24:00:00,2024-04-02T13:00:00,2024,2024,無,');
    expect(csv[2]).toContain(',7000012050002,011002');
    const json = JSON.parse(readFileSync(path.join(out, descriptor.resources[1]!.path), 'utf8')) as Record<string, unknown>[];
    expect(json.map((r) => r.parking)).toEqual([true, false]);
  });

  it('a bad workbook builds nothing and exits 1, naming each cell', async () => {
    const out = path.join(project.dir, 'bad-out');
    const result = await runCli(['build', path.join(project.sources, 'bad.xlsx'), '--out', out, '--schema', project.schema, '--sources', project.sources], project.dir);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(result.stdout + result.stderr).toContain('一覧!D4');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /u);
  });
});
