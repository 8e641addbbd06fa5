import type { Dataset, RelistMarkerColumn } from '../dataset/DatasetDefinition.ts';
import { hasNationalColumns, NATIONAL_FIELD_NAMES } from '../dataset/nationalColumns.ts';
import type { Text } from '../problem/Problem.ts';

/** 出典：平塚市「…（令和2年9月1日時点）」を加工して作成: how the source is credited (PDL1.0 / CC BY 4.0 habit). */
export function sourceCredit(dataset: Dataset): string {
  const url = dataset.source.url ? `（${dataset.source.url}）` : '';
  return `出典：${dataset.publisher.name.ja}「${dataset.source.title.ja}」${url}を加工して作成`;
}

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
  if (hasNationalColumns(dataset)) {
    said.push({ ja: `先頭に ${NATIONAL_FIELD_NAMES.join('・')}（全国地方公共団体コード・地方公共団体名）を加えました。`, en: `${NATIONAL_FIELD_NAMES.join(' and ')} (local government code and name) were added in front.` });
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
