import { describe, expect, it } from 'vitest';
import { cleanText } from '../../pipeline/normalize/rules/cleanText.ts';
import { andThen } from '../../pipeline/normalize/rules/RuleResult.ts';
import { noneMarker } from '../../pipeline/normalize/rules/dash.ts';
import { parseInteger } from '../../pipeline/normalize/rules/integer.ts';
import { splitNumberedLabel } from '../../pipeline/normalize/rules/numberedLabel.ts';

describe('cleanText', () => {
  it('joins a wrapped Japanese cell (real cell)', () => {
    expect(cleanText('平塚市民病院における\n感染症対策資器材等の整備')).toEqual({
      value: '平塚市民病院における感染症対策資器材等の整備',
      changes: [
        {
          rule: 'space/japanese-break',
          before: '平塚市民病院における\n感染症対策資器材等の整備',
          after: '平塚市民病院における感染症対策資器材等の整備',
        },
      ],
      findings: [],
    });
  });

  it('runs width before whitespace: full-width brackets become ASCII and keep their space', () => {
    const r = cleanText('（２）\u3000子どもが安心して過ごせる環境をつくる');
    expect(r.value).toBe('(2) 子どもが安心して過ごせる環境をつくる');
    expect(r.changes.map((c) => c.rule)).toEqual(['width/fullwidth-ascii', 'width/ideographic-space']);
  });

  it('removes an ideographic space between Japanese words', () => {
    const r = cleanText('支給します。\u3000\n基準日');
    expect(r.value).toBe('支給します。基準日');
    expect(r.changes.map((c) => c.rule)).toEqual(['width/ideographic-space', 'space/japanese-break']);
  });

  it('keeps the space in LINE PayやPayPay and converts half-width kana', () => {
    expect(cleanText('ＬＩＮＥ Ｐａｙやﾍﾟｲﾍﾟｲ').value).toBe('LINE Payやペイペイ');
  });

  it('reports device-dependent characters after cleaning, without rewriting them', () => {
    const r = cleanText(' ㈱平塚 ');
    expect(r.value).toBe('㈱平塚');
    expect(r.findings.map((f) => f.code)).toEqual(['device-dependent-character']);
  });

  it('composes with value rules', () => {
    expect(andThen(cleanText('１，４２４，７４６ '), parseInteger).value).toBe(1424746);
    expect(andThen(cleanText(' － '), (t) => noneMarker(t)).value).toBeNull();
    const label = andThen(cleanText('（1）命を守る医療・救急体制を確保する'), splitNumberedLabel);
    expect(label.value).toEqual({ number: 1, label: '命を守る医療・救急体制を確保する' });
    expect(label.changes.map((c) => c.rule)).toEqual(['width/fullwidth-ascii', 'label/numbered']);
  });

  it('is idempotent', () => {
    for (const text of ['（２）\u3000子ども', 'ﾃﾞｰﾀ\n一覧', '  LINE  Pay ']) {
      const once = cleanText(text).value;
      expect(cleanText(once).value).toBe(once);
      expect(cleanText(once).changes).toEqual([]);
    }
  });
});
