/**
 * Integer cells (総務省 チェック項目1-3「数値データは数値属性とし、文字列を含まないこと」,
 * 1-9「データの単位を記載しているか」— the unit belongs in the header, not the cell).
 *
 * The steps, each recorded as a change only when it changed the text:
 *   space/trim → number/fullwidth-digits → number/triangle-minus | number/minus-sign
 *   → number/separators → number/leading-zeros → number/negative-zero
 * Anything else (units, decimals, bad digit grouping, words) is a `type-error`
 * with value `null`: the rule never guesses a number.
 */
import type { Change } from '../../problem/Normalization.ts';
import type { Finding } from '../../problem/Problem.ts';
import { recordChange, TYPE_ERROR, type RuleResult } from './RuleResult.ts';
import { TRIM_RULE } from './whitespace.ts';

export const FULLWIDTH_DIGITS_RULE = 'number/fullwidth-digits';
export const TRIANGLE_MINUS_RULE = 'number/triangle-minus';
export const MINUS_SIGN_RULE = 'number/minus-sign';
export const SEPARATORS_RULE = 'number/separators';
export const LEADING_ZEROS_RULE = 'number/leading-zeros';
export const NEGATIVE_ZERO_RULE = 'number/negative-zero';

/** ▲ and △ mark negative numbers in Japanese tables (▲100 = −100). */
const TRIANGLES = '▲△';
const SIGN = /^([-\u2212\uFF0D▲△])\s*/;
/** Thousands separators: ASCII `,` and full-width `，` only (not `、`, not `.`). */
const GROUPED = /^\d{1,3}(?:[,，]\d{3})+$/;

function halfwidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function typeError(ja: string, en: string, fix?: { ja: string; en: string }): Finding {
  return fix
    ? { code: TYPE_ERROR, severity: 'error', message: { ja, en }, fix }
    : { code: TYPE_ERROR, severity: 'error', message: { ja, en } };
}

/**
 * Parses a cell's text as an integer. Empty (or whitespace-only) text is
 * `null` with no finding: whether an empty cell is allowed is the caller's
 * decision. Text that is not exactly one integer is `null` with a `type-error`.
 */
export function parseInteger(text: string): RuleResult<number | null> {
  const changes: Change[] = [];
  const fail = (finding: Finding): RuleResult<number | null> => ({ value: null, changes, findings: [finding] });

  let current = text.replace(/^\s+|\s+$/g, '');
  recordChange(changes, TRIM_RULE, text, current);
  if (current === '') return { value: null, changes, findings: [] };

  const original = current;
  let next = halfwidthDigits(current);
  recordChange(changes, FULLWIDTH_DIGITS_RULE, current, next);
  current = next;

  const sign = SIGN.exec(current);
  let negative = false;
  if (sign) {
    const mark = sign[1] ?? '-';
    negative = true;
    next = '-' + current.slice(sign[0].length);
    recordChange(changes, TRIANGLES.includes(mark) ? TRIANGLE_MINUS_RULE : MINUS_SIGN_RULE, current, next);
    current = next;
  }

  let digits = negative ? current.slice(1) : current;
  if (!/^\d+$/.test(digits)) {
    if (!GROUPED.test(digits)) return fail(explain(original));
    const ungrouped = digits.replace(/[,，]/g, '');
    next = (negative ? '-' : '') + ungrouped;
    recordChange(changes, SEPARATORS_RULE, current, next);
    current = next;
    digits = ungrouped;
  }

  const stripped = digits.replace(/^0+(?=\d)/, '');
  if (stripped !== digits) {
    next = (negative ? '-' : '') + stripped;
    recordChange(changes, LEADING_ZEROS_RULE, current, next);
    current = next;
    digits = stripped;
  }

  if (negative && digits === '0') {
    recordChange(changes, NEGATIVE_ZERO_RULE, current, '0');
    current = '0';
    negative = false;
  }

  const value = Number(current);
  if (!Number.isSafeInteger(value)) {
    return fail(
      typeError(
        `「${original}」は大きすぎて正確に扱えません（±${Number.MAX_SAFE_INTEGER} まで）。`,
        `"${original}" is too large to represent exactly (limit ±${Number.MAX_SAFE_INTEGER}).`,
      ),
    );
  }
  return { value, changes, findings: [] };
}

