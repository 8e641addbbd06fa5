/**
 * Text a spreadsheet would run as a formula when the published CSV is opened (CSV injection, OWASP):
 * whatever starts with `=`, `+`, `-`, `@`, a tab or a line break. `-2+3+cmd|' /C calc'!A0` and
 * `-HYPERLINK(…)` start with `-`, so the minus is refused as the others are, whatever follows it: a
 * bullet `- 項目` too (Excel shows it as #NAME?, and nothing tells it from an attack); `・` is the
 * Japanese bullet. Also refused are the characters that Unicode folds into these (full-width ＝＋－＠,
 * small ﹦﹢﹣﹫, super- and subscript ⁺⁻⁼₊₋₌, and the minus sign − that ⁻₋ fold into): a consumer that
 * folds text before opening it would otherwise get the formula back.
 *
 * Not formulas: a number as a spreadsheet reads it (`-5`, `+3`, `-1,234.5`, `-12%`), in any column;
 * numbers read by a column's rule are published as numbers and never reach this test; a `-` meaning
 * "no value" is read as empty before it. What a definition declares (an enum value such as `+` or `-`)
 * is not refused by validation: the Excel CSV neutralises it instead (see excelCsvField in serialize.ts).
 */
const FORMULA_LEAD = /^[=+\-@\t\r\n\u207A-\u207C\u208A-\u208C\u2212\uFB29\uFE62\uFE63\uFE66\uFE6B\uFF0B\uFF0D\uFF1D\uFF20]/u;

/** A number in the form spreadsheets read as a number: sign, digits (grouped by commas or not), decimals, percent. */
const SPREADSHEET_NUMBER = /^[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?%?$/;

/** The character that makes `text` a formula to a spreadsheet, or undefined when it is not one. */
export function formulaLead(text: string): string | undefined {
  if (!FORMULA_LEAD.test(text) || SPREADSHEET_NUMBER.test(text)) return undefined;
  return String.fromCodePoint(text.codePointAt(0)!);
}
