import type { ColumnRule, Dataset, RelistMarkerColumn } from '../dataset/DatasetDefinition.ts';
import { addedNationalFields } from '../dataset/nationalColumns.ts';
import type { Text } from '../problem/Problem.ts';

/** 出典：平塚市「…（令和2年9月1日時点）」を加工して作成: how the source is credited (PDL1.0 / CC BY 4.0 habit). */
export function sourceCredit(dataset: Dataset): string {
  const url = dataset.source.url ? `（${dataset.source.url}）` : '';
  return `出典：${dataset.publisher.name.ja}「${dataset.source.title.ja}」${url}を加工して作成`;
}

/** What the rules added after the first ones change, said once per rule the definition uses. */
const RULE_CHANGES: readonly [ColumnRule, Text][] = [
  ['number', { ja: '数値から桁区切り・全角を外し、％の列は % を外した数にしました。', en: 'Numbers were read without separators or full-width digits; percentages without the % sign.' }],
  ['time', { ja: '時刻（9時30分、午後5時、Excel の時刻）を HH:MM:SS にしました。', en: 'Times of day (9時30分, 午後5時, Excel times) were written as HH:MM:SS.' }],
  ['datetime', { ja: '日時を YYYY-MM-DDTHH:MM:SS にしました（時差は付けていません）。', en: 'Dates with times were written as YYYY-MM-DDTHH:MM:SS (local time, no offset added).' }],
  ['year', { ja: '和暦の年を西暦の年にしました。', en: 'Era years were written as Western years.' }],
  ['fiscal-year', { ja: '年度（令和2年度など）を、始まる年の西暦にしました（令和2年度 → 2020）。', en: 'Fiscal years (令和2年度) were written as the Western year they start in (2020).' }],
  ['boolean', { ja: '有無の列を、定義した語（CSV）と true/false（JSON）にそろえました。', en: 'Yes/no columns were written with their declared words (CSV) and true/false (JSON).' }],
  ['latitude', { ja: '緯度・経度を十進の度にしました。', en: 'Latitudes and longitudes were written in decimal degrees.' }],
  ['phone', { ja: '電話番号を半角数字とハイフンにしました。', en: 'Phone numbers were written with half-width digits and hyphens.' }],
  ['postal-code', { ja: '郵便番号を「123-4567」の形にしました（〒を外しました）。', en: 'Postal codes were written as 123-4567 (〒 removed).' }],
];

/** What the pipeline changed, said from the rules the definition uses: nothing dataset-specific is written here. */
function changes(dataset: Dataset): Text[] {
  const rules = new Set(dataset.columns.map((c) => c.rule));
  const said: Text[] = [
    { ja: '文字の幅（全角英数字・半角カナ）と空白・改行をそろえました。', en: 'Character width (full-width letters and digits, half-width kana), spaces and line breaks were normalized.' },
    {
      ja: `「なし」を表す記号（${(dataset.missingValues ?? ['-']).join('、')}）を空欄にしました。`,
      en: `Markers meaning "none" (${(dataset.missingValues ?? ['-']).join(', ')}) became empty cells.`,
    },
  ];
  if (rules.has('integer')) said.push({ ja: '数値から桁区切りなどを外し、整数にしました。', en: 'Numbers were read as integers (separators and full-width digits removed).' });
  if (rules.has('date')) said.push({ ja: '和暦などの日付を西暦（YYYY-MM-DD）にしました。', en: 'Dates, including Japanese era dates, were written as YYYY-MM-DD.' });
  if (rules.has('month')) said.push({ ja: '和暦などの年月を西暦（YYYY-MM）にしました。', en: 'Months, including Japanese era months, were written as YYYY-MM.' });
  for (const [rule, text] of RULE_CHANGES) if (rules.has(rule)) said.push(text);
  if (rules.has('enum')) said.push({ ja: '選択肢の英語名を日本語の値にそろえました。', en: 'English names of allowed values were replaced by the Japanese value.' });
  for (const column of dataset.columns) {
    if (column.rule === 'numbered-label') {
      said.push({
        ja: `「${column.label}」の「（1）」などの番号を ${column.fields.number} に、名称を ${column.fields.label} に分けました。`,
        en: `The number of "${column.label}" (as in （1）) went to ${column.fields.number} and its name to ${column.fields.label}.`,
      });
    }
  }
  const relist = dataset.columns.find((c): c is RelistMarkerColumn => c.rule === 'relist-marker');
  if (relist) {
    said.push({
      ja: `「${relist.label}」から【再掲】の印を外し、再掲元の行の ${dataset.primaryKey} を ${relist.relistedFrom} に入れました。`,
      en: `The 【再掲】 (re-listed) marker was removed from "${relist.label}"; ${relist.relistedFrom} holds the ${dataset.primaryKey} of the original row.`,
    });
  }
  const added = addedNationalFields(dataset);
  if (added.length === 2) {
    said.push({ ja: `先頭に ${added.join('・')}（全国地方公共団体コード・地方公共団体名）を加えました。`, en: `${added.join(' and ')} (local government code and name) were added in front.` });
  } else if (added.length === 1) {
    said.push({ ja: `先頭に ${added[0]} を加えました。`, en: `${added[0]} was added in front.` });
  }
  return said;
}

/** ATTRIBUTION.md: licence, how to credit, and what was changed from the source, in Japanese with English. */
export function attributionText(dataset: Dataset, version: string): string {
  const { license, publisher } = dataset;
  const compatible = license.compatibleWith ? `${license.compatibleWith} と互換です。` : '';
  const credit = `出典：${publisher.name.ja}「${dataset.title.ja}」（${license.title}）`;
  return [
    '# ライセンスと出典 / Licence and attribution',
    '',
    `${dataset.title.ja}（バージョン ${version}）/ ${dataset.title.en} (version ${version})`,
    '',
    '## ライセンス / Licence',
    '',
    `このデータは ${license.title}（${license.path}）の下で提供します。${compatible}`,
    `This data is provided under ${license.name} (${license.path}).${license.compatibleWith ? ` It is compatible with ${license.compatibleWith}.` : ''}`,
    '',
    '## 出典 / Source',
    '',
    sourceCredit(dataset),
    '',
    `Made by normalizing "${dataset.source.title.en}" published by ${publisher.name.en}.`,
    '',
    '## 加工の内容 / What was changed',
    '',
    ...changes(dataset).flatMap((c) => [`- ${c.ja}`, `  ${c.en}`]),
    '',
    '## このデータを使うとき / When you use this data',
    '',
    `次のように出典を記載してください。 / Credit the source like this:`,
    '',
    `> ${credit}`,
    '',
    `編集・加工して使うときは、その旨を記載してください（例：「${credit}を加工して作成」）。加工したデータを、${publisher.name.ja}が作成したかのように公表することはできません。`,
    `If you change the data, say so (e.g. "${publisher.name.en}, ${dataset.title.en}, ${license.name}, modified"), and do not present your version as made by ${publisher.name.en}.`,
    '',
  ].join('\n');
}
