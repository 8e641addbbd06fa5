import { describe, expect, it } from 'vitest';
import { createAjv } from '../../pipeline/dataset/ajv.ts';
import { schemaFinding } from '../../pipeline/validate/messages.ts';

const schema = {
  type: 'object',
  properties: {
    count: { type: 'integer', minimum: 0, maximum: 10 },
    name: { type: 'string', minLength: 1, maxLength: 3, pattern: '^[a-z]+$' },
    day: { type: 'string', format: 'date' },
    status: { type: 'string', enum: ['着手', '完了'] },
    step: { type: 'integer', multipleOf: 5 },
  },
};
const validate = createAjv().compile(schema);
const title = { ja: '項目', en: 'Item' };

/** Every error ajv gives for these values, turned into the staff's message. */
function findings(data: Record<string, unknown>) {
  validate(data);
  return (validate.errors ?? []).map((error) => ({ error, finding: schemaFinding(error, title, undefined) }));
}

describe('schema messages are written per keyword, never ajv’s own', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['type', { count: 'x' }, /整数/u],
    ['minimum', { count: -1 }, /0以上/u],
    ['maximum', { count: 11 }, /10以下/u],
    ['minLength', { name: '' }, /空です/u],
    ['maxLength', { name: 'abcd' }, /3文字まで/u],
    ['pattern', { name: 'AB' }, /書き方が違います/u],
    ['format', { day: '2020-02-30' }, /日付ではありません/u],
    ['enum', { status: '実施中' }, /「着手」「完了」のどれか/u],
    ['multipleOf', { step: 3 }, /決まりに合いません/u],
  ];
  for (const [keyword, data, ja] of cases) {
    it(keyword, () => {
      const all = findings(data);
      const hit = all.find(({ error }) => error.keyword === keyword);
      expect(hit, JSON.stringify(all.map((a) => a.error.keyword))).toBeDefined();
      const { error, finding } = hit!;
      expect(finding.message.ja).toMatch(ja);
      expect(finding.message.en).not.toContain(error.message ?? '\u0000');
      expect(finding.fix?.ja).toMatch(/[ぁ-ん]/u);
      expect(finding.fix?.en).toBeTruthy();
    });
  }
});
