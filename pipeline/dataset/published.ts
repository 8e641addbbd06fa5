import type { Dataset, FieldSchema } from './DatasetDefinition.ts';
import { addedNationalFields, NATIONAL_FIELDS } from './nationalColumns.ts';

/**
 * The published record: the national columns (when on) followed by the record schema's fields in
 * their declared order. The sheet is validated against the record schema alone; the Table Schema,
 * the files and the pages describe this published record.
 */
export function publishedFields(dataset: Dataset): string[] {
  return [...addedNationalFields(dataset), ...dataset.fields];
}

/** The JSON Schema of one published field. */
export function publishedFieldSchema(dataset: Dataset, field: string): FieldSchema {
  if (addedNationalFields(dataset).includes(field)) return NATIONAL_FIELDS[field]!;
  const schema = Object.hasOwn(dataset.recordSchemaJson.properties, field) ? dataset.recordSchemaJson.properties[field] : undefined;
  if (!schema) throw new Error(`${field} is not a published field of ${dataset.name}`);
  return schema;
}
