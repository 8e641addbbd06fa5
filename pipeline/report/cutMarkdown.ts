/**
 * Markdown cut to at most `max` UTF-16 code units (what GitHub counts) with `note` at the end, or
 * the text itself when it fits. The cut falls at the end of a line where there is one, else never
 * inside a surrogate pair or an escape (`\|`, `&lt;`, `<br>`); a `<details>` left open is closed so
 * the note is not folded away.
 */
export function cutMarkdown(text: string, max: number, note: string): string {
  if (text.length <= max) return text;
  for (let room = max - note.length; ; ) {
    const kept = cutAt(text, room);
    const closing = '</details>\n'.repeat(openDetails(kept));
    if (kept.length + closing.length + note.length <= max) return `${kept}${closing}${note}`;
    room -= closing.length;
  }
}

function cutAt(text: string, room: number): string {
  const kept = text.slice(0, Math.max(0, room));
  const lineEnd = kept.lastIndexOf('\n');
  if (lineEnd >= 0) return kept.slice(0, lineEnd + 1);
  return withoutUnfinishedEscape(kept.replace(/[\uD800-\uDBFF]$/u, ''));
}

/** Drops what a cut left half-written at the end: a lone backslash, an entity without its `;`, a tag without its `>`. */
function withoutUnfinishedEscape(text: string): string {
  let backslashes = 0;
  while (text[text.length - 1 - backslashes] === '\\') backslashes += 1;
  if (backslashes % 2 === 1) return text.slice(0, -1);
  const amp = text.lastIndexOf('&');
  if (amp >= 0 && /^&[#0-9A-Za-z]*$/u.test(text.slice(amp))) return text.slice(0, amp);
  const lt = text.lastIndexOf('<');
  return lt >= 0 && !text.includes('>', lt) ? text.slice(0, lt) : text;
}

/** How many `<details>` are open at the end of `text` (cell text cannot hold one: its `<` is escaped). */
function openDetails(text: string): number {
  const opened = text.match(/<details>/gu)?.length ?? 0;
  const closed = text.match(/<\/details>/gu)?.length ?? 0;
  return Math.max(0, opened - closed);
}
