import type { Dataset } from '../dataset/DatasetDefinition.ts';

/** The field's Japanese title as staff know it (the header label), falling back to the field name. */
export function fieldTitle(dataset: Dataset, field: string): string {
  const schema = Object.hasOwn(dataset.recordSchemaJson.properties, field) ? dataset.recordSchemaJson.properties[field] : undefined;
  return schema?.title ?? field;
}