/** Why a non-empty, trimmed text is not an integer, in the staff's words. */
function explain(text: string): Finding {
  const half = halfwidthDigits(text);
  const signed = '[-\u2212\uFF0D▲△]?\\s*';
  if (new RegExp(`^${signed}[\\d,，]+$`).test(half) && /[,，]/.test(half)) {
    return typeError(
      `「${text}」の桁区切り（,）の位置が正しくありません。3桁ごとに区切るか、区切りなしで入力してください。`,
      `"${text}" has thousands separators in the wrong places; group by three digits or leave them out.`,
      { ja: '例: 1,424,746 または 1424746', en: 'e.g. 1,424,746 or 1424746' },
    );
  }
  if (new RegExp(`^${signed}[\\d,，]*[.．]\\d+$`).test(half)) {
    return typeError(
      `「${text}」は整数ではありません（小数が含まれています）。この列には整数を入力してください。`,
      `"${text}" is not an integer (it has a decimal part); this column holds whole numbers.`,
      { ja: '整数で入力してください。小数を使う列なら、定義の rule を number にしてください。', en: 'Enter a whole number; for a column of decimals, set its rule to number.' },
    );
  }
  // A number with something around it: 「1,000千円」「100人」「￥500」「約100」.
  const around = /^(.*?)([-\u2212\uFF0D▲△]?\s*\d[\d,，]*)(\D*)$/.exec(half);
  if (around) {
    const prefix = (around[1] ?? '').trim();
    const numberPart = around[2] ?? '';
    const suffix = (around[3] ?? '').trim();
    const extra = [prefix, suffix].filter((s) => s !== '');
    if (extra.length > 0 && !/\d/.test(prefix)) {
      const quotedJa = extra.map((s) => `「${s}」`).join('');
      const quotedEn = extra.map((s) => `"${s}"`).join(', ');
      const message = {
        ja: `セルには数値だけを入力してください。「${text}」には数値以外の文字${quotedJa}が含まれています。単位は列見出し（項目名）に書きます。`,
        en: `The cell must contain only the number: "${text}" also contains ${quotedEn}. Put the unit in the column header.`,
      };
      const inner = parseInteger(numberPart);
      // Suggest the bare number only when dropping the extra text cannot change
      // its meaning or sign: a plain unit after it, at most a currency sign before.
      const safe = /^[¥￥$＄]?$/.test(prefix) && !/[()（）\[\]［］]/.test(suffix) && suffix !== '';
      if (safe && inner.value !== null) {
        return typeError(message.ja, message.en, {
          ja: `「${text}」→「${inner.value}」（単位「${suffix}」は列見出しに書いてください）`,
          en: `"${text}" → "${inner.value}" (and state the unit "${suffix}" in the column header)`,
        });
      }
      return typeError(message.ja, message.en);
    }
  }
  return typeError(
    `「${text}」は数値ではありません。この列には整数を入力してください。`,
    `"${text}" is not a number; this column holds integers.`,
  );
}

/**
 * For a cell read from a spreadsheet: a numeric cell must hold a (safe)
 * integer — 1.5, NaN or Infinity is a `type-error`; a text cell goes through
 * `parseInteger`.
 */
export function integerFromCell(value: number | string): RuleResult<number | null> {
  if (typeof value === 'string') return parseInteger(value);
  if (Number.isSafeInteger(value)) return { value: value === 0 ? 0 : value, changes: [], findings: [] };
  const shown = String(value);
  return {
    value: null,
    changes: [],
    findings: [
      Number.isFinite(value) && Number.isInteger(value)
        ? typeError(
            `${shown} は大きすぎて正確に扱えません（±${Number.MAX_SAFE_INTEGER} まで）。`,
            `${shown} is too large to represent exactly (limit ±${Number.MAX_SAFE_INTEGER}).`,
          )
        : typeError(
            `${shown} は整数ではありません。この列には整数を入力してください。`,
            `${shown} is not an integer; this column holds integers.`,
            { ja: '整数で入力してください。小数を使う列なら、定義の rule を number にしてください。', en: 'Enter a whole number; for a column of decimals, set its rule to number.' },
          ),
    ],
  };
}
