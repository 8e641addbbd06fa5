import type { Dataset } from '../dataset/DatasetDefinition.ts';

/** National habit for open-data files: `<全国地方公共団体コード>_<slug>` (e.g. 142034_covid19_measures). */
export function fileStem(dataset: Dataset): string {
  return `${dataset.publisher.lgCode}_${dataset.name.replaceAll('-', '_')}`;
}

export const DESCRIPTOR_FILE = 'datapackage.json';
export const ATTRIBUTION_FILE = 'ATTRIBUTION.md';

/** Every file of a version directory, by role. The summary exists only when the definition declares one. */
export interface PackageFileNames {
  descriptor: string;
  csv: string;
  excelCsv: string;
  json: string;
  summary: string;
  dictionary: string;
  attribution: string;
  ckan: string;
  dcat: string;
}

export function packageFileNames(dataset: Dataset): PackageFileNames {
  const stem = fileStem(dataset);
  return {
    descriptor: DESCRIPTOR_FILE,
    csv: `${stem}.csv`,
    excelCsv: `${stem}_excel.csv`,
    json: `${stem}.json`,
    summary: `${stem}_summary.csv`,
    dictionary: `${stem}_dictionary.md`,
    attribution: ATTRIBUTION_FILE,
    ckan: `${stem}_ckan.json`,
    dcat: `${stem}_dcat.jsonld`,
  };
}

/** What each file is, for people (download links, catalog titles) and machines (media type, format). */
export const FILE_ROLES: Readonly<Record<keyof PackageFileNames, { ja: string; en: string; mediatype: string; format: string }>> = {
  csv: { ja: 'CSV（UTF-8、項目名の見出し）', en: 'CSV (UTF-8, field-name header)', mediatype: 'text/csv', format: 'CSV' },
  excelCsv: { ja: 'Excel用CSV（UTF-8 BOM付き、日本語の見出し）', en: 'CSV for Excel (UTF-8 with BOM, Japanese header)', mediatype: 'text/csv', format: 'CSV' },
  json: { ja: 'JSON', en: 'JSON', mediatype: 'application/json', format: 'JSON' },
  summary: { ja: '集計表（CSV）', en: 'Summary (CSV)', mediatype: 'text/csv', format: 'CSV' },
  descriptor: { ja: 'データパッケージ（datapackage.json）', en: 'Data Package descriptor', mediatype: 'application/json', format: 'JSON' },
  dictionary: { ja: 'データ辞書（Markdown）', en: 'Data dictionary (Markdown)', mediatype: 'text/markdown', format: 'Markdown' },
  attribution: { ja: 'ライセンスと出典', en: 'Licence and attribution', mediatype: 'text/markdown', format: 'Markdown' },
  ckan: { ja: 'CKAN登録用メタデータ（package_create）', en: 'CKAN package_create metadata', mediatype: 'application/json', format: 'JSON' },
  dcat: { ja: 'DCATメタデータ（JSON-LD）', en: 'DCAT metadata (JSON-LD)', mediatype: 'application/ld+json', format: 'JSON-LD' },
};
