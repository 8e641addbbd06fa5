/**
 * Character-width rules (総務省「機械判読可能なデータの表記方法」: 英数字は半角,
 * カタカナは全角). Each sub-rule records at most one change — the whole text
 * before and after that sub-rule — however many characters it rewrote.
 *
 * Deliberately NOT `String.prototype.normalize('NFKC')`: NFKC would also
 * rewrite ①→1, ㈱→(株), ㍻→平成, 髙 stays but 塚(U+FA10)→塚 … silently. Those
 * are reported by deviceDependent.ts instead, so staff decide.
 */
import type { Change } from '../../problem/Normalization.ts';
import { recordChange, type RuleResult } from './RuleResult.ts';

export const FULLWIDTH_ASCII_RULE = 'width/fullwidth-ascii';
export const HALFWIDTH_KANA_RULE = 'width/halfwidth-kana';
export const IDEOGRAPHIC_SPACE_RULE = 'width/ideographic-space';

/** U+FF01–U+FF5E (！ … ～) → U+0021–U+007E. ￥ (U+FFE5) and others outside the block are left alone. */
export function toHalfwidthAscii(text: string): RuleResult<string> {
  const after = text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const changes: Change[] = [];
  recordChange(changes, FULLWIDTH_ASCII_RULE, text, after);
  return { value: after, changes, findings: [] };
}

/** Half-width katakana and punctuation U+FF61–U+FF9F, in code-point order. */
const HALFWIDTH_KANA_TARGETS =
  '。「」、・ヲァィゥェォャュョッー' + // U+FF61–U+FF70
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン' + // U+FF71–U+FF9D
  '゛゜'; // U+FF9E–U+FF9F (spacing marks, used when they cannot combine)

const VOICED_MARK = 0xff9e; // ﾞ
const SEMI_VOICED_MARK = 0xff9f; // ﾟ

function fullwidthKana(code: number): string {
  return HALFWIDTH_KANA_TARGETS[code - 0xff61] ?? String.fromCharCode(code);
}

/**
 * Half-width katakana → full-width. A ﾞ/ﾟ directly after a half-width kana is
 * combined with it into the precomposed letter (ｶﾞ→ガ, ﾊﾟ→パ, ｳﾞ→ヴ, ﾜﾞ→ヷ);
 * the composition is looked up through canonical composition of that one pair
 * (カ + U+3099 → ガ), which is exact and exists only where Unicode has the
 * precomposed letter. A mark that cannot combine (ｱﾞ, or a lone ﾞ) becomes the
 * spacing ゛/゜, so nothing is dropped. Marks after an already full-width kana
 * (カﾞ) are not combined: that text was not produced by a half-width keyboard
 * and is left for a person to look at.
 */
export function toFullwidthKana(text: string): RuleResult<string> {
  let after = '';
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0xff61 || code > 0xff9f) {
      after += text[i];
      i += 1;
      continue;
    }
    const base = fullwidthKana(code);
    const next = text.charCodeAt(i + 1);
    const isKana = code >= 0xff66 && code <= 0xff9d;
    if (isKana && (next === VOICED_MARK || next === SEMI_VOICED_MARK)) {
      const combining = next === VOICED_MARK ? '\u3099' : '\u309A';
      const composed = (base + combining).normalize('NFC');
      if (composed.length === 1) {
        after += composed;
        i += 2;
        continue;
      }
    }
    after += base;
    i += 1;
  }
  const changes: Change[] = [];
  recordChange(changes, HALFWIDTH_KANA_RULE, text, after);
  return { value: after, changes, findings: [] };
}

/** Ideographic space U+3000 → ordinary space (whitespace.ts then decides whether it stays). */
export function replaceIdeographicSpace(text: string): RuleResult<string> {
  const after = text.replace(/\u3000/g, ' ');
  const changes: Change[] = [];
  recordChange(changes, IDEOGRAPHIC_SPACE_RULE, text, after);
  return { value: after, changes, findings: [] };
}

/** The three width rules in order: ASCII, kana, ideographic space. */
export function normalizeWidth(text: string): RuleResult<string> {
  const ascii = toHalfwidthAscii(text);
  const kana = toFullwidthKana(ascii.value);
  const space = replaceIdeographicSpace(kana.value);
  return {
    value: space.value,
    changes: [...ascii.changes, ...kana.changes, ...space.changes],
    findings: [],
  };
}
