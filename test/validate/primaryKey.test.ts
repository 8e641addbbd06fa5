import { describe, expect, it } from 'vitest';
import { keyOf } from '../../pipeline/validate/primaryKey.ts';

// Two key values are the same key exactly when their texts are equal (as String() compared them before).
const VALUES: (string | number)[] = [1, '1', '01', '001', 1.5, '1.5', '1.50', -0, 0, '0', '-0', ' 1', '1 ', '1e3', 1000, '1000', '0x10', 16, 'NaN', Number.NaN, 'Infinity', Number.POSITIVE_INFINITY, '', 'abc', 'ABC', 123456789012, '123456789012', 2 ** 53 + 2, String(2 ** 53 + 2)];

describe('primary key comparison', () => {
  it('keys are equal exactly when the values read as the same text', () => {
    for (const a of VALUES) {
      for (const b of VALUES) {
        const sameKey = new Map([[keyOf(a), true]]).has(keyOf(b));
        expect(sameKey, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(String(a) === String(b));
      }
    }
  });
});
