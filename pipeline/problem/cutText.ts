/**
 * Text cut for display to at most `max` characters (code points), the last one `…` when anything was
 * cut. Never between the two halves of a surrogate pair: `.slice` counts UTF-16 units, and half a pair
 * becomes U+FFFD (or an invalid byte sequence) once the text is written as UTF-8.
 */
export function cutText(text: string, max: number): string {
  // Every code point is one or two units: a text no longer than `max` units is never cut.
  if (text.length <= max) return text;
  let keep = 0;
  for (let n = 0; n < max - 1 && keep < text.length; n++) keep += unitsAt(text, keep);
  // One character left over fits where the … would go.
  return keep + unitsAt(text, keep) >= text.length ? text : `${text.slice(0, keep)}…`;
}

/** 2 where a surrogate pair starts at `at`, else 1. */
function unitsAt(text: string, at: number): number {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}
