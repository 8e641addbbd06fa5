import { describe, expect, it } from 'vitest';
import { monthFromSerial, parseJapaneseMonth } from '../../pipeline/normalize/rules/japaneseMonth.ts';

const value = (text: string) => parseJapaneseMonth(text).value;
const codes = (text: string) => parseJapaneseMonth(text).findings.map((f) => f.code);

describe('parseJapaneseMonth', () => {
  it('reads 和暦 months as YYYY-MM, with 元年, full-width digits, 分 and the era signs', () => {
    expect(value('令和2年4月')).toBe('2020-04');
    expect(value('令和元年5月')).toBe('2019-05');
    expect(value('令和２年１２月')).toBe('2020-12');
    expect(value('令和3年3月分')).toBe('2021-03');
    expect(value('㋿2年4月')).toBe('2020-04');
    expect(value('平成31年4月')).toBe('2019-04');
    expect(value('R2.4')).toBe('2020-04');
    expect(value('Ｈ３０／１')).toBe('2018-01');
  });

  it('records the rewrite and warns about 和暦 without 西暦, but not when the 西暦 is given', () => {
    const plain = parseJapaneseMonth('令和2年4月');
    expect(plain.changes).toEqual([{ rule: 'month/wareki', before: '令和2年4月', after: '2020-04' }]);
    expect(plain.findings).toMatchObject([{ code: 'wareki-without-seireki', severity: 'warning' }]);
    expect(plain.findings[0]?.message.ja).toContain('2020-04');
    const bracketed = parseJapaneseMonth('令和2年（2020年）4月');
    expect(bracketed.value).toBe('2020-04');
    expect(bracketed.findings).toEqual([]);
  });

  it('reads 西暦 spellings, and leaves YYYY-MM unchanged', () => {
    expect(value('2020年4月')).toBe('2020-04');
    expect(value('2020/4')).toBe('2020-04');
    expect(parseJapaneseMonth('2020-04')).toEqual({ value: '2020-04', changes: [], findings: [] });
    expect(parseJapaneseMonth(' 2020-04 ').changes.map((c) => c.rule)).toEqual(['space/trim']);
  });

  it('never makes a month up: outside its era, month 13, disagreeing brackets', () => {
    expect(parseJapaneseMonth('令和元年4月')).toMatchObject({ value: null, findings: [{ code: 'invalid-date' }] });
    expect(parseJapaneseMonth('平成31年5月')).toMatchObject({ value: null, findings: [{ code: 'invalid-date' }] });
    expect(value('平成元年1月')).toBe('1989-01');
    expect(value('昭和64年1月')).toBe('1989-01');
    expect(codes('2020年13月')).toEqual(['invalid-date']);
    expect(codes('令和2年（2021年）4月')).toEqual(['invalid-date']);
  });

  it('refuses a date with a day and anything that is not a month, saying why', () => {
    const dated = parseJapaneseMonth('令和2年4月1日');
    expect(dated).toMatchObject({ value: null, findings: [{ code: 'type-error' }] });
    expect(dated.findings[0]?.message.ja).toContain('日は書きません');
    expect(codes('4月')).toEqual(['type-error']);
    expect(codes('令和2年度')).toEqual(['type-error']);
    expect(parseJapaneseMonth('')).toEqual({ value: null, changes: [], findings: [] });
  });
});

describe('monthFromSerial', () => {
  it('reads an Excel date cell shown as a month', () => {
    // 43922 is 2020-04-01 in the 1900 date system.
    expect(monthFromSerial(43922, '[$-ja-JP]ggge"年"m"月"')).toEqual({ value: '2020-04', changes: [{ rule: 'month/serial', before: '43922', after: '2020-04' }], findings: [] });
  });

  it('reads the month of a date that is not the 1st, with a warning naming the day', () => {
    const result = monthFromSerial(43936, 'yyyy/m/d');
    expect(result.value).toBe('2020-04');
    expect(result.findings).toMatchObject([{ code: 'month-with-day', severity: 'warning' }]);
    expect(result.findings[0]?.message.en).toContain('2020-04-15');
  });

  it('does not read a plain number as a month', () => {
    expect(monthFromSerial(202004, undefined)).toMatchObject({ value: null, findings: [{ code: 'type-error' }] });
  });
});
