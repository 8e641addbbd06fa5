import type { Dataset, FieldSchema, RelistMarkerColumn, SingleFieldColumn } from '../dataset/DatasetDefinition.ts';
import { ruleFieldType } from './ruleFieldType.ts';
import { publishedFieldSchema, publishedFields } from '../dataset/published.ts';
import { YEAR_MONTH_FORMAT } from '../dataset/ajv.ts';
import type { TableSchema, TableSchemaField } from './DataPackage.ts';

export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';

const typesOf = (schema: FieldSchema): string[] => (Array.isArray(schema.type) ? schema.type : [schema.type]);

function fieldType(schema: FieldSchema): TableSchemaField['type'] {
  const type = typesOf(schema).find((t) => t !== 'null') ?? 'string';
  if (type === 'string' && schema.format === 'date') return 'date';
  if (type === 'string' && schema.format === YEAR_MONTH_FORMAT) return 'yearmonth';
  if (type === 'integer' || type === 'number' || type === 'boolean') return type;
  return 'string';
}

export function bilingual(ja: string | undefined, en: string | undefined): string | undefined {
  if (ja && en && ja !== en) return `${ja} / ${en}`;
  return ja ?? en;
}

/** One field's JSON Schema → its Table Schema field. */
export function toTableSchemaField(name: string, schema: FieldSchema, unique = false): TableSchemaField {
  const field: TableSchemaField = { name, type: fieldType(schema) };
  if (schema.title) field.title = schema.title;
  const description = bilingual(schema.description, schema['x-description-en']);
  if (description) field.description = description;
  const constraints: NonNullable<TableSchemaField['constraints']> = {};
  if (!typesOf(schema).includes('null')) constraints.required = true;
  if (unique) constraints.unique = true;
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'pattern'] as const) {
    if (schema[key] !== undefined) (constraints as Record<string, unknown>)[key] = schema[key];
  }
  if (schema.enum) constraints.enum = schema.enum;
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  const english = schema['x-enum-en'];
  if (schema.enum && english) field.categories = schema.enum.map((value) => ({ value, label: english[String(value)] ?? String(value) }));
  if (schema['x-unit']) field.unit = schema['x-unit'];
  return field;
}

/**
 * The Table Schema is derived from the published record's JSON Schema (the national columns, then
 * the record schema): one source of truth, never written twice.
 */
export function toTableSchema(dataset: Dataset): TableSchema {
  const columnOf = new Map(dataset.columns.filter((c): c is SingleFieldColumn => 'field' in c && c.rule !== 'relist-marker').map((c) => [c.field, c]));
  const fields = publishedFields(dataset).map((name) => {
    const field = toTableSchemaField(name, publishedFieldSchema(dataset, name), name === dataset.primaryKey);
    const column = columnOf.get(name);
    return column ? ruleFieldType(field, column) : field;
  });
  const tableSchema: TableSchema = { $schema: TABLE_SCHEMA_PROFILE, fields, missingValues: [''], primaryKey: [dataset.primaryKey] };
  const relist = dataset.columns.find((c): c is RelistMarkerColumn => c.rule === 'relist-marker');
  // A self-reference: `resource` omitted means "this resource" in Data Package v2.
  if (relist) tableSchema.foreignKeys = [{ fields: [relist.relistedFrom], reference: { fields: [dataset.primaryKey] } }];
  return tableSchema;
}

/** Table Schema of a table the pipeline derives (such as the summary), from its fields' JSON Schema; no missing values. */
export function toDerivedTableSchema(fields: string[], properties: Record<string, FieldSchema>, primaryKey: string[]): TableSchema {
  return { $schema: TABLE_SCHEMA_PROFILE, fields: fields.map((name) => toTableSchemaField(name, properties[name]!)), missingValues: [], primaryKey };
}
