import type { Dataset, FieldSchema } from './DatasetDefinition.ts';

/**
 * The common columns of the 自治体標準オープンデータセット (the national standard open datasets):
 * every published record starts with who published it. Declared here once, as JSON Schema, for
 * every dataset; the values come from the definition's publisher, never from the sheet.
 */
export const NATIONAL_FIELDS: Readonly<Record<string, FieldSchema>> = {
  lg_code: {
    type: 'string',
    pattern: '^[0-9]{6}$',
    title: '全国地方公共団体コード',
    'x-title-en': 'Local government code',
    description: '全国地方公共団体コード（6桁、検査数字を含む）。文字列として扱います',
    'x-description-en': 'Japanese local government code (six digits including the check digit), kept as text',
  },
  lg_name: {
    type: 'string',
    minLength: 1,
    title: '地方公共団体名',
    'x-title-en': 'Local government name',
    description: '都道府県名と市区町村名',
    'x-description-en': 'Prefecture and municipality name',
  },
};

export const NATIONAL_FIELD_NAMES = Object.keys(NATIONAL_FIELDS);

/** The national columns the pipeline adds from the publisher: those the sheet does not already hold. */
export function addedNationalFields(dataset: Dataset): string[] {
  if (!hasNationalColumns(dataset)) return [];
  return NATIONAL_FIELD_NAMES.filter((field) => !Object.hasOwn(dataset.recordSchemaJson.properties, field));
}

export function hasNationalColumns(dataset: Dataset): boolean {
  return dataset.nationalColumns !== false;
}

/** The national columns' values for this dataset: `142034`, `神奈川県平塚市`. */
export function nationalValues(dataset: Dataset): { lg_code: string; lg_name: string } {
  const { publisher } = dataset;
  return { lg_code: publisher.lgCode, lg_name: `${publisher.prefecture?.ja ?? ''}${publisher.name.ja}` };
}
