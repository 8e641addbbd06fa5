/**
 * The text rules, in their fixed order: width → whitespace → device-dependent
 * check. Every cell's text goes through this before a value rule
 * (`noneMarker`, `parseInteger`, `splitNumberedLabel`, `stripRelistMarker`,
 * `parseJapaneseDate`), which can be chained with `andThen` from RuleResult.ts.
 *
 * Width runs first because the whitespace rule decides "between two Japanese
 * characters" on half-width text (（2）→(2) keeps the space after ')'), and
 * turns U+3000 into a space that the whitespace rule can then remove or keep.
 * The device-dependent check runs last so it reports what will be published.
 */
import { checkDeviceDependent, hasDeviceDependent } from './deviceDependent.ts';
import { andThen, type RuleResult } from './RuleResult.ts';
import { normalizeWhitespace } from './whitespace.ts';
import { normalizeWidth } from './width.ts';

/** What the width and whitespace rules rewrite: full-width ASCII, half-width kana, and any whitespace (U+3000 too). */
const REWRITTEN = /[\s\uFF01-\uFF5E\uFF61-\uFF9F]/;

/** True when cleanText would return the text unchanged, with no change and no finding. */
export function isAlreadyClean(text: string): boolean {
  return !REWRITTEN.test(text) && !hasDeviceDependent(text);
}

export function cleanText(text: string): RuleResult<string> {
  // Most cells have nothing the width and whitespace rules would change: only the device check applies.
  if (!REWRITTEN.test(text)) return checkDeviceDependent(text);
  return andThen(andThen(normalizeWidth(text), normalizeWhitespace), checkDeviceDependent);
}
