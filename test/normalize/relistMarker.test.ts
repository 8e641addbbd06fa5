import { describe, expect, it } from 'vitest';
import { stripRelistMarker } from '../../pipeline/normalize/rules/relistMarker.ts';

const NAME = '社会教育施設の資源を活用した学習環境の提供';

describe('stripRelistMarker', () => {
  it('removes 【再掲】 at the end (real cell)', () => {
    expect(stripRelistMarker(`${NAME}【再掲】`)).toEqual({
      value: { name: NAME, relisted: true },
      changes: [{ rule: 'relist/marker', before: `${NAME}【再掲】`, after: NAME }],
      findings: [],
    });
  });

  it.each(['【再掲】', '[再掲]', '［再掲］', '（再掲）', '(再掲)', '〔再掲〕', '【 再掲 】', '＜再掲＞', '<再掲>', '〈再掲〉', '《再掲》'])(
    'removes %s at the start or the end',
    (marker) => {
      expect(stripRelistMarker(`${NAME}${marker}`).value, 'end').toEqual({ name: NAME, relisted: true });
      expect(stripRelistMarker(`${NAME} ${marker}`).value, 'end with space').toEqual({ name: NAME, relisted: true });
      expect(stripRelistMarker(`${marker}${NAME}`).value, 'start').toEqual({ name: NAME, relisted: true });
    },
  );

  it.each(['再掲：', '再掲:', '再掲 ： '])('removes the prefix %s', (prefix) => {
    expect(stripRelistMarker(`${prefix}${NAME}`).value).toEqual({ name: NAME, relisted: true });
  });

  it('leaves a name without a marker untouched', () => {
    expect(stripRelistMarker(NAME)).toEqual({ value: { name: NAME, relisted: false }, changes: [], findings: [] });
  });

  it('leaves a marker in the middle alone', () => {
    const text = '学習環境【再掲】の提供';
    expect(stripRelistMarker(text).value).toEqual({ name: text, relisted: false });
  });

  it('does not accept mismatched bracket families or other words', () => {
    for (const text of [`${NAME}【再掲)`, `${NAME}(再掲】`, `${NAME}【再々掲】`, `${NAME}再掲`]) {
      expect(stripRelistMarker(text).value.relisted, text).toBe(false);
    }
  });

  it('warns when nothing but the marker is left', () => {
    const r = stripRelistMarker('【再掲】');
    expect(r.value).toEqual({ name: '', relisted: true });
    expect(r.findings[0]?.code).toBe('relist/missing-name');
  });
});
