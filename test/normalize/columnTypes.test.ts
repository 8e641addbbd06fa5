/** The column rules for typed open data, one by one, on the forms staff type. Pure functions: no files. */
import { describe, expect, it } from 'vitest';
import { decimalFromCell, parseDecimal } from '../../pipeline/normalize/rules/decimal.ts';
import { parseTimeOfDay, timeFromSerial } from '../../pipeline/normalize/rules/timeOfDay.ts';
import { monthFromSerial } from '../../pipeline/normalize/rules/japaneseMonth.ts';
import { readCell } from '../../pipeline/normalize/readCell.ts';
import type { Dataset } from '../../pipeline/dataset/DatasetDefinition.ts';
import { dateTimeFromSerial, parseDateTime } from '../../pipeline/normalize/rules/dateTime.ts';
import { parseYear, yearFromCell } from '../../pipeline/normalize/rules/year.ts';
import { booleanFromCell, matchBoolean } from '../../pipeline/normalize/rules/booleanWord.ts';
import { coordinateFromCell, parseCoordinate } from '../../pipeline/normalize/rules/coordinate.ts';
import { parseTextFormat, textFormatFromCell } from '../../pipeline/normalize/rules/textFormats.ts';
import { corporateNumberCheckDigit, lgCodeCheckDigit } from '../../pipeline/normalize/rules/checkDigit.ts';

const values = <T>(read: (text: string) => { value: T }, texts: string[]) => texts.map((t) => read(t).value);
const errorOf = (result: { value: unknown; findings: { severity: string; message: { ja: string; en: string }; fix?: { ja: string; en: string } }[] }) => {
  expect(result.value).toBeNull();
  const error = result.findings.find((f) => f.severity === 'error');
  expect(error, 'an error finding').toBeDefined();
  expect(error!.message.ja).not.toBe('');
  expect(error!.message.en).not.toBe('');
  return error!;
};

describe('number', () => {
  it('reads decimals, negatives, separators and (with a % unit) percentages', () => {
    expect(values((t) => parseDecimal(t, { percent: false }), ['12.5', '-0.25', '1,234.5', '▲3.2', '−7', '0', '.5'])).toEqual([12.5, -0.25, 1234.5, -3.2, -7, 0, 0.5]);
    expect(parseDecimal('12.5%', { percent: true }).value).toBe(12.5);
    expect(parseDecimal('12.5%', { percent: true }).changes.map((c) => c.rule)).toEqual(['number/percent-sign']);
  });
  it('refuses units, words, bad grouping, and a % sign where the unit is not %', () => {
    for (const text of ['12.5kg', '約10', '1,23', '1.2.3', 'abc']) errorOf(parseDecimal(text, { percent: false }));
    expect(errorOf(parseDecimal('12.5%', { percent: false })).fix!.ja).toContain('x-unit');
  });
  it('reads Excel cells at Excel precision, and percent-formatted cells as percentages only in a % column', () => {
    expect(decimalFromCell(0.1 + 0.2, 'General', { percent: false }).value).toBe(0.3);
    expect(decimalFromCell(0.125, '0.0%', { percent: true }).value).toBe(12.5);
    errorOf(decimalFromCell(0.125, '0.0%', { percent: false }));
  });
});

describe('time', () => {
  const read = (t: string) => parseTimeOfDay(t, { allow24: false });
  it('reads the forms staff type into HH:MM:SS', () => {
    expect(values(read, ['9:00', '09:00:00', '9時', '9時30分', '9時半', '午前9時', '午後5時', '午後5時30分', '5:30 PM', '17:05'])).toEqual([
      '09:00:00', '09:00:00', '09:00:00', '09:30:00', '09:30:00', '09:00:00', '17:00:00', '17:30:00', '17:30:00', '17:05:00',
    ]);
  });
  it('refuses impossible and ambiguous times, and 24:00 unless the column allows it', () => {
    for (const text of ['25:00', '9:60', '午後13時', '午前12時', '午後12時', '9', '朝']) errorOf(read(text));
    expect(errorOf(read('24:00')).fix!.en).toContain('allow24');
    expect(parseTimeOfDay('24:00', { allow24: true }).value).toBe('24:00:00');
    errorOf(parseTimeOfDay('24:30', { allow24: true }));
  });
  it('reads Excel time cells, never a bare number or a date', () => {
    expect(timeFromSerial(0.375, 'h:mm', { allow24: false }).value).toBe('09:00:00');
    expect(timeFromSerial(0.71875, 'h:mm:ss', { allow24: false }).value).toBe('17:15:00');
    expect(timeFromSerial(1, '[h]:mm', { allow24: true }).value).toBe('24:00:00');
    errorOf(timeFromSerial(0.375, 'General', { allow24: false }));
    errorOf(timeFromSerial(45383.375, 'yyyy/m/d h:mm', { allow24: false }));
  });
});

