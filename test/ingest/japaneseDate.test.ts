import { describe, expect, it } from 'vitest';
import { findJapaneseDate, parseJapaneseDate, scanJapaneseDate } from '../../pipeline/ingest/japaneseDate.ts';

describe('findJapaneseDate', () => {
  it('finds the as-of date in a sheet title', () => {
    expect(findJapaneseDate('新型コロナウイルス感染症対応地方創生臨時交付金事業一覧表（令和2年9月1日時点）')).toEqual({
      iso: '2020-09-01',
      source: '令和2年9月1日',
      era: '令和',
    });
  });

  it('reads 元年', () => {
    expect(findJapaneseDate('令和元年5月1日')?.iso).toBe('2019-05-01');
    expect(findJapaneseDate('平成元年1月8日')?.iso).toBe('1989-01-08');
  });

  it('reads full-width digits and spaced kanji, returning the source as written', () => {
    expect(findJapaneseDate('令和２年９月１日現在')).toEqual({ iso: '2020-09-01', source: '令和２年９月１日', era: '令和' });
    expect(findJapaneseDate('（令和 2年 9月 1日時点）')).toEqual({ iso: '2020-09-01', source: '令和 2年 9月 1日', era: '令和' });
    expect(findJapaneseDate('令和\u3000２年\u3000９月\u3000１日')?.iso).toBe('2020-09-01');
  });

  it('reads the abbreviations R/H/S/T with dots or slashes', () => {
    expect(findJapaneseDate('R2.9.1')).toEqual({ iso: '2020-09-01', source: 'R2.9.1', era: '令和' });
    expect(findJapaneseDate('H31.4.30')?.iso).toBe('2019-04-30');
    expect(findJapaneseDate('S64.1.7')?.iso).toBe('1989-01-07');
    expect(findJapaneseDate('T15.12.25')?.iso).toBe('1926-12-25');
    expect(findJapaneseDate('H31/4/30')?.iso).toBe('2019-04-30');
    expect(findJapaneseDate('Ｒ２．９．１')?.iso).toBe('2020-09-01');
    expect(findJapaneseDate('R元.5.1')?.iso).toBe('2019-05-01');
    expect(findJapaneseDate('基準日はR2.9.1.')?.source).toBe('R2.9.1');
  });

  it('does not read an abbreviation inside a word or a longer number', () => {
    expect(findJapaneseDate('ABR2.9.1')).toBeNull();
    expect(findJapaneseDate('R2.9.1.5')).toBeNull();
  });

  it('reads 西暦 forms', () => {
    expect(findJapaneseDate('2020年9月1日')).toEqual({ iso: '2020-09-01', source: '2020年9月1日' });
    expect(findJapaneseDate('更新: 2020/9/1')?.iso).toBe('2020-09-01');
    expect(findJapaneseDate('2020-09-01')?.iso).toBe('2020-09-01');
    expect(findJapaneseDate('２０２０年９月１日')?.iso).toBe('2020-09-01');
    expect(findJapaneseDate('2020-09-01')?.era).toBeUndefined();
  });

  it('returns the first date in the text', () => {
    expect(findJapaneseDate('2021/4/1 から 令和2年9月1日 まで')?.iso).toBe('2021-04-01');
    expect(findJapaneseDate('令和2年9月1日 から 2021/4/1 まで')?.iso).toBe('2020-09-01');
  });

  it('checks a bracketed 西暦 and a weekday', () => {
    expect(findJapaneseDate('令和2年（2020年）9月1日')?.iso).toBe('2020-09-01');
    expect(findJapaneseDate('令和2年(2021年)9月1日')).toBeNull();
    expect(findJapaneseDate('2020年9月1日（火）')?.source).toBe('2020年9月1日（火）');
    expect(findJapaneseDate('2020年9月1日（水曜日）')).toBeNull();
  });

  it('reads the square era signs', () => {
    expect(findJapaneseDate('㍻31年4月30日')).toEqual({ iso: '2019-04-30', source: '㍻31年4月30日', era: '平成' });
  });

  it('returns null for text without a full date', () => {
    expect(findJapaneseDate('令和2年9月')).toBeNull();
    expect(findJapaneseDate('事業一覧表')).toBeNull();
    expect(findJapaneseDate('1,424,746')).toBeNull();
  });
});

