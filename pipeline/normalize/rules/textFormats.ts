/**
 * Text that has a form (rules `url`, `email`, `phone`, `postal-code`, `corporate-number`, `lg-code`):
 * kept as text (leading zeros kept), written the one way the national recommended datasets use
 * (half-width, hyphens kept), and refused when it is not one. Width was already folded by cleanText.
 */
import type { Change } from '../../problem/Normalization.ts';
import type { Text } from '../../problem/Problem.ts';
import { corporateNumberCheckDigit, lgCodeCheckDigit } from './checkDigit.ts';
import { recordChange, typeErrorFinding, unreadable, type RuleResult } from './RuleResult.ts';

export const TEXT_FORMATS = ['url', 'email', 'phone', 'postal-code', 'corporate-number', 'lg-code'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

export const isTextFormat = (rule: string): rule is TextFormat => (TEXT_FORMATS as readonly string[]).includes(rule);

export const HYPHEN_RULE = 'format/hyphen';
export const PHONE_BRACKETS_RULE = 'format/phone-brackets';
export const POSTAL_MARK_RULE = 'format/postal-mark';
export const NUMBER_CELL_RULE = 'format/number-cell';

/** Dashes and long-vowel marks typed for a hyphen in numbers (‐ - – — ― − ー ｰ). */
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF70]/gu;

type Check = (text: string) => RuleResult<string | null>;

function fail(text: string, what: Text, fix: Text, changes: Change[] = []): RuleResult<string | null> {
  return unreadable(typeErrorFinding({ ja: `「${text}」は${what.ja}ではありません。`, en: `"${text}" is not ${what.en}.` }, fix), changes);
}

function withHyphens(text: string, changes: Change[]): string {
  const next = text.replace(DASHES, '-');
  recordChange(changes, HYPHEN_RULE, text, next);
  return next;
}

