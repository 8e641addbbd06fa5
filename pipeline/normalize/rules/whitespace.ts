/**
 * Whitespace rules (総務省 チェック項目1-5「スペースや改行等で体裁を整えていないか」).
 *
 * Order inside this file: trim → Japanese break → collapse. Trimming first
 * means a cell like "  売上\n" records one change (`space/trim`) rather than a
 * collapse immediately undone by a trim; the other two rules only look between
 * two non-space characters, so the order does not change the final text.
 *
 * "Japanese character" (see `isJapaneseCharacter`) is decided on the text AFTER
 * width.ts: full-width （）！？ have by then become ASCII ()!?, so
 * "(2) 子ども" keeps its space (ASCII ')' before it), while "。\n基準日" and
 * "における\n感染症" lose their line break. Consequence to know: a space
 * between two Japanese words — including a family and given name such as
 * "山田　太郎" — is removed too; every removal is recorded as a change.
 */
import type { Change } from '../../problem/Normalization.ts';
import { recordChange, type RuleResult } from './RuleResult.ts';

export const TRIM_RULE = 'space/trim';
export const JAPANESE_BREAK_RULE = 'space/japanese-break';
export const COLLAPSE_RULE = 'space/collapse';

/**
 * Characters that count as Japanese for `space/japanese-break`:
 * - CJK symbols and punctuation U+3001–U+303F (、。「」『』【】〜々〆 …); U+3000
 *   itself is whitespace, not a character that a break can sit between
 * - hiragana U+3040–U+309F, katakana U+30A0–U+30FF (ー ヶ ・), katakana
 *   phonetic extensions U+31F0–U+31FF
 * - enclosed CJK U+3200–U+32FF and CJK compatibility U+3300–U+33FF (㈱ ㍻ ㎡)
 * - CJK ideographs: extension A U+3400–U+4DBF, U+4E00–U+9FFF, compatibility
 *   U+F900–U+FAFF, and the supplementary ideographic planes U+20000–U+3FFFF
 * - full-width forms that width.ts leaves alone: ⦅⦆ U+FF5F–U+FF60,
 *   half-width CJK punctuation and kana U+FF61–U+FF9F (only present when this
 *   rule runs on its own) and ￠￡￢￣￤￥￦ U+FFE0–U+FFE6.
 * Not included: ASCII, Latin letters, ① (circled numbers are usually bullets
 * followed by a deliberate space), and full-width ASCII (U+FF01–U+FF5E),
 * which width.ts has already made half-width.
 */
const JAPANESE =
  '\\u3001-\\u303F\\u3040-\\u309F\\u30A0-\\u30FF\\u31F0-\\u31FF\\u3200-\\u32FF\\u3300-\\u33FF' +
  '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF5F-\\uFF9F\\uFFE0-\\uFFE6\\u{20000}-\\u{3FFFF}';

const JAPANESE_CHAR = new RegExp(`^[${JAPANESE}]$`, 'u');
/** A whitespace run with a Japanese character on both sides (lookarounds, so "あ あ あ" loses both). */
const JAPANESE_BREAK = new RegExp(`(?<=[${JAPANESE}])\\s+(?=[${JAPANESE}])`, 'gu');

export function isJapaneseCharacter(ch: string): boolean {
  return JAPANESE_CHAR.test(ch);
}

/** Leading and trailing whitespace (JavaScript `\s`: includes U+3000, NBSP, BOM, line breaks). */
export function trimWhitespace(text: string): RuleResult<string> {
  const after = text.replace(/^\s+|\s+$/g, '');
  const changes: Change[] = [];
  recordChange(changes, TRIM_RULE, text, after);
  return { value: after, changes, findings: [] };
}

/**
 * A line break (\r\n, \n, \r) or any other whitespace run between two Japanese
 * characters is removed: it was layout (a wrapped cell, 体裁のための空白), not data.
 */
export function removeJapaneseBreaks(text: string): RuleResult<string> {
  const after = text.replace(JAPANESE_BREAK, '');
  const changes: Change[] = [];
  recordChange(changes, JAPANESE_BREAK_RULE, text, after);
  return { value: after, changes, findings: [] };
}

/** Every other whitespace run (several spaces, tab, line break, NBSP) becomes one ordinary space. */
export function collapseWhitespace(text: string): RuleResult<string> {
  const after = text.replace(/\s+/g, ' ');
  const changes: Change[] = [];
  recordChange(changes, COLLAPSE_RULE, text, after);
  return { value: after, changes, findings: [] };
}

export function normalizeWhitespace(text: string): RuleResult<string> {
  const trimmed = trimWhitespace(text);
  const joined = removeJapaneseBreaks(trimmed.value);
  const collapsed = collapseWhitespace(joined.value);
  return {
    value: collapsed.value,
    changes: [...trimmed.changes, ...joined.changes, ...collapsed.changes],
    findings: [],
  };
}
