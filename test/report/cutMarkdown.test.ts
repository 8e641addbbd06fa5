import { describe, expect, it } from 'vitest';
import { cutMarkdown } from '../../pipeline/report/cutMarkdown.ts';

const NOTE = '\n(cut)\n';
const MAX = 1001;
/** What was kept of `text`, the note taken off after checking it is there and the whole fits. */
const kept = (text: string): string => {
  const cut = cutMarkdown(text, MAX, NOTE);
  expect(cut.length).toBeLessThanOrEqual(MAX);
  expect(cut.endsWith(NOTE)).toBe(true);
  return cut.slice(0, -NOTE.length);
};

describe('cutMarkdown', () => {
  it('leaves text that fits as it is', () => {
    expect(cutMarkdown('short', MAX, NOTE)).toBe('short');
  });

  it('cuts at the end of a line where there is one', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `| row ${i} | \\| &lt; |`).join('\n');
    const part = kept(lines);
    expect(part.endsWith('|\n')).toBe(true);
    expect(lines.startsWith(part)).toBe(true);
  });

  for (const [what, unit, whole] of [
    ['a surrogate pair', '😀', /^(?:😀)+$/u],
    ['an escaped pipe', 'a\\|', /^(?:a\\\|)+a?$/u],
    ['an escaped backslash', '\\\\', /^(?:\\\\)+$/u],
    ['an entity', '&lt;', /^(?:&lt;)+$/u],
    ['a tag', '<br>', /^(?:<br>)+$/u],
  ] as const) {
    it(`never cuts one long line inside ${what}, wherever the limit falls`, () => {
      for (let shift = 0; shift < unit.length + 1; shift++) {
        const part = kept('x'.repeat(shift) + unit.repeat(2000)).slice(shift);
        expect(part).toMatch(whole);
      }
    });
  }

  it('closes a <details> the cut left open, so the note is not folded away', () => {
    const text = `<details><summary>log</summary>\n\n${'| a | b |\n'.repeat(500)}\n</details>\n`;
    const cut = cutMarkdown(text, MAX, NOTE);
    expect(cut.length).toBeLessThanOrEqual(MAX);
    expect(cut.endsWith(`|\n</details>\n${NOTE}`)).toBe(true);
  });
});
