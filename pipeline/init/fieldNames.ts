import { labelKey } from '../ingest/labelKey.ts';

/**
 * A small dictionary of labels common in city tables → field names. Anything else becomes
 * `column_<n>`: an honest placeholder, never a made-up romanisation. Every name is a guess.
 */
const DICTIONARY: Readonly<Record<string, readonly string[]>> = {
  no: ['no', 'no.', 'ｎｏ．', '№', '番号', '連番', '通し番号'],
  name: ['名称', '名前'],
  total: ['合計', '総計', '計', '総数'],
  note: ['備考', '注記'],
  month: ['月', '年月', '対象月'],
  date: ['日付', '年月日'],
  count: ['件数'],
  address: ['住所', '所在地'],
  postal_code: ['郵便番号'],
  phone: ['電話番号'],
  category: ['区分', '分類'],
  kind: ['種別'],
  status: ['状況', '状態'],
  summary: ['概要'],
  amount: ['金額'],
  budget: ['事業費', '予算額'],
  latitude: ['緯度'],
  longitude: ['経度'],
  url: ['url', 'ホームページ'],
  lg_code: ['全国地方公共団体コード', '地方公共団体コード', '団体コード'],
  lg_name: ['地方公共団体名', '自治体名'],
  id: ['id'],
  name_kana: ['名称_カナ', '名称カナ', 'ふりがな', 'フリガナ'],
  name_en: ['名称_英字', '名称_英語'],
  email: ['メールアドレス', 'eメール', 'email'],
  fax: ['fax番号', 'fax', 'ファックス番号'],
  corporate_number: ['法人番号'],
  days: ['利用可能曜日', '開館曜日'],
  opening_time: ['開始時間', '開始時刻', '開館時間', '営業開始時間'],
  closing_time: ['終了時間', '終了時刻', '閉館時間', '営業終了時間'],
  location: ['設置位置'],
  fiscal_year: ['年度'],
  year: ['年'],
};

/** A unit written after the label, as in 事業費（千円）: put in the schema as x-unit. */
const UNIT = /[（(]\s*(千円|百万円|円|件|人|世帯|回|か所|箇所|%|％|台|校|施設)\s*[)）]\s*$/u;

export function unitOf(label: string): string | undefined {
  return UNIT.exec(label)?.[1];
}

/** The dictionary's name for a label (exact, or the word it ends with, its unit aside), if any. */
export function dictionaryName(label: string): string | undefined {
  const key = labelKey(label.replace(UNIT, ''));
  const entries = Object.entries(DICTIONARY);
  const exact = entries.find(([, words]) => words.some((w) => labelKey(w) === key));
  if (exact) return exact[0];
  // 取組状況 → status: the longest word the label ends with (two characters or more).
  const suffix = entries
    .flatMap(([name, words]) => words.filter((w) => w.length >= 2 && key.endsWith(labelKey(w))).map((w) => ({ name, length: w.length })))
    .sort((a, b) => b.length - a.length)[0];
  return suffix?.name;
}

/** Hands out field names, adding _2, _3 … when one is taken. */
export class FieldNamer {
  private readonly taken = new Set<string>();

  take(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.taken.has(name); i++) name = `${wanted}_${i}`;
    this.taken.add(name);
    return name;
  }
}
