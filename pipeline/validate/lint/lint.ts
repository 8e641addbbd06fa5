import type { Problem } from '../../problem/Problem.ts';
import type { ProblemSink } from '../../problem/ProblemSink.ts';
import { cited, type LintInput, type LintRule } from './LintRule.ts';
import { rule1_2OneValuePerCell } from './rule1_2OneValuePerCell.ts';
import { rule1_3NumbersAsText } from './rule1_3NumbersAsText.ts';
import { rule1_4MergedCells } from './rule1_4MergedCells.ts';
import { rule1_5LayoutSpaces } from './rule1_5LayoutSpaces.ts';
import { rule1_6HeaderLabels } from './rule1_6HeaderLabels.ts';
import { rule1_7Formulas } from './rule1_7Formulas.ts';
import { rule1_8Objects } from './rule1_8Objects.ts';
import { rule1_10DeviceDependent } from './rule1_10DeviceDependent.ts';
import { rule1_11Wareki } from './rule1_11Wareki.ts';
import { rule2_1BlankRows } from './rule2_1BlankRows.ts';
import { rule2_2OneTablePerSheet } from './rule2_2OneTablePerSheet.ts';

/**
 * The items of the 統一ルール that apply to a workbook, in the rules' order. 1-1 (file format), 1-9
 * (units in the header) and 2-3 (one dataset per file) are decided by the dataset definition, not by
 * the workbook, so they have no check here. A problem is claimed by the first item whose `cites` says so.
 */
export const LINT_RULES: readonly LintRule[] = [
  rule1_2OneValuePerCell,
  rule1_3NumbersAsText,
  rule1_4MergedCells,
  rule1_5LayoutSpaces,
  rule1_6HeaderLabels,
  rule1_7Formulas,
  rule1_8Objects,
  rule1_10DeviceDependent,
  rule1_11Wareki,
  rule2_1BlankRows,
  rule2_2OneTablePerSheet,
];

/** A stage's problem as the report gives it: with the citation of the item that claims it, if any. */
export function claimed(p: Problem, input: LintInput): Problem {
  const rule = LINT_RULES.find((r) => r.cites?.(p, input));
  if (!rule) return p;
  return { ...p, message: cited(p.message, rule.item), ...(p.fix ?? rule.fix ? { fix: p.fix ?? rule.fix } : {}) };
}

/** What only the items find, after the stages' own problems. */
export function lint(input: LintInput, out: ProblemSink): void {
  for (const rule of LINT_RULES) rule.check(input, out);
}