describe('a time cell in a date or month column', () => {
  it('is refused with the rule that fits, never published as 1900-01', () => {
    expect(errorOf(monthFromSerial(0.375, 'h:mm')).fix!.en).toContain('rule to time');
    const dataset = { missingValues: ['-'], recordSchemaJson: { type: 'object', properties: {} } } as unknown as Dataset;
    const reading = readCell({ label: '日付', field: 'd', rule: 'date' }, { address: 'A1', row: 1, col: 0, value: 0.375, format: 'h:mm' }, dataset);
    expect(reading.values).toEqual([['d', null]]);
    expect(reading.findings[0]?.fix?.en).toContain('rule to time');
    expect(monthFromSerial(43922, '[$-ja-JP]ggge"年"m"月"').value).toBe('2020-04');
  });
});

describe('datetime', () => {
  it('reads a date followed by a time, in text or an Excel cell', () => {
    expect(values(parseDateTime, ['令和6年4月1日 9時', '2024/4/1 9:00', '2024-04-01T09:00:00', '2024年4月1日 午後1時30分'])).toEqual([
      '2024-04-01T09:00:00', '2024-04-01T09:00:00', '2024-04-01T09:00:00', '2024-04-01T13:30:00',
    ]);
    expect(dateTimeFromSerial(45383.375, 'yyyy/m/d h:mm').value).toBe('2024-04-01T09:00:00');
  });
  it('never makes up a time, and refuses a bad date or time', () => {
    expect(errorOf(parseDateTime('2024/4/1')).message.en).toContain('no time');
    errorOf(dateTimeFromSerial(45383, 'yyyy/m/d'));
    for (const text of ['2024/2/30 9:00', '2024/4/1 25:00', '明日 9時']) errorOf(parseDateTime(text));
  });
});

describe('year and fiscal-year', () => {
  it('reads Western and era years', () => {
    expect(values((t) => parseYear(t, 'year'), ['2020', '2020年', '令和2年', 'R2', '令和元年', '平成31年', '２０２０'])).toEqual([2020, 2020, 2020, 2020, 2019, 2019, 2020]);
    expect(values((t) => parseYear(t, 'fiscal-year'), ['令和2年度', 'R2年度', '2020年度', '平成31年度', '令和元年度'])).toEqual([2020, 2020, 2020, 2019, 2019]);
  });
  it('refuses years past their era, and a fiscal year in a calendar-year column', () => {
    errorOf(parseYear('平成32年', 'year'));
    errorOf(parseYear('令和0年', 'year'));
    expect(errorOf(parseYear('令和2年度', 'year')).fix!.en).toContain('fiscal-year');
  });
  it('reads year cells: a plain four-digit number or a date shown as a year', () => {
    expect(yearFromCell(2020, 'General', 'year').value).toBe(2020);
    expect(yearFromCell(43922, 'yyyy', 'year').value).toBe(2020);
    errorOf(yearFromCell(43922, 'yyyy/m/d', 'year'));
    errorOf(yearFromCell(20.5, 'General', 'fiscal-year'));
  });
});

describe('boolean', () => {
  const words = { trueValues: ['有', 'あり', '○'], falseValues: ['無', 'なし', '×'] };
  it('reads the declared words and their look-alikes; the first word is the published one', () => {
    expect(values((t) => matchBoolean(t, words), ['有', 'あり', '○', '〇', '◯', '無', 'なし', '×', '✕'])).toEqual([true, true, true, true, true, false, false, false, false]);
    expect(matchBoolean('あり', words).changes).toEqual([{ rule: 'boolean/word', before: 'あり', after: '有' }]);
    expect(booleanFromCell(false, words).value).toBe(false);
  });
  it('refuses any other word, naming the allowed ones', () => {
    expect(errorOf(matchBoolean('不明', words)).message.ja).toContain('有・あり・○');
  });
});

