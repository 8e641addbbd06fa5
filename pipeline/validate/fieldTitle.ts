import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { Text } from '../problem/Problem.ts';

/** The field's title as staff know it (the schema's title, in Japanese) and in English; the field name otherwise. */
export function fieldTitle(dataset: Dataset, field: string): Text {
  const schema = Object.hasOwn(dataset.recordSchemaJson.properties, field) ? dataset.recordSchemaJson.properties[field] : undefined;
  return { ja: schema?.title ?? field, en: schema?.['x-title-en'] ?? schema?.title ?? field };
}
