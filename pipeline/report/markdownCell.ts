import { visible } from '../problem/visible.ts';

/**
 * Any text that is not ours (a cell, a key, a title or rule a definition declares) as it goes into
 * Markdown, by every renderer (report.md, diff.md, CHANGES.md, CHANGELOG.md, hence the release
 * notes and the pull-request comment): visible (⏎ for line breaks, no control or bidi characters),
 * cut to `max` characters, with Markdown and HTML made literal so a value cannot format, link,
 * show an image, open a code block, end a table cell (`|`), hide the rest of the page (`<!--`,
 * `</details>`) or mention anyone (`@team`).
 */
export function markdownCell(text: string | undefined, max = 300): string {
  return visible(text ?? '', max)
    .replace(/[\\`*_[\]~|]/gu, (ch) => `\\${ch}`)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/@/gu, '@\u200B');
}
