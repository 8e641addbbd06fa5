/**
 * Text cut for display never splits a surrogate pair: half of one is U+FFFD once written as UTF-8.
 * The helper, then the places that cut text on the way to a page or a file.
 */
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import { cutText } from '../../pipeline/problem/cutText.ts';
import { renderBarChart } from '../../pipeline/site/barChart.ts';
import { declaredProject, loadDeclared, madeUpDefinition } from '../fixtures/declaredProject.ts';

const LONE_SURROGATE = /\p{Cs}/u;
const utf8 = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));

describe('cutText', () => {
  it('keeps a text of at most max characters whole, counting a pair as one', () => {
    expect(cutText('あいう', 3)).toBe('あいう');
    expect(cutText('😀😀😀', 3)).toBe('😀😀😀');
    expect(cutText('', 3)).toBe('');
  });

  it('cuts a longer one to max characters, the last being …', () => {
    expect(cutText('あいうえ', 3)).toBe('あい…');
    expect(cutText('😀😀😀😀', 3)).toBe('😀😀…');
    expect(cutText('あ😀いう', 3)).toBe('あ😀…');
  });

  it('never leaves half a pair, wherever the pair falls', () => {
    for (let at = 0; at < 8; at++) {
      const text = `${'あ'.repeat(at)}😀${'い'.repeat(8)}`;
      for (let max = 1; max < 12; max++) {
        const cut = cutText(text, max);
        expect(cut).not.toMatch(LONE_SURROGATE);
        expect([...cut].length).toBeLessThanOrEqual(max);
      }
    }
  });

  it('leaves a lone surrogate already in the text as it is (the cell checks report it)', () => {
    expect(cutText('\uD800あいう', 3)).toBe('\uD800あ…');
  });
});

describe('the places that cut text', () => {
  // 28 characters, then an emoji across the chart's cut at 29.
  const label = `${'あ'.repeat(28)}😀${'い'.repeat(5)}`;

  it('the bar chart label', () => {
    const svg = renderBarChart([{ label, value: 3 }], { title: '件数', unit: '件' });
    expect(svg).not.toMatch(LONE_SURROGATE);
    expect(utf8(svg)).not.toContain('\uFFFD');
    expect(svg).toContain(`>${'あ'.repeat(28)}😀…</text>`);
    expect(svg).toContain(`data-label="${label}"`);
  });

  it('the data dictionary example', () => {
    const definition = madeUpDefinition('cut-text', 'cut.xlsx', {
      primaryKey: 'no',
      columns: [
        { label: '番号', field: 'no', rule: 'integer' },
        { label: '概要', field: 'summary', rule: 'text' },
      ],
    });
    const recordSchema = {
      type: 'object',
      required: ['no', 'summary'],
      properties: { no: { type: 'integer', title: '番号' }, summary: { type: 'string', title: '概要' } },
    };
    const dataset = loadDeclared(declaredProject({ name: 'cut-text', definition, recordSchema }));
    // 39 characters, then an emoji across the example's cut at 40.
    const summary = `${'あ'.repeat(39)}😀${'い'.repeat(5)}`;
    const built = buildPackage({ dataset, records: [{ no: 1, summary }], asOf: '2020-07-01', version: '1.0.0' });
    const dictionary = new TextDecoder().decode(built.files.find((f) => f.path.endsWith('_dictionary.md'))!.bytes);
    expect(dictionary).not.toContain('\uFFFD');
    expect(dictionary).toContain(`| ${'あ'.repeat(39)}😀… |`);
  });
});
