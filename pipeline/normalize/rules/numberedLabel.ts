/**
 * "Numbered label" cells: 「（1）命を守る医療・救急体制を確保する」 → number 1 and
 * label 「命を守る医療・救急体制を確保する」. Supported numberings (deliberately few):
 * - a number in round brackets, ASCII or full-width in any mix, digits
 *   half- or full-width, optional spaces inside and after: (2) （１０） ( 3 )
 * - a circled number ①–⑳ ㉑–㊿. The circled character is device dependent;
 *   that warning comes from deviceDependent.ts (via cleanText), not from here.
 * Not supported (→ `numbered-label/missing-number`): 1. 1) 第1 Ⅰ 〔1〕.
 */
import type { Change } from '../../problem/Normalization.ts';
import type { Finding } from '../../problem/Problem.ts';
import { noneMarker } from './dash.ts';
import { recordChange, type RuleResult } from './RuleResult.ts';
import { TRIM_RULE } from './whitespace.ts';

export const NUMBERED_RULE = 'label/numbered';
export const MISSING_NUMBER_CODE = 'numbered-label/missing-number';
export const MISSING_LABEL_CODE = 'numbered-label/missing-label';

export interface NumberedLabel {
  number: number | null;
  label: string | null;
}

const BRACKETED = /^[(（]\s*([0-9０-９]+)\s*[)）]\s*/;

/** ①–⑳ U+2460–2473, ㉑–㉟ U+3251–325F, ㊱–㊿ U+32B1–32BF. */
function circledNumber(ch: string): number | null {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x2460 && cp <= 0x2473) return cp - 0x2460 + 1;
  if (cp >= 0x3251 && cp <= 0x325f) return cp - 0x3251 + 21;
  if (cp >= 0x32b1 && cp <= 0x32bf) return cp - 0x32b1 + 36;
  return null;
}

function toNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
}

/**
 * Splits a leading number from its label. The change `label/numbered` has the
 * whole (trimmed) text before and the label after; surrounding whitespace, if
 * any is left (cleanText normally removed it), is recorded as `space/trim`. Empty text or a dash (「-」, see
 * dash.ts) → `{ number: null, label: null }` with no finding. Text with no
 * supported number → `{ number: null, label: text }` and a warning
 * `numbered-label/missing-number`; a number with no label → `label: null` and
 * a warning `numbered-label/missing-label`.
 */
export function splitNumberedLabel(text: string): RuleResult<NumberedLabel> {
  const changes: Change[] = [];
  const trimmed = text.trim();
  recordChange(changes, TRIM_RULE, text, trimmed);
  if (trimmed === '') return { value: { number: null, label: null }, changes, findings: [] };
  const none = noneMarker(trimmed);
  if (none.value === null) {
    return { value: { number: null, label: null }, changes: [...changes, ...none.changes], findings: [] };
  }

  let number: number | null = null;
  let rest = trimmed;
  const bracketed = BRACKETED.exec(trimmed);
  if (bracketed) {
    number = toNumber(bracketed[1] ?? '');
    rest = trimmed.slice(bracketed[0].length);
  } else {
    const first = [...trimmed][0] ?? '';
    const circled = circledNumber(first);
    if (circled !== null) {
      number = circled;
      rest = trimmed.slice(first.length);
    }
  }

  const findings: Finding[] = [];
  if (number === null) {
    findings.push({
      code: MISSING_NUMBER_CODE,
      severity: 'warning',
      message: {
        ja: `「${trimmed}」の先頭に番号（例:（1））がありません。`,
        en: `"${trimmed}" does not start with a number such as (1).`,
      },
      fix: {
        ja: '先頭に（1）のような番号を付けてください。',
        en: 'Start the text with a number in brackets, e.g. (1).',
      },
    });
    return { value: { number: null, label: trimmed }, changes, findings };
  }

  const label = rest.trim();
  recordChange(changes, NUMBERED_RULE, trimmed, label);
  if (label === '') {
    findings.push({
      code: MISSING_LABEL_CODE,
      severity: 'warning',
      message: {
        ja: `「${trimmed}」には番号だけで名称がありません。`,
        en: `"${trimmed}" has a number but no label.`,
      },
    });
    return { value: { number, label: null }, changes, findings };
  }
  return { value: { number, label }, changes, findings };
}
