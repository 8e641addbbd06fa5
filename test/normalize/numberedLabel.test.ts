import { describe, expect, it } from 'vitest';
import { cleanText } from '../../pipeline/normalize/rules/cleanText.ts';
import { andThen } from '../../pipeline/normalize/rules/RuleResult.ts';
import { splitNumberedLabel } from '../../pipeline/normalize/rules/numberedLabel.ts';

describe('splitNumberedLabel', () => {
  it('splits a full-width bracketed number (real cell)', () => {
    expect(splitNumberedLabel('（1）命を守る医療・救急体制を確保する')).toEqual({
      value: { number: 1, label: '命を守る医療・救急体制を確保する' },
      changes: [
        { rule: 'label/numbered', before: '（1）命を守る医療・救急体制を確保する', after: '命を守る医療・救急体制を確保する' },
      ],
      findings: [],
    });
  });

  it('splits a half-width bracketed number followed by a space (real cell)', () => {
    const r = splitNumberedLabel('(2) 子どもが安心して過ごせる環境をつくる');
    expect(r.value).toEqual({ number: 2, label: '子どもが安心して過ごせる環境をつくる' });
    expect(r.findings).toEqual([]);
  });

  it('reads full-width digits, mixed brackets and inner spaces', () => {
    expect(splitNumberedLabel('(１０)経済対策').value).toEqual({ number: 10, label: '経済対策' });
    expect(splitNumberedLabel('（ 3 )　地域').value).toEqual({ number: 3, label: '地域' });
  });

  it('reads circled numbers; the device-dependent warning comes from cleanText', () => {
    expect(splitNumberedLabel('①命を守る').value).toEqual({ number: 1, label: '命を守る' });
    expect(splitNumberedLabel('⑳二十').value.number).toBe(20);
    expect(splitNumberedLabel('㉑二十一').value.number).toBe(21);
    expect(splitNumberedLabel('㊿五十').value.number).toBe(50);
    expect(splitNumberedLabel('①命を守る').findings).toEqual([]);
    const chained = andThen(cleanText('①命を守る'), splitNumberedLabel);
    expect(chained.value).toEqual({ number: 1, label: '命を守る' });
    expect(chained.findings.map((f) => f.code)).toEqual(['device-dependent-character']);
  });

  it('warns when there is no number, keeping the text as the label', () => {
    const r = splitNumberedLabel('命を守る医療');
    expect(r.value).toEqual({ number: null, label: '命を守る医療' });
    expect(r.changes).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.code).toBe('numbered-label/missing-number');
    expect(r.findings[0]?.severity).toBe('warning');
  });

  it('does not take unsupported numberings or bracketed words as numbers', () => {
    for (const text of ['1. 命', '1) 命', '第1 命', '(株)平塚', '(1a) 命']) {
      expect(splitNumberedLabel(text).value.number, text).toBeNull();
      expect(splitNumberedLabel(text).findings[0]?.code).toBe('numbered-label/missing-number');
    }
  });

  it('returns both null for "-" and empty text, without findings', () => {
    expect(splitNumberedLabel('-')).toEqual({
      value: { number: null, label: null },
      changes: [{ rule: 'none/dash', before: '-', after: '' }],
      findings: [],
    });
    expect(splitNumberedLabel('')).toEqual({ value: { number: null, label: null }, changes: [], findings: [] });
  });

  it('warns about a number without a label', () => {
    const r = splitNumberedLabel('(4)');
    expect(r.value).toEqual({ number: 4, label: null });
    expect(r.findings[0]?.code).toBe('numbered-label/missing-label');
  });
});
