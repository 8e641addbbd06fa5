import { describe, expect, it } from 'vitest';
import {
  normalizeWidth,
  replaceIdeographicSpace,
  toFullwidthKana,
  toHalfwidthAscii,
} from '../../pipeline/normalize/rules/width.ts';

describe('toHalfwidthAscii', () => {
  it('converts full-width letters, digits and symbols, recording one change', () => {
    const r = toHalfwidthAscii('ＡＢＣ１２３（注）！');
    expect(r.value).toBe('ABC123(注)!');
    expect(r.changes).toEqual([{ rule: 'width/fullwidth-ascii', before: 'ＡＢＣ１２３（注）！', after: 'ABC123(注)!' }]);
  });

  it('covers the whole U+FF01–U+FF5E block and nothing outside it', () => {
    let full = '';
    let half = '';
    for (let c = 0xff01; c <= 0xff5e; c++) {
      full += String.fromCharCode(c);
      half += String.fromCharCode(c - 0xfee0);
    }
    expect(toHalfwidthAscii(full).value).toBe(half);
    // ￥ (U+FFE5), ⦅ (U+FF5F) and the ideographic space are not in the block.
    expect(toHalfwidthAscii('￥⦅\u3000').value).toBe('￥⦅\u3000');
  });

  it('records nothing when nothing changed', () => {
    expect(toHalfwidthAscii('平塚市 ABC').changes).toEqual([]);
  });
});

describe('toFullwidthKana', () => {
  it('converts half-width katakana and punctuation', () => {
    expect(toFullwidthKana('ｱｲｳｴｵ｡｢ｶﾅ｣､･ｰ').value).toBe('アイウエオ。「カナ」、・ー');
  });

  it('combines voiced and semi-voiced marks into precomposed letters', () => {
    const r = toFullwidthKana('ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ ｳﾞｧｲｵﾘﾝ ﾜﾞ');
    expect(r.value).toBe('ガギグ パピ ヴァイオリン ヷ');
    expect([...r.value].every((ch) => ch.normalize('NFC') === ch)).toBe(true);
    expect(r.value).not.toMatch(/[\u3099\u309A]/);
  });

  it('keeps a mark that cannot combine as a spacing mark instead of dropping it', () => {
    expect(toFullwidthKana('ｱﾞ').value).toBe('ア゛');
    expect(toFullwidthKana('ﾟ').value).toBe('゜');
  });

  it('does not combine a half-width mark with an already full-width kana', () => {
    expect(toFullwidthKana('カﾞ').value).toBe('カ゛');
  });

  it('records one change for the whole text', () => {
    const r = toFullwidthKana('ﾃﾞｰﾀ と ｶﾅ');
    expect(r.changes).toEqual([{ rule: 'width/halfwidth-kana', before: 'ﾃﾞｰﾀ と ｶﾅ', after: 'データ と カナ' }]);
  });
});

describe('replaceIdeographicSpace', () => {
  it('turns U+3000 into a space', () => {
    expect(replaceIdeographicSpace('平塚\u3000市').value).toBe('平塚 市');
    expect(replaceIdeographicSpace('平塚\u3000市').changes[0]?.rule).toBe('width/ideographic-space');
  });
});

describe('normalizeWidth', () => {
  it('records one change per rule that fired, each with its own before/after', () => {
    const r = normalizeWidth('（１）ｶﾞｲﾄﾞ\u3000案内');
    expect(r.value).toBe('(1)ガイド 案内');
    expect(r.changes).toEqual([
      { rule: 'width/fullwidth-ascii', before: '（１）ｶﾞｲﾄﾞ\u3000案内', after: '(1)ｶﾞｲﾄﾞ\u3000案内' },
      { rule: 'width/halfwidth-kana', before: '(1)ｶﾞｲﾄﾞ\u3000案内', after: '(1)ガイド\u3000案内' },
      { rule: 'width/ideographic-space', before: '(1)ガイド\u3000案内', after: '(1)ガイド 案内' },
    ]);
  });

  it('does not apply NFKC compatibility mappings', () => {
    expect(normalizeWidth('①㈱㍻髙\uFA10').value).toBe('①㈱㍻髙\uFA10');
    expect(normalizeWidth('①㈱㍻髙').changes).toEqual([]);
  });
});
