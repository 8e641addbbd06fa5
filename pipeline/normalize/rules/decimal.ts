/**
 * Decimal numbers (rule `number`, and the coordinates): `12.5`, `-0.25`, `1,234.5`, `▲3.2`, `１２．５`
 * (width already folded by cleanText), and, when the column's unit is `%`, `12.5%`. An Excel number
 * cell is read at the 15 significant digits Excel itself shows, and a cell formatted as a percentage
 * (which stores 0.125 for 12.5%) is read as its percentage. Anything else is a `type-error`: the
 * rule never guesses a number out of text with words or units in it.
 */
import type { Change } from '../../problem/Normalization.ts';
import { recordChange, typeErrorFinding, unreadable, type RuleResult } from './RuleResult.ts';

export const DECIMAL_SEPARATORS_RULE = 'number/separators';
export const DECIMAL_SIGN_RULE = 'number/minus-sign';
export const PERCENT_SIGN_RULE = 'number/percent-sign';
export const PERCENT_CELL_RULE = 'number/percent-cell';
export const EXCEL_PRECISION_RULE = 'number/excel-precision';

export interface DecimalOptions {
  /** The column's unit is `%`: a trailing % is the unit, and a percent-formatted cell is read as its percentage. */
  percent: boolean;
}

const SIGN = /^([-\u2212\uFF0D▲△])\s*/u;
const PLAIN = /^\d+(?:\.\d+)?$|^\.\d+$/u;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u;
const EXAMPLE = { ja: '例: 12.5、-0.25、1,234.5', en: 'e.g. 12.5, -0.25, 1,234.5' };

/** Excel shows at most 15 significant digits; what lies beyond them is binary noise (0.1 + 0.2). */
export function excelPrecision(value: number): number {
  return Number(value.toPrecision(15));
}

export function parseDecimal(text: string, options: DecimalOptions): RuleResult<number | null> {
  const changes: Change[] = [];
  let current = text.trim();
  if (current === '') return { value: null, changes, findings: [] };
  const original = current;
  if (/[%％]$/u.test(current)) {
    if (!options.percent) {
      return unreadable(
        typeErrorFinding(
          { ja: `「${original}」に「%」が付いています。この列の単位は % ではありません。`, en: `"${original}" carries a % sign, but this column's unit is not %.` },
          {
            ja: '割合の列なら、レコードのスキーマでこの項目に "x-unit": "%" を書いてください。そうでなければ数値だけを入力してください。',
            en: 'If the column holds percentages, declare "x-unit": "%" for the field in the record schema; otherwise enter the number alone.',
          },
        ),
        changes,
      );
    }
    const next = current.slice(0, -1).trimEnd();
    recordChange(changes, PERCENT_SIGN_RULE, current, next);
    current = next;
  }
  const sign = SIGN.exec(current);
  if (sign) {
    const next = `-${current.slice(sign[0].length)}`;
    recordChange(changes, DECIMAL_SIGN_RULE, current, next);
    current = next;
  }
  const unsigned = sign ? current.slice(1) : current;
  let digits = unsigned;
  if (!PLAIN.test(unsigned)) {
    if (!GROUPED.test(unsigned)) {
      return unreadable(typeErrorFinding({ ja: `「${original}」は数値ではありません。セルには数値だけを入力し、単位は見出しに書いてください。`, en: `"${original}" is not a number; enter the number alone and put the unit in the header.` }, EXAMPLE), changes);
    }
    digits = unsigned.replaceAll(',', '');
    const next = (sign ? '-' : '') + digits;
    recordChange(changes, DECIMAL_SEPARATORS_RULE, current, next);
    current = next;
  }
  const value = Number(current);
  if (!Number.isFinite(value)) {
    return unreadable(typeErrorFinding({ ja: `「${original}」は大きすぎて扱えません。`, en: `"${original}" is too large.` }), changes);
  }
  return { value: value === 0 ? 0 : value, changes, findings: [] };
}

/** A number format that shows the value as a percentage (`0.0%`), quoted text and escapes aside. */
export function isPercentFormat(format: string | undefined): boolean {
  return /%/u.test((format ?? '').replace(/"[^"]*"|\\./gu, ''));
}

/** An Excel number cell in a decimal column. */
export function decimalFromCell(value: number, format: string | undefined, options: DecimalOptions): RuleResult<number | null> {
  if (!Number.isFinite(value)) return unreadable(typeErrorFinding({ ja: `${value} は数値ではありません。`, en: `${value} is not a number.` }));
  const changes: Change[] = [];
  let current = excelPrecision(value);
  recordChange(changes, EXCEL_PRECISION_RULE, String(value), String(current));
  if (isPercentFormat(format)) {
    const shown = `${excelPrecision(current * 100)}%`;
    if (!options.percent) {
      return unreadable(
        typeErrorFinding(
          { ja: `セルは「${shown}」と表示されていますが（値は ${current}）、この列の単位は % ではありません。`, en: `The cell shows ${shown} (its value is ${current}), but this column's unit is not %.` },
          {
            ja: '割合の列なら、レコードのスキーマでこの項目に "x-unit": "%" を書いてください（12.5% は 12.5 として公開）。割合でなければセルの表示形式を「数値」にしてください。',
            en: 'If the column holds percentages, declare "x-unit": "%" for the field (12.5% is published as 12.5); otherwise format the cell as a plain number.',
          },
        ),
      );
    }
    const percent = excelPrecision(current * 100);
    recordChange(changes, PERCENT_CELL_RULE, String(current), String(percent));
    current = percent;
  }
  return { value: current === 0 ? 0 : current, changes, findings: [] };
}
