/**
 * The typed rules `opendata init` can draft, from a column's label words and its cells: Excel number
 * formats (a time format is a time, never a month), and values each rule reads without an error. The
 * label alone never decides: a 電話番号 column holding words stays text. Tried before dates and months.
 */
import type { SingleFieldColumn, SingleFieldRule } from '../dataset/DatasetDefinition.ts';
import type { SourceCell } from '../ingest/Table.ts';
import { labelKey } from '../ingest/labelKey.ts';
import { isDayFormat, isTimeFormat } from '../normalize/rules/timeOfDay.ts';
import type { Text } from '../problem/Problem.ts';
import type { FieldValue } from '../normalize/RecordRow.ts';

/** What a typed guess adds to the column beyond its rule (boolean words, allow24). */
export type RuleOptions = Pick<SingleFieldColumn, 'trueValues' | 'falseValues' | 'allow24'>;

export interface TypedGuess {
  rule: SingleFieldRule;
  options?: RuleOptions;
  /** The unit the values carry (`%`), for the record schema's x-unit. */
  unit?: string;
  why: Text;
}

/** Reads a column's cells with a rule (and options; `percent`: the column's unit is %): the values, or null when any cell is an error. */
export type ReadsAll = (rule: SingleFieldRule, cells: SourceCell[], options?: RuleOptions & { percent?: boolean }) => FieldValue[] | null;

const has = (label: string, words: string[]) => {
  const key = labelKey(label).toLowerCase();
  return words.some((w) => key.includes(labelKey(w).toLowerCase()));
};

/** Words staff use for yes and no, each family's first word the one published. */
const YES_NO: readonly (readonly [string[], string[]])[] = [
  [['有', 'あり', '有り'], ['無', 'なし', '無し']],
  [['○', '〇', '◯'], ['×', '✕']],
  [['はい'], ['いいえ']],
  [['可', '可能'], ['不可', '不可能']],
  [['済'], ['未']],
];

function booleanWords(texts: string[], label: string): RuleOptions | null {
  const seen = new Set(texts);
  if (seen.size === 0 || seen.size > 4) return null;
  const families = YES_NO.filter(([yes, no]) => [...yes, ...no].some((w) => seen.has(w)));
  const covered = [...seen].every((t) => families.some(([yes, no]) => yes.includes(t) || no.includes(t)));
  if (!covered || families.length === 0) return null;
  // A column of only one word is a yes/no column only when its label says so (〜の有無).
  const bothSides = families.some(([yes]) => yes.some((w) => seen.has(w))) && families.some(([, no]) => no.some((w) => seen.has(w)));
  if (!bothSides && !has(label, ['有無', '可否'])) return null;
  const pick = (side: 0 | 1) => families.flatMap((family) => family[side].filter((w, i) => i === 0 || seen.has(w)));
  return { trueValues: pick(0), falseValues: pick(1) };
}

const LABELS: readonly [SingleFieldRule, string[]][] = [
  ['lg-code', ['全国地方公共団体コード', '地方公共団体コード', '団体コード', '市区町村コード']],
  ['corporate-number', ['法人番号']],
  ['postal-code', ['郵便番号', '〒']],
  ['phone', ['電話', 'tel', 'fax', 'ファックス', 'ファクス']],
  ['email', ['メール', 'mail']],
  ['url', ['url', 'ホームページ', 'ウェブサイト', 'webサイト']],
  ['latitude', ['緯度', 'latitude']],
  ['longitude', ['経度', 'longitude']],
  ['fiscal-year', ['年度']],
];

export function guessTypedRule(label: string, cells: SourceCell[], texts: string[], readsAll: ReadsAll): TypedGuess | null {
  const n = cells.length;
  if (n === 0) return null;
  const numbers = cells.filter((c) => typeof c.value === 'number');
  const formats = numbers.map((c) => c.format);
  const timeCells = formats.filter((f) => isTimeFormat(f)).length;

  // Times: Excel time cells (h:mm is not a month), or text such as 9:00 / 9時30分.
  if (timeCells === numbers.length && formats.every((f) => !isDayFormat(f)) && (timeCells > 0 || has(label, ['時間', '時刻']))) {
    const allow24 = texts.some((t) => /^24(:00|時)/u.test(t)) || numbers.some((c) => c.value === 1);
    const options: RuleOptions = allow24 ? { allow24: true } : {};
    if (readsAll('time', cells, options)) return { rule: 'time', ...(allow24 ? { options } : {}), why: { ja: `${n}件すべてが時刻${allow24 ? '（24:00 あり）' : ''}`, en: `all ${n} are times of day${allow24 ? ' (24:00 included)' : ''}` } };
  }
  if (timeCells === numbers.length && timeCells > 0 && readsAll('datetime', cells)) {
    return { rule: 'datetime', why: { ja: `${n}件すべてが日時`, en: `all ${n} are dates with times` } };
  }
  if (numbers.length === 0 && texts.length === n && readsAll('datetime', cells)) return { rule: 'datetime', why: { ja: `${n}件すべてが日時`, en: `all ${n} are dates with times` } };

  for (const [rule, words] of LABELS) {
    if (!has(label, words)) continue;
    if (rule === 'fiscal-year' && has(label, ['予算', '金額', '費'])) continue;
    if (readsAll(rule, cells)) return { rule, why: { ja: `見出しが「${label}」で、${n}件すべてがその形`, en: `the label says ${label} and all ${n} values have that form` } };
  }
  const yesNo = numbers.length === 0 ? booleanWords(texts, label) : null;
  if (yesNo && readsAll('boolean', cells, yesNo)) {
    return { rule: 'boolean', options: yesNo, why: { ja: `値が「${yesNo.trueValues!.join('・')}」と「${yesNo.falseValues!.join('・')}」だけ`, en: `the values are yes/no words only` } };
  }
  if (numbers.length === 0 && texts.every((t) => /^https?:\/\//iu.test(t)) && readsAll('url', cells)) return { rule: 'url', why: { ja: `${n}件すべてが URL`, en: `all ${n} are URLs` } };
  if (numbers.length === 0 && texts.every((t) => t.includes('@')) && readsAll('email', cells)) return { rule: 'email', why: { ja: `${n}件すべてがメールアドレス`, en: `all ${n} are e-mail addresses` } };
  if (numbers.length === 0 && texts.every((t) => /^〒/u.test(t)) && readsAll('postal-code', cells)) return { rule: 'postal-code', why: { ja: `${n}件すべてが郵便番号`, en: `all ${n} are postal codes` } };

  // Decimals: numbers where some value has a fraction (whole numbers stay integer), or percentages.
  const percent = texts.some((t) => /[%％]$/u.test(t)) || /[(（]\s*[%％]\s*[)）]/u.test(label) || formats.some((f) => /%/u.test(f ?? ''));
  const decimals = readsAll('number', cells, { percent });
  if (decimals && (percent || decimals.some((v) => typeof v === 'number' && !Number.isInteger(v)))) {
    return { rule: 'number', ...(percent ? { unit: '%' } : {}), why: { ja: `${n}件すべてが数値${percent ? '（%）' : '（小数あり）'}`, en: `all ${n} are numbers${percent ? ' (%)' : ' (with decimals)'}` } };
  }
  return null;
}