describe('era boundaries', () => {
  it('平成31年4月30日 is valid, 平成31年5月1日 is not', () => {
    expect(findJapaneseDate('平成31年4月30日')?.iso).toBe('2019-04-30');
    expect(findJapaneseDate('平成31年5月1日')).toBeNull();
  });

  it('令和元年5月1日 is valid, 令和元年4月30日 is not', () => {
    expect(findJapaneseDate('令和元年5月1日')?.iso).toBe('2019-05-01');
    expect(findJapaneseDate('令和元年4月30日')).toBeNull();
  });

  it('昭和 ends 1989-01-07 and 平成 starts 1989-01-08', () => {
    expect(findJapaneseDate('昭和64年1月7日')?.iso).toBe('1989-01-07');
    expect(findJapaneseDate('昭和64年1月8日')).toBeNull();
    expect(findJapaneseDate('平成元年1月7日')).toBeNull();
    expect(findJapaneseDate('昭和元年12月25日')?.iso).toBe('1926-12-25');
    expect(findJapaneseDate('昭和元年12月24日')).toBeNull();
  });

  it('an invalid era date is a finding that suggests the right era, never a date', () => {
    const r = scanJapaneseDate('一覧（令和元年4月30日時点）');
    expect(r.value).toBeNull();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.code).toBe('invalid-date');
    expect(r.findings[0]?.severity).toBe('error');
    expect(r.findings[0]?.fix?.ja).toContain('平成31年4月30日');
    expect(scanJapaneseDate('平成31年5月1日').findings[0]?.fix?.ja).toContain('令和元年5月1日');
  });

  it('the first date-shaped text decides: an invalid one is not skipped', () => {
    const r = scanJapaneseDate('令和元年4月30日 / 2020年9月1日');
    expect(r.value).toBeNull();
    expect(r.findings[0]?.code).toBe('invalid-date');
  });

  it('rejects impossible calendar dates', () => {
    expect(findJapaneseDate('2020年2月30日')).toBeNull();
    expect(findJapaneseDate('2021/2/29')).toBeNull();
    expect(findJapaneseDate('2020/2/29')?.iso).toBe('2020-02-29');
    expect(findJapaneseDate('令和2年13月1日')).toBeNull();
    expect(findJapaneseDate('令和0年5月1日')).toBeNull();
    expect(scanJapaneseDate('2020年2月30日').findings[0]?.message.ja).toContain('存在しない');
  });

  it('no date at all is null without a finding', () => {
    expect(scanJapaneseDate('事業一覧表')).toEqual({ value: null, changes: [], findings: [] });
  });
});

describe('parseJapaneseDate', () => {
  it('converts 和暦 with a date/wareki change and a wareki-without-seireki warning', () => {
    const r = parseJapaneseDate('令和2年9月1日');
    expect(r.value).toBe('2020-09-01');
    expect(r.changes).toEqual([{ rule: 'date/wareki', before: '令和2年9月1日', after: '2020-09-01' }]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.code).toBe('wareki-without-seireki');
    expect(r.findings[0]?.severity).toBe('warning');
  });

  it('does not warn when the 西暦 is written alongside', () => {
    const r = parseJapaneseDate('令和2年（2020年）9月1日');
    expect(r.value).toBe('2020-09-01');
    expect(r.findings).toEqual([]);
    expect(r.changes[0]?.rule).toBe('date/wareki');
  });

  it('accepts ISO unchanged and rewrites other 西暦 spellings with date/iso', () => {
    expect(parseJapaneseDate('2020-09-01')).toEqual({ value: '2020-09-01', changes: [], findings: [] });
    expect(parseJapaneseDate('2020/9/1')).toEqual({
      value: '2020-09-01',
      changes: [{ rule: 'date/iso', before: '2020/9/1', after: '2020-09-01' }],
      findings: [],
    });
  });

  it('records trimming', () => {
    expect(parseJapaneseDate(' 2020-09-01 ').changes).toEqual([
      { rule: 'space/trim', before: ' 2020-09-01 ', after: '2020-09-01' },
    ]);
  });

  it('empty → null without a finding', () => {
    expect(parseJapaneseDate('')).toEqual({ value: null, changes: [], findings: [] });
  });

  it('unparseable text is a type-error', () => {
    const r = parseJapaneseDate('未定');
    expect(r.value).toBeNull();
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['type-error', 'error']]);
  });

  it('a date with other text is a type-error', () => {
    const r = parseJapaneseDate('令和2年9月1日時点');
    expect(r.value).toBeNull();
    expect(r.findings[0]?.code).toBe('type-error');
    expect(r.findings[0]?.message.ja).toContain('日付だけ');
  });

  it('an invalid date is a type-error, not a date', () => {
    for (const text of ['令和元年4月30日', '平成31年5月1日', '2020年2月30日']) {
      const r = parseJapaneseDate(text);
      expect(r.value, text).toBeNull();
      expect(r.findings[0]?.code, text).toBe('type-error');
    }
  });
});
