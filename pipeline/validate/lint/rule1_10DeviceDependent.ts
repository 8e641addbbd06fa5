import { DEVICE_DEPENDENT_CODE } from '../../normalize/rules/deviceDependent.ts';
import type { LintRule } from './LintRule.ts';

/**
 * 1-10 「機種依存文字を使用していないか」. Normalization's device-dependent check already warns for each
 * cell, naming the characters and what to type instead: it only carries the citation.
 */
export const rule1_10DeviceDependent: LintRule = {
  item: '1-10',
  cites: (p) => p.code === DEVICE_DEPENDENT_CODE,
  check: () => undefined,
};
