/**
 * "No value" markers. Japanese tables write 「-」 (or one of its many look-
 * alikes) in a cell that has no value (該当数値なし). The marker becomes `null`
 * and the change is recorded; a dash inside other text is never touched.
 */
import type { Change } from '../../problem/Normalization.ts';
import { recordChange, type RuleResult } from './RuleResult.ts';

export const NONE_DASH_RULE = 'none/dash';
export const NONE_MARKER_RULE = 'none/marker';

/**
 * Characters that mean the same as `-` when they are the whole cell. ー (the
 * katakana prolonged sound mark) and ｰ are included only because a lone one
 * cannot be a word; 一 (the kanji "one") is deliberately NOT included.
 */
export const DASH_LOOKALIKES: readonly string[] = [
  '-', // U+002D hyphen-minus
  '\u02D7', // ˗ modifier letter minus
  '\u2010', // ‐ hyphen
  '\u2011', // ‑ non-breaking hyphen
  '\u2012', // ‒ figure dash
  '\u2013', // – en dash
  '\u2014', // — em dash
  '\u2015', // ― horizontal bar (common in Japanese fonts)
  '\u2043', // ⁃ hyphen bullet
  '\u2212', // − minus sign
  '\u23AF', // ⎯ horizontal line extension
  '\u2500', // ─ box drawings light horizontal (JIS row 8)
  '\u2501', // ━ box drawings heavy horizontal
  '\u2796', // ➖ heavy minus sign
  '\u2E3A', // ⸺ two-em dash
  '\u2E3B', // ⸻ three-em dash
  '\u30FC', // ー katakana prolonged sound mark
  '\uFE58', // ﹘ small em dash
  '\uFE63', // ﹣ small hyphen-minus
  '\uFF0D', // － full-width hyphen-minus
  '\uFF70', // ｰ half-width prolonged sound mark
];

const DASHES = new Set(DASH_LOOKALIKES);

/** True when the text (ignoring surrounding whitespace) is one or more dash look-alikes and nothing else. */
export function isDashOnly(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  for (const ch of trimmed) if (!DASHES.has(ch)) return false;
  return true;
}

/**
 * If the whole text is a "no value" marker, the value is `null` and a change
 * `{ rule, before: text, after: '' }` is recorded; otherwise the text comes
 * back unchanged (an empty text too — the caller decides about empties).
 *
 * `markers` lists what means "no value" in this column. When it contains `-`
 * (the default) or any dash look-alike, every dash look-alike — alone or
 * repeated (「－」「―」「--」) — counts, with rule `none/dash`. Other markers
 * (e.g. 「該当なし」) must match the trimmed text exactly, with rule `none/marker`.
 */
export function noneMarker(text: string, markers: readonly string[] = ['-']): RuleResult<string | null> {
  const changes: Change[] = [];
  const trimmed = text.trim();
  if (trimmed === '') return { value: text, changes, findings: [] };
  if (markers.some((m) => DASHES.has(m)) && isDashOnly(trimmed)) {
    recordChange(changes, NONE_DASH_RULE, text, '');
    return { value: null, changes, findings: [] };
  }
  if (markers.includes(trimmed)) {
    recordChange(changes, NONE_MARKER_RULE, text, '');
    return { value: null, changes, findings: [] };
  }
  return { value: text, changes, findings: [] };
}
