import { describe, expect, it } from 'vitest';
import { DASH_LOOKALIKES, isDashOnly, noneMarker } from '../../pipeline/normalize/rules/dash.ts';

describe('noneMarker', () => {
  it('turns "-" into null with a none/dash change (real cell)', () => {
    expect(noneMarker('-')).toEqual({ value: null, changes: [{ rule: 'none/dash', before: '-', after: '' }], findings: [] });
  });

  it.each([
    ['‐', 'U+2010'],
    ['‑', 'U+2011'],
    ['‒', 'U+2012'],
    ['–', 'U+2013'],
    ['—', 'U+2014'],
    ['―', 'U+2015'],
    ['−', 'U+2212'],
    ['ー', 'U+30FC'],
    ['－', 'U+FF0D'],
    ['ｰ', 'U+FF70'],
    ['─', 'U+2500'],
    ['━', 'U+2501'],
    ['﹣', 'U+FE63'],
    ['˗', 'U+02D7'],
  ])('treats %s (%s) as a dash', (dash) => {
    const r = noneMarker(dash);
    expect(r.value).toBeNull();
    expect(r.changes).toEqual([{ rule: 'none/dash', before: dash, after: '' }]);
  });

  it('lists every look-alike it accepts', () => {
    for (const d of DASH_LOOKALIKES) expect(noneMarker(d).value, d).toBeNull();
  });

  it('accepts surrounding whitespace and repeated dashes', () => {
    expect(noneMarker(' － ').value).toBeNull();
    expect(noneMarker('--').value).toBeNull();
    expect(noneMarker('――').value).toBeNull();
  });

  it('leaves text containing a dash alone', () => {
    for (const text of ['-1', 'ー部', 'データ', 'A-1', '1-2-3', '一']) {
      expect(noneMarker(text)).toEqual({ value: text, changes: [], findings: [] });
    }
  });

  it('leaves empty text alone (the caller decides about empties)', () => {
    expect(noneMarker('')).toEqual({ value: '', changes: [], findings: [] });
  });

  it('uses other markers only when listed, with rule none/marker', () => {
    expect(noneMarker('該当なし').value).toBe('該当なし');
    expect(noneMarker('該当なし', ['-', '該当なし'])).toEqual({
      value: null,
      changes: [{ rule: 'none/marker', before: '該当なし', after: '' }],
      findings: [],
    });
  });

  it('does not treat dashes as none when the column has other markers only', () => {
    expect(noneMarker('-', ['該当なし']).value).toBe('-');
  });

  it('isDashOnly is false for empty text', () => {
    expect(isDashOnly('')).toBe(false);
    expect(isDashOnly('   ')).toBe(false);
  });
});
