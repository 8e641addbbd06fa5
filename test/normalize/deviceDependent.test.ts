import { describe, expect, it } from 'vitest';
import {
  CP932_ONLY_CHARACTERS,
  checkDeviceDependent,
  isDeviceDependent,
  isInJisX0208,
  suggestReplacement,
} from '../../pipeline/normalize/rules/deviceDependent.ts';

describe('the device-dependent set (CP932 rows 13, 89–92, 115–119 minus JIS X 0208)', () => {
  it('contains the NEC special characters and IBM extensions', () => {
    const expected = [
      ...'①②③⑩⑳ⅠⅢⅩⅰⅹ㈱㈲㈹㍻㍼㍽㍾㍉㌔㌢㍍㌘㌧㌃㌶㍑㍗㌍㌦㌣㌫㍊㌻㎜㎝㎞㎎㎏㏄㎡№℡∮∑∟⊿',
      '髙',
      '\uFA11', // 﨑
      '德',
      '\uFA10', // 塚 (compatibility ideograph)
    ];
    for (const ch of expected) expect(isDeviceDependent(ch), ch).toBe(true);
  });

  it('excludes characters CP932 repeats from JIS X 0208 (≒≡∫√⊥∠∵∩∪¬)', () => {
    for (const ch of '≒≡∫√⊥∠∵∩∪￢') {
      expect(isInJisX0208(ch), ch).toBe(true);
      expect(isDeviceDependent(ch), ch).toBe(false);
    }
  });

  it('is a few hundred characters, none of them in JIS X 0208', () => {
    expect(CP932_ONLY_CHARACTERS.size).toBeGreaterThan(400);
    expect(CP932_ONLY_CHARACTERS.size).toBeLessThan(500);
    for (const ch of CP932_ONLY_CHARACTERS) expect(isInJisX0208(ch)).toBe(false);
  });

  it('does not include ordinary JIS X 0208 text or characters outside CP932', () => {
    for (const ch of '平塚市髪高崎徳浜瀬柳あアー、。ABC123') expect(isDeviceDependent(ch), ch).toBe(false);
    // 鷗 (JIS X 0213) and 𠮷 are not in CP932 at all: not "Windows-only", so not reported here.
    expect(isDeviceDependent('鷗')).toBe(false);
    expect(isDeviceDependent('\u{20BB7}')).toBe(false);
  });

  it('treats private-use characters (外字) as device dependent', () => {
    expect(isDeviceDependent('\uE000')).toBe(true);
    expect(isDeviceDependent('\uF8FF')).toBe(true);
  });
});

describe('checkDeviceDependent', () => {
  it('reports nothing for ordinary text and never rewrites', () => {
    const r = checkDeviceDependent('平塚市の髪型と森鷗外');
    expect(r).toEqual({ value: '平塚市の髪型と森鷗外', changes: [], findings: [] });
  });

  it('reports ① ㈱ ㍻ 髙 in one warning with suggestions, value unchanged', () => {
    const r = checkDeviceDependent('①㈱髙島屋 ㍻31年 ①');
    expect(r.value).toBe('①㈱髙島屋 ㍻31年 ①');
    expect(r.changes).toEqual([]);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.code).toBe('device-dependent-character');
    expect(f.severity).toBe('warning');
    expect(f.message.ja).toContain('①、㈱、髙、㍻');
    expect(f.message.en).toContain('①, ㈱, 髙, ㍻');
    expect(f.fix?.ja).toContain('① → (1) または 1');
    expect(f.fix?.ja).toContain('㈱ → (株) または 株式会社');
    expect(f.fix?.ja).toContain('㍻ → 平成');
    expect(f.fix?.ja).toContain('髙 → 高');
    expect(f.fix?.en).toContain('Replace ① with (1) or 1');
  });

  it('suggests Roman numerals in ASCII', () => {
    expect(suggestReplacement('Ⅲ')).toEqual(['III']);
    expect(suggestReplacement('ⅳ')).toEqual(['iv']);
    expect(checkDeviceDependent('第Ⅲ期').findings[0]?.fix?.ja).toContain('Ⅲ → III');
  });

  it('suggests the standard twin of a compatibility ideograph, with code points', () => {
    expect(suggestReplacement('\uFA10')).toEqual(['\u585A']);
    const f = checkDeviceDependent('平\uFA10市').findings[0];
    expect(f?.message.ja).toContain('(U+FA10)');
    expect(f?.fix?.ja).toContain('(U+585A)');
  });

  it('gives a generic message for characters without a suggestion', () => {
    const f = checkDeviceDependent('⊿ABC').findings[0];
    expect(suggestReplacement('⊿')).toEqual([]);
    expect(f?.fix?.ja).toContain('⊿ は JIS X 0208');
  });

  it('shows private-use characters by code point', () => {
    const f = checkDeviceDependent('外字\uE001').findings[0];
    expect(f?.message.ja).toContain('U+E001');
    expect(f?.fix?.ja).toContain('外字');
  });

  it('every suggestion uses only ASCII or JIS X 0208 characters', () => {
    for (const ch of CP932_ONLY_CHARACTERS) {
      for (const s of suggestReplacement(ch)) {
        for (const c of s) expect(c <= '~' || isInJisX0208(c), `${ch} → ${s}`).toBe(true);
      }
    }
  });
});
