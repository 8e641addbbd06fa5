import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { SourceCell } from '../../pipeline/ingest/Table.ts';
import { sheetGrid } from '../../pipeline/ingest/sheetCells.ts';
import { guessRule } from '../../pipeline/init/guessRule.ts';
import { findHeaderRow } from '../../pipeline/init/headerRow.ts';
import { dictionaryName, unitOf } from '../../pipeline/init/fieldNames.ts';

const cells = (...values: (string | number | null)[]): (SourceCell | undefined)[] =>
  values.map((value, i) => (value === null ? undefined : { address: `A${i + 2}`, row: i + 2, col: 0, value }));
const dated = (serial: number, format: string): SourceCell => ({ address: 'A2', row: 2, col: 0, value: serial, format });
const rule = (label: string, column: (SourceCell | undefined)[]) => guessRule(label, column).rule;

describe('guessing a column rule from its values', () => {
  it('integers, with separators, full-width digits and none-markers', () => {
    expect(rule('件数', cells(1, 2, 3))).toBe('integer');
    const guess = guessRule('事業費（千円）', cells('1,424,746', '５００', '-', null));
    expect(guess).toMatchObject({ rule: 'integer', nullable: true, values: [1424746, 500] });
    expect(guess.why.ja).toContain('桁区切り');
  });

  it('和暦 and 西暦 dates, text or Excel dates; months without a day', () => {
    expect(rule('日付', cells('令和2年4月1日', '2020/4/2', 'R2.4.3'))).toBe('date');
    expect(rule('日付', [dated(43922, 'yyyy/m/d'), ...cells('令和2年4月2日')])).toBe('date');
    expect(rule('月', cells('令和2年4月', '2020年5月', '2020-06'))).toBe('month');
    expect(rule('月', [dated(43922, '[$-ja-JP]ggge"年"m"月"'), dated(43952, 'yyyy/m')])).toBe('month');
    expect(rule('月', cells('令和2年4月', '不明'))).toBe('text');
  });

  it('（1）-style numbered labels and 【再掲】 markers', () => {
    expect(rule('小柱', cells('（1）命を守る', '(2)暮らしを支える', '（３）経済', '-'))).toBe('numbered-label');
    expect(rule('取組名', cells('見守り', '窓口', '【再掲】見守り'))).toBe('relist-marker');
  });

  it('codes with leading zeros stay text; a コード label makes numbers a code', () => {
    expect(rule('地区', cells('0012', '0100', '1234'))).toBe('code');
    expect(rule('団体コード', cells(142034, 142051))).toBe('lg-code');
    // Six digits whose check digit does not agree are no 全国地方公共団体コード: an ordinary code.
    expect(rule('団体コード', cells(142035, 142051))).toBe('code');
    expect(rule('地区', cells('12', '100'))).toBe('integer');
  });

  it('a few repeated values are an enum (in order of appearance); anything else is text', () => {
    expect(guessRule('取組状況', cells('着手', '完了', '着手', '着手'))).toMatchObject({ rule: 'enum', enumValues: ['着手', '完了'] });
    expect(rule('取組名', cells('a', 'b', 'c', 'd'))).toBe('text');
    expect(rule('状況', cells('着手', '完了', null, '着手'))).toBe('text');
  });
});

describe('finding the header row', () => {
  const grid = (rows: (string | number)[][], merges: string[] = []) => {
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
    const book = XLSX.read(XLSX.write({ SheetNames: ['s'], Sheets: { s: sheet } }, { type: 'buffer', bookType: 'xlsx' }), { dense: true, cellNF: true });
    return sheetGrid('s', book.Sheets.s!);
  };

  it('is the row with the most labels that data follows, under a merged title and notes', () => {
    const found = findHeaderRow(grid([['一覧表（令和2年9月1日時点）', '', '', ''], ['※単位：千円'], [], ['No.', '名称', '金額', '状況'], [1, '甲', 100, '着手'], [2, '乙', 200, '完了']], ['A1:D1']));
    expect(found?.row).toBe(4);
    expect(found?.labels.map((l) => l.label)).toEqual(['No.', '名称', '金額', '状況']);
  });

  it('is not a row of text with nothing under it', () => {
    expect(findHeaderRow(grid([['表題'], ['見出し1', '見出し2', '見出し3']]))).toBeNull();
  });
});

describe('field names', () => {
  it('come from a small dictionary, the unit aside, or not at all', () => {
    expect(dictionaryName('No.')).toBe('no');
    expect(dictionaryName('取組状況')).toBe('status');
    expect(dictionaryName('事業費（千円）')).toBe('budget');
    expect(unitOf('事業費（千円）')).toBe('千円');
    expect(dictionaryName('受診相談')).toBeUndefined();
  });
});