const url: Check = (text) => {
  const what = { ja: 'URL', en: 'a URL' };
  if (/^www\./iu.test(text)) return fail(text, what, { ja: `先頭に「https://」を付けてください（例: https://${text}）。`, en: `Start it with https:// (https://${text}).` });
  let parsed: URL | undefined;
  try {
    parsed = /^https?:\/\/\S+$/iu.test(text) ? new URL(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || !parsed.hostname.includes('.')) return fail(text, what, { ja: '「https://」で始まる URL を入力してください。', en: 'Enter a URL starting with https://.' });
  return { value: text, changes: [], findings: [] };
};

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/u;
const email: Check = (text) =>
  EMAIL.test(text) ? { value: text, changes: [], findings: [] } : fail(text, { ja: 'メールアドレス', en: 'an e-mail address' }, { ja: '例: info@example.lg.jp（空白や全角の文字を入れない）', en: 'e.g. info@example.lg.jp' });

/** Japanese numbers: 10 digits (fixed lines, 0120, 0570) or 11 (mobile, 050, 0800), always starting with 0. */
const phone: Check = (text) => {
  const changes: Change[] = [];
  let current = withHyphens(text, changes);
  // 0463(23)1111 and (0463)23-1111 → 0463-23-1111
  const bracketed = current.replace(/^\((\d+)\)\s*/u, '$1-').replace(/^(\d+)\((\d+)\)\s*/u, '$1-$2-').replace(/\s+/gu, '-');
  recordChange(changes, PHONE_BRACKETS_RULE, current, bracketed);
  current = bracketed;
  const digits = current.replaceAll('-', '');
  if (!/^[0-9-]+$/u.test(current) || /--|^-|-$/u.test(current) || !/^0\d{9,10}$/u.test(digits)) {
    return fail(text, { ja: '電話番号', en: 'a phone number' }, { ja: '市外局番からの半角数字とハイフンで入力してください（例: 0463-23-1111）。', en: 'Enter the number with its area code, digits and hyphens (e.g. 0463-23-1111).' }, changes);
  }
  return { value: current, changes, findings: [] };
};

const postalCode: Check = (text) => {
  const changes: Change[] = [];
  let current = withHyphens(text, changes);
  const unmarked = current.replace(/^〒\s*/u, '');
  recordChange(changes, POSTAL_MARK_RULE, current, unmarked);
  current = unmarked;
  const m = /^(\d{3})-?(\d{4})$/u.exec(current);
  if (!m) return fail(text, { ja: '郵便番号', en: 'a postal code' }, { ja: '7桁の数字で入力してください（例: 254-8686）。', en: 'Enter the seven digits (e.g. 254-8686).' }, changes);
  const value = `${m[1]}-${m[2]}`;
  recordChange(changes, HYPHEN_RULE, current, value);
  return { value, changes, findings: [] };
};

function checkedDigits(text: string, length: number, what: Text, digitOk: (digits: string) => number | null): RuleResult<string | null> {
  const changes: Change[] = [];
  const current = withHyphens(text, changes).replaceAll('-', '');
  recordChange(changes, HYPHEN_RULE, text, current);
  if (!new RegExp(`^\\d{${length}}$`, 'u').test(current)) {
    return fail(text, what, { ja: `${length}桁の数字で入力してください（先頭の0も含めて）。`, en: `Enter all ${length} digits, leading zeros included.` }, changes);
  }
  const expected = digitOk(current);
  if (expected !== null) {
    return unreadable(
      typeErrorFinding(
        { ja: `${what.ja}「${text}」の検査数字が合いません（数字の打ち間違いの可能性があります）。`, en: `The check digit of the ${what.en.replace(/^an? /u, '')} "${text}" is wrong (a digit may be mistyped).` },
        { ja: `元の資料で番号を確かめてください（この並びなら検査数字は ${expected} です）。`, en: `Check the number against its source (for these digits the check digit would be ${expected}).` },
      ),
      changes,
    );
  }
  return { value: current, changes, findings: [] };
}

const corporateNumber: Check = (text) =>
  checkedDigits(text, 13, { ja: '法人番号', en: 'a corporate number' }, (d) => {
    const expected = corporateNumberCheckDigit(d.slice(1));
    return Number(d[0]) === expected ? null : expected;
  });

const lgCode: Check = (text) => {
  if (/^\d{5}$/u.test(text)) {
    return fail(text, { ja: '6桁の全国地方公共団体コード', en: 'a six-digit local government code' }, {
      ja: `検査数字を付けた6桁で入力してください（${text} なら ${text}${lgCodeCheckDigit(text)}）。`,
      en: `Enter the six digits including the check digit (${text}${lgCodeCheckDigit(text)} for ${text}).`,
    });
  }
  return checkedDigits(text, 6, { ja: '全国地方公共団体コード', en: 'a local government code' }, (d) => {
    const expected = lgCodeCheckDigit(d.slice(0, 5));
    return Number(d[5]) === expected ? null : expected;
  });
};

const CHECKS: Record<TextFormat, Check> = { url, email, phone, 'postal-code': postalCode, 'corporate-number': corporateNumber, 'lg-code': lgCode };

export function parseTextFormat(text: string, format: TextFormat): RuleResult<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, changes: [], findings: [] };
  return CHECKS[format](trimmed);
}

/** Digits each number-form needs: a number cell with fewer has lost its leading zeros. */
const DIGITS: Partial<Record<TextFormat, number>> = { 'postal-code': 7, 'corporate-number': 13, 'lg-code': 6 };

/**
 * An Excel number cell in a column of formed text: read as its digits when none can have been lost
 * (a 13-digit 法人番号, a 6-digit code); a phone number (always led by 0) or a shorter number has lost
 * its leading zeros, which are never made up: an error asking for the cell to be entered as text.
 */
export function textFormatFromCell(value: number, format: TextFormat): RuleResult<string | null> {
  const digits = String(value);
  const wanted = DIGITS[format];
  if (format === 'url' || format === 'email') return parseTextFormat(digits, format);
  if (Number.isSafeInteger(value) && value >= 0 && wanted !== undefined && digits.length === wanted) {
    const read = parseTextFormat(digits, format);
    return read.value === null ? read : { ...read, changes: [{ rule: NUMBER_CELL_RULE, before: digits, after: read.value }, ...read.changes] };
  }
  return unreadable(
    typeErrorFinding(
      { ja: `セルが数値（${digits}）として保存されていて、先頭の「0」などが消えています。`, en: `The cell is stored as a number (${digits}): leading zeros and hyphens are lost.` },
      { ja: 'セルの表示形式を「文字列」にしてから、番号をそのまま入力し直してください。', en: 'Format the cell as Text and enter the number again as written.' },
    ),
  );
}