describe('latitude and longitude', () => {
  it('reads decimal degrees and degrees-minutes-seconds', () => {
    expect(parseCoordinate('35.3271', 'latitude').value).toBe(35.3271);
    expect(parseCoordinate('35°19\'37.56"', 'latitude').value).toBe(35.3271);
    expect(parseCoordinate('35度19分37.56秒', 'latitude').value).toBe(35.3271);
    expect(coordinateFromCell(139.3496, '0.0000', 'longitude').value).toBe(139.3496);
  });
  it('refuses points outside Japan, saying when the columns look swapped', () => {
    expect(errorOf(parseCoordinate('139.3496', 'latitude')).fix!.en).toContain('swapped');
    expect(errorOf(coordinateFromCell(35.3, 'General', 'longitude')).fix!.en).toContain('swapped');
    expect(errorOf(parseCoordinate('51.5', 'latitude')).fix!.en).not.toContain('swapped');
    errorOf(parseCoordinate('北緯35度', 'latitude'));
  });
});

describe('text with a form', () => {
  it('check digits: 全国地方公共団体コード and 法人番号', () => {
    expect([lgCodeCheckDigit('14203'), lgCodeCheckDigit('01100'), lgCodeCheckDigit('13101')]).toEqual([4, 2, 6]);
    expect(corporateNumberCheckDigit('000012050002')).toBe(7); // 国税庁 7000012050002
  });
  it('keeps leading zeros and writes one form', () => {
    expect(parseTextFormat('011002', 'lg-code').value).toBe('011002');
    expect(parseTextFormat('7000012050002', 'corporate-number').value).toBe('7000012050002');
    expect(parseTextFormat('〒254-8686', 'postal-code').value).toBe('254-8686');
    expect(parseTextFormat('2548686', 'postal-code').value).toBe('254-8686');
    expect(parseTextFormat('0463－21－1511'.normalize('NFKC'), 'phone').value).toBe('0463-21-1511');
    expect(parseTextFormat('0463ー21ー1511', 'phone').value).toBe('0463-21-1511');
    expect(parseTextFormat('(0463)21-1511', 'phone').value).toBe('0463-21-1511');
    expect(parseTextFormat('090-1234-5678', 'phone').value).toBe('090-1234-5678');
    expect(parseTextFormat('https://www.city.hiratsuka.kanagawa.jp/', 'url').value).toBe('https://www.city.hiratsuka.kanagawa.jp/');
    expect(parseTextFormat('info@example.lg.jp', 'email').value).toBe('info@example.lg.jp');
  });
  it('refuses what is not one, with a check digit that does not match, and suggests the fix', () => {
    expect(errorOf(parseTextFormat('142035', 'lg-code')).fix!.en).toContain('4');
    expect(errorOf(parseTextFormat('14203', 'lg-code')).fix!.ja).toContain('142034');
    errorOf(parseTextFormat('8000012050002', 'corporate-number'));
    expect(errorOf(parseTextFormat('www.example.jp', 'url')).fix!.ja).toContain('https://www.example.jp');
    for (const [text, format] of [['info@', 'email'], ['123-456', 'postal-code'], ['#7119', 'phone'], ['463-21-1511', 'phone'], ['0463--21', 'phone'], ['javascript:alert(1)', 'url']] as const) {
      errorOf(parseTextFormat(text, format));
    }
  });
  it('a number cell is read only when no leading zero can have been lost', () => {
    expect(textFormatFromCell(142034, 'lg-code').value).toBe('142034');
    expect(textFormatFromCell(7000012050002, 'corporate-number').value).toBe('7000012050002');
    expect(errorOf(textFormatFromCell(11002, 'lg-code')).fix!.en).toContain('Text');
    errorOf(textFormatFromCell(463211511, 'phone'));
    errorOf(textFormatFromCell(600001, 'postal-code'));
  });
});
