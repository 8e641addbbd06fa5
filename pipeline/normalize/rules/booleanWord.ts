/**
 * Yes/no columns (rule `boolean`, 有無): the definition declares the words that mean true and false
 * (有/無, あり/なし, ○/×, はい/いいえ…); each cell must be one of them. The first word of each list is
 * the one published in the CSV (the Table Schema's trueValues/falseValues); the JSON holds true/false.
 * Look-alike circles and crosses (〇 ◯ ○, × ✕ ✖) count as the same word; Excel TRUE/FALSE cells are read as such.
 */
import type { Change } from '../../problem/Normalization.ts';
import { typeErrorFinding, unreadable, type RuleResult } from './RuleResult.ts';

export const BOOLEAN_WORD_RULE = 'boolean/word';

export interface BooleanWords {
  trueValues: readonly string[];
  falseValues: readonly string[];
}

const fold = (word: string) => word.trim().normalize('NFKC').toLowerCase().replace(/[〇◯]/gu, '○').replace(/[✕✖]/gu, '×');

export function matchBoolean(text: string, words: BooleanWords): RuleResult<boolean | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, changes: [], findings: [] };
  const folded = fold(trimmed);
  for (const [value, list] of [[true, words.trueValues], [false, words.falseValues]] as const) {
    if (!list.some((w) => fold(w) === folded)) continue;
    const canonical = list[0]!;
    const changes: Change[] = canonical === trimmed ? [] : [{ rule: BOOLEAN_WORD_RULE, before: trimmed, after: canonical }];
    return { value, changes, findings: [] };
  }
  const allowed = `${words.trueValues.join('・')} / ${words.falseValues.join('・')}`;
  return unreadable(
    typeErrorFinding(
      { ja: `「${trimmed}」は使えません。この列は「${allowed}」のどれかです。`, en: `"${trimmed}" is not allowed; this column takes one of: ${allowed}.` },
      {
        ja: `「${words.trueValues[0]}」か「${words.falseValues[0]}」を入力してください。ほかの書き方も使うなら、定義の trueValues・falseValues に足してください。`,
        en: `Enter ${words.trueValues[0]} or ${words.falseValues[0]}, or add the word to the column's trueValues/falseValues.`,
      },
    ),
  );
}

/** An Excel TRUE/FALSE cell. */
export function booleanFromCell(value: boolean, words: BooleanWords): RuleResult<boolean> {
  const canonical = value ? words.trueValues[0]! : words.falseValues[0]!;
  return { value, changes: [{ rule: BOOLEAN_WORD_RULE, before: value ? 'TRUE' : 'FALSE', after: canonical }], findings: [] };
}
