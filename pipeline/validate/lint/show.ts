import { visible } from '../../problem/visible.ts';

/** How a cell's text is quoted inside a lint message: short, line breaks visible as ⏎. */
export function shown(text: string, max = 40): string {
  return visible(text, max);
}

/** Before → after, each cut to a window around the first difference so the change itself is visible. */
export function shownChange(before: string, after: string, max = 30): { before: string; after: string } {
  // By code point, so a cut never splits a surrogate pair.
  const [a, b] = [[...before], [...after]];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  const from = Math.max(0, start - Math.floor(max / 3));
  const cut = (chars: string[]) => (from > 0 ? `…${shown(chars.slice(from).join(''), max)}` : shown(chars.join(''), max));
  return { before: cut(a), after: cut(b) };
}
