import type { LintRule } from './LintRule.ts';

/**
 * 1-7 「数式を使用している場合は、数値データに変更しているか」. The `formula` error the cell-safety check
 * reports for every formula in a data cell is this item: it only carries the citation.
 */
export const rule1_7Formulas: LintRule = {
  item: '1-7',
  cites: (p) => p.code === 'formula',
  check: () => undefined,
};
