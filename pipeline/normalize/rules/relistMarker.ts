/**
 * 【再掲】 ("listed again") markers on an item name, e.g.
 * 「社会教育施設の資源を活用した学習環境の提供【再掲】」 → name without the marker and
 * `relisted: true`. The marker is removed only at the start or the end of the
 * text; one in the middle is part of the name and left alone.
 *
 * Accepted written variants (spaces allowed inside and around):
 *   【再掲】 [再掲] ［再掲］ (再掲) （再掲） 〔再掲〕 <再掲> ＜再掲＞ 〈再掲〉 《再掲》
 *   and at the start only, 「再掲：」/「再掲:」.
 * Brackets must be of one family: ( pairs with ) or ）, 【 only with 】, etc.
 */
import type { Change } from '../../problem/Normalization.ts';
import type { Finding } from '../../problem/Problem.ts';
import { recordChange, type RuleResult } from './RuleResult.ts';

export const RELIST_RULE = 'relist/marker';
export const RELIST_MISSING_NAME_CODE = 'relist/missing-name';

export interface Relisted {
  name: string;
  relisted: boolean;
}

/** Open and close characters of each bracket family. */
const FAMILIES: ReadonlyArray<readonly [string, string]> = [
  ['【', '】'],
  ['\\[［', '\\]］'],
  ['(（', ')）'],
  ['〔', '〕'],
  ['<＜〈《', '>＞〉》'],
];

const BRACKETED = FAMILIES.map(([open, close]) => `[${open}]\\s*再掲\\s*[${close}]`).join('|');
const AT_START = new RegExp(`^\\s*(?:${BRACKETED}|再掲\\s*[:：])\\s*`);
// No leading `\s*`: unanchored, it would retry from every space of a long run (quadratic); `trim` below removes it.
const AT_END = new RegExp(`(?:${BRACKETED})\\s*$`);

/**
 * Removes a relist marker at the start and/or end. Change `relist/marker`
 * (before: the text, after: the name). A text that is only a marker gives
 * `name: ''`, `relisted: true` and a warning `relist/missing-name`.
 */
export function stripRelistMarker(text: string): RuleResult<Relisted> {
  const changes: Change[] = [];
  const findings: Finding[] = [];
  let name = text;
  let relisted = false;
  const start = AT_START.exec(name);
  if (start) {
    name = name.slice(start[0].length);
    relisted = true;
  }
  const end = AT_END.exec(name);
  if (end) {
    name = name.slice(0, end.index);
    relisted = true;
  }
  if (!relisted) return { value: { name: text, relisted: false }, changes, findings };
  name = name.trim();
  recordChange(changes, RELIST_RULE, text, name);
  if (name === '') {
    findings.push({
      code: RELIST_MISSING_NAME_CODE,
      severity: 'warning',
      message: {
        ja: `「${text.trim()}」には再掲の印だけがあり、名称がありません。`,
        en: `"${text.trim()}" is only a relist marker, with no name.`,
      },
    });
  }
  return { value: { name, relisted }, changes, findings };
}
