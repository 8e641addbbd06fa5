import { describe, expect, it } from 'vitest';
import { integerFromCell, parseInteger } from '../../pipeline/normalize/rules/integer.ts';

describe('parseInteger', () => {
  it('removes thousands separators (real cell 1,424,746)', () => {
    expect(parseInteger('1,424,746')).toEqual({
      value: 1424746,
      changes: [{ rule: 'number/separators', before: '1,424,746', after: '1424746' }],
      findings: [],
    });
  });

  it('accepts plain digits with no change', () => {
    expect(parseInteger('42')).toEqual({ value: 42, changes: [], findings: [] });
    expect(parseInteger('0')).toEqual({ value: 0, changes: [], findings: [] });
  });

  it('converts full-width digits and full-width separators, one change each', () => {
    const r = parseInteger('１，４２４，７４６');
    expect(r.value).toBe(1424746);
    expect(r.changes).toEqual([
      { rule: 'number/fullwidth-digits', before: '１，４２４，７４６', after: '1，424，746' },
      { rule: 'number/separators', before: '1，424，746', after: '1424746' },
    ]);
  });

  it('is strict about digit grouping', () => {
    for (const bad of ['1,42,4746', '1,0000', ',100', '100,', '1,,000', '1234,567']) {
      const r = parseInteger(bad);
      expect(r.value, bad).toBeNull();
      expect(r.findings[0]?.code, bad).toBe('type-error');
    }
    expect(parseInteger('1,42,4746').findings[0]?.message.ja).toContain('桁区切り');
  });

  it('does not take 、 as a separator', () => {
    expect(parseInteger('1、000').value).toBeNull();
    expect(parseInteger('1、000').findings[0]?.code).toBe('type-error');
  });

  it('reads ▲ and △ as minus (rule number/triangle-minus)', () => {
    expect(parseInteger('▲1,000')).toEqual({
      value: -1000,
      changes: [
        { rule: 'number/triangle-minus', before: '▲1,000', after: '-1,000' },
        { rule: 'number/separators', before: '-1,000', after: '-1000' },
      ],
      findings: [],
    });
    expect(parseInteger('△ 5').value).toBe(-5);
    expect(parseInteger('△ 5').changes[0]?.rule).toBe('number/triangle-minus');
  });

  it('accepts -, − and － as minus', () => {
    expect(parseInteger('-12')).toEqual({ value: -12, changes: [], findings: [] });
    expect(parseInteger('−12').value).toBe(-12);
    expect(parseInteger('−12').changes).toEqual([{ rule: 'number/minus-sign', before: '−12', after: '-12' }]);
    expect(parseInteger('－１２').value).toBe(-12);
  });

  it('trims surrounding spaces with a recorded change', () => {
    expect(parseInteger(' 12 \u3000')).toEqual({
      value: 12,
      changes: [{ rule: 'space/trim', before: ' 12 \u3000', after: '12' }],
      findings: [],
    });
  });

  it('records removed leading zeros and never returns -0', () => {
    expect(parseInteger('007').value).toBe(7);
    expect(parseInteger('007').changes).toEqual([{ rule: 'number/leading-zeros', before: '007', after: '7' }]);
    expect(Object.is(parseInteger('-0').value, 0)).toBe(true);
  });

  it('returns null with no finding for empty text', () => {
    expect(parseInteger('')).toEqual({ value: null, changes: [], findings: [] });
    expect(parseInteger('  ').findings).toEqual([]);
  });

  it('does not strip units: 1,000千円 is a type-error suggesting 1000', () => {
    const r = parseInteger('1,000千円');
    expect(r.value).toBeNull();
    const f = r.findings[0]!;
    expect(f.code).toBe('type-error');
    expect(f.severity).toBe('error');
    expect(f.message.ja).toContain('数値だけ');
    expect(f.message.ja).toContain('「千円」');
    expect(f.fix?.ja).toContain('「1,000千円」→「1000」');
    expect(parseInteger('100円').findings[0]?.fix?.ja).toContain('「100」');
  });

  it('does not suggest a number when the extra text could change its meaning', () => {
    expect(parseInteger('約100').findings[0]?.fix).toBeUndefined();
    expect(parseInteger('(1,000)').findings[0]?.fix).toBeUndefined();
    expect(parseInteger('約100').value).toBeNull();
  });

  it('rejects decimals and words with a plain message', () => {
    expect(parseInteger('1.5').findings[0]?.message.ja).toContain('小数');
    const r = parseInteger('未定');
    expect(r.value).toBeNull();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.code).toBe('type-error');
    expect(r.findings[0]?.message.ja).toContain('数値ではありません');
    expect(parseInteger('-').value).toBeNull();
  });

  it('rejects integers too large to be exact', () => {
    expect(parseInteger('9007199254740992').value).toBeNull();
    expect(parseInteger('9007199254740991').value).toBe(9007199254740991);
  });
});

describe('integerFromCell', () => {
  it('accepts an integer numeric cell as is', () => {
    expect(integerFromCell(1424746)).toEqual({ value: 1424746, changes: [], findings: [] });
    expect(Object.is(integerFromCell(-0).value, 0)).toBe(true);
  });

  it('rejects non-integers', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      const r = integerFromCell(bad);
      expect(r.value).toBeNull();
      expect(r.findings[0]?.code).toBe('type-error');
    }
    expect(integerFromCell(1.5).findings[0]?.message.ja).toContain('1.5 は整数ではありません');
  });

  it('passes a text cell to parseInteger', () => {
    expect(integerFromCell('1,424,746').value).toBe(1424746);
  });
});
