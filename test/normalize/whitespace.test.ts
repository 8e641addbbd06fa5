import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  isJapaneseCharacter,
  normalizeWhitespace,
  removeJapaneseBreaks,
  trimWhitespace,
} from '../../pipeline/normalize/rules/whitespace.ts';

describe('removeJapaneseBreaks', () => {
  it('joins a line break inside Japanese text (real cell)', () => {
    const r = removeJapaneseBreaks('平塚市民病院における\n感染症対策資器材等の整備');
    expect(r.value).toBe('平塚市民病院における感染症対策資器材等の整備');
    expect(r.changes).toEqual([
      {
        rule: 'space/japanese-break',
        before: '平塚市民病院における\n感染症対策資器材等の整備',
        after: '平塚市民病院における感染症対策資器材等の整備',
      },
    ]);
  });

  it('joins after Japanese punctuation', () => {
    expect(removeJapaneseBreaks('支給します。\n基準日').value).toBe('支給します。基準日');
    expect(removeJapaneseBreaks('「検査」\r\n実施').value).toBe('「検査」実施');
  });

  it('handles \\r\\n, \\r and spaces between kana, katakana and kanji', () => {
    expect(removeJapaneseBreaks('ひらがな\r\nカタカナ\r漢字 々 ヶ ー').value).toBe('ひらがなカタカナ漢字々ヶー');
  });

  it('keeps a space next to Latin text or ASCII punctuation', () => {
    expect(removeJapaneseBreaks('LINE PayやPayPay').value).toBe('LINE PayやPayPay');
    expect(removeJapaneseBreaks('(2) 子ども').value).toBe('(2) 子ども');
    expect(removeJapaneseBreaks('令和 2年').value).toBe('令和 2年');
    expect(removeJapaneseBreaks('① 命を守る').value).toBe('① 命を守る');
    expect(removeJapaneseBreaks('(2) 子ども').changes).toEqual([]);
  });
});

describe('isJapaneseCharacter', () => {
  it.each(['あ', 'ア', 'ー', '漢', '々', '〆', 'ヶ', '、', '。', '「', '』', '【', '〜', '㈱', '\u{20BB7}'])(
    '%s is Japanese',
    (ch) => expect(isJapaneseCharacter(ch)).toBe(true),
  );
  it.each(['a', '1', '(', ')', '!', '（', '）', 'Ａ', '①', ' ', '\u3000'])('%s is not', (ch) => expect(isJapaneseCharacter(ch)).toBe(false));
});

describe('collapseWhitespace', () => {
  it('makes each other run of whitespace one space', () => {
    const r = collapseWhitespace('LINE  Pay\tと\nPayPay');
    expect(r.value).toBe('LINE Pay と PayPay');
    expect(r.changes[0]?.rule).toBe('space/collapse');
  });

  it('turns a single tab or NBSP into a space but leaves a single space alone', () => {
    expect(collapseWhitespace('a\tb\u00A0c').value).toBe('a b c');
    expect(collapseWhitespace('a b').changes).toEqual([]);
  });
});

describe('trimWhitespace', () => {
  it('trims leading and trailing whitespace including line breaks and U+3000', () => {
    const r = trimWhitespace('\u3000 売上\n');
    expect(r.value).toBe('売上');
    expect(r.changes).toEqual([{ rule: 'space/trim', before: '\u3000 売上\n', after: '売上' }]);
  });
});

describe('normalizeWhitespace', () => {
  it('chains trim, Japanese break and collapse with per-rule before/after', () => {
    const r = normalizeWhitespace('  キャッシュレス決済の\n推進\n(LINE  Pay) ');
    expect(r.value).toBe('キャッシュレス決済の推進 (LINE Pay)');
    expect(r.changes).toEqual([
      { rule: 'space/trim', before: '  キャッシュレス決済の\n推進\n(LINE  Pay) ', after: 'キャッシュレス決済の\n推進\n(LINE  Pay)' },
      { rule: 'space/japanese-break', before: 'キャッシュレス決済の\n推進\n(LINE  Pay)', after: 'キャッシュレス決済の推進\n(LINE  Pay)' },
      { rule: 'space/collapse', before: 'キャッシュレス決済の推進\n(LINE  Pay)', after: 'キャッシュレス決済の推進 (LINE Pay)' },
    ]);
  });

  it('records one trim change, not a collapse followed by a trim', () => {
    expect(normalizeWhitespace('   売上  ').changes.map((c) => c.rule)).toEqual(['space/trim']);
  });

  it('collapses a line break next to ASCII instead of removing it', () => {
    expect(normalizeWhitespace('感染症\nPCR検査').value).toBe('感染症 PCR検査');
  });
});
