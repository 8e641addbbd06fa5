/** How a cell's text is quoted inside a message: line breaks visible as ⏎, long text cut with …. */
export function shown(text: string, max = 40): string {
  const visible = text.replace(/\r\n|\r|\n/gu, '⏎').replace(/\t/gu, '⇥');
  const chars = [...visible];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : visible;
}

/** Before → after, each cut to a window around the first difference so the change itself is visible. */
export function shownChange(before: string, after: string, max = 30): { before: string; after: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  const from = Math.max(0, start - Math.floor(max / 3));
  const cut = (text: string) => (from > 0 ? `…${shown(text.slice(from), max)}` : shown(text, max));
  return { before: cut(before), after: cut(after) };
}
