import { expect } from 'vitest';

/** `|` that ends a cell: one not escaped by an odd run of backslashes. */
const cellBorders = (line: string): number => [...line.matchAll(/(\\*)\|/gu)].filter((m) => m[1]!.length % 2 === 0).length;

/** Asserts that no text of HOSTILE_TEXTS (test/fixtures/changeSets.ts) does anything in `markdown`. */
export function expectInert(markdown: string): void {
  expect(markdown).not.toContain('@city'); // a mention (the renderers write @\u200Bcity)
  expect(markdown).not.toMatch(/(?<!\\)!\[|(?<!\\)\]\(/u); // an image or a link
  expect(markdown).not.toMatch(/<(?:img|https?:|\/?details open)/iu); // raw HTML or an autolink
  expect(markdown).not.toContain('<!-- everything'); // a comment hiding the rest
  expect(markdown).not.toContain('```'); // a code fence
  expect(markdown).not.toContain(' &lt;script'); // an entity GitHub would turn back into <script
  expect(markdown.match(/<\/details>/gu)?.length ?? 0).toBe(markdown.match(/<details>/gu)?.length ?? 0);
  // Every row of a table has as many cells as its header.
  let header: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    header ??= cellBorders(line);
    expect(cellBorders(line), line).toBe(header);
  }
}
