import type { RecordList } from './publishedRecords.ts';
import type { Dataset, FieldSchema, SummaryDeclaration } from '../dataset/DatasetDefinition.ts';
import type { FieldValue, Values } from '../normalize/RecordRow.ts';
import { isRelisted, relistedFromField } from './summary.ts';

/** A derived table: its rows, its field order and each field's JSON Schema (from which its Table Schema is derived). */
export interface SummaryTable {
  declaration: SummaryDeclaration;
  fields: string[];
  properties: Record<string, FieldSchema>;
  /** Name of the column holding the sums, when the declaration sums a field. */
  totalField?: string;
  rows: Values[];
}

export const GROUP_FIELD = 'group_field';
export const GROUP_VALUE = 'group_value';
export const ROWS = 'rows';
export const EXCLUDED = 'excluded_relisted_rows';
/** One row per (field, value). */
export const SUMMARY_KEY = [GROUP_FIELD, GROUP_VALUE];

function summaryProperties(dataset: Dataset, declaration: SummaryDeclaration): { properties: Record<string, FieldSchema>; totalField?: string } {
  const properties: Record<string, FieldSchema> = {
    [GROUP_FIELD]: {
      type: 'string',
      title: '集計の項目',
      'x-title-en': 'Grouped by',
      description: '行を分けた項目の名前',
      'x-description-en': 'Name of the field whose values form the groups',
    },
    group_title: { type: 'string', title: '項目の日本語名', 'x-title-en': 'Title of the field', description: '集計の項目の日本語名', 'x-description-en': 'Japanese title of that field' },
    [GROUP_VALUE]: {
      type: 'string',
      title: '値',
      'x-title-en': 'Value',
      description: 'その項目の値。空文字はその項目が空欄の行',
      'x-description-en': 'The value of that field; the empty string for rows where the field is empty',
    },
    [ROWS]: { type: 'integer', minimum: 0, title: '件数（再掲を除く）', 'x-title-en': 'Rows (re-listed rows excluded)', description: 'この値をもつ行の数。再掲の行は数えません', 'x-description-en': 'Rows with this value, re-listed rows not counted' },
  };
  let totalField: string | undefined;
  if (declaration.sum !== undefined) {
    const source = dataset.recordSchemaJson.properties[declaration.sum];
    const numberType = [source?.type].flat().includes('number') ? 'number' : 'integer';
    totalField = `${declaration.sum}_total`;
    properties[totalField] = {
      type: numberType,
      title: `${source?.title ?? declaration.sum}の合計（再掲を除く）`,
      'x-title-en': `Total of ${source?.['x-title-en'] ?? declaration.sum} (re-listed rows excluded)`,
      description: `この値をもつ行の ${declaration.sum} の合計。再掲の行は足しません`,
      'x-description-en': `Sum of ${declaration.sum} over the rows with this value, re-listed rows left out`,
      ...(source?.['x-unit'] ? { 'x-unit': source['x-unit'] } : {}),
    };
  }
  properties[EXCLUDED] = {
    type: 'integer',
    minimum: 0,
    title: '除外した再掲の件数',
    'x-title-en': 'Re-listed rows excluded',
    description: 'この値をもつが、再掲（別の行の繰り返し）なので件数と合計から除いた行の数',
    'x-description-en': 'Rows with this value left out of the count and total because they re-list another row',
  };
  return totalField ? { properties, totalField } : { properties };
}

/**
 * Counts and sums per value of each declared field, re-listed rows left out of both (they repeat
 * another row) and counted in their own column. Nothing is dataset-specific: the definition says what.
 */
export function summarizeTable(records: RecordList, dataset: Dataset): SummaryTable | undefined {
  const declaration = dataset.summary;
  if (!declaration) return undefined;
  const { properties, totalField } = summaryProperties(dataset, declaration);
  const relistField = relistedFromField(dataset);
  const rows: Values[] = [];
  const sumField = declaration.sum;
  for (const field of declaration.groupBy) {
    const schema = dataset.recordSchemaJson.properties[field];
    // One pass per field: each group's rows, rows not re-listed, and their sum (added in row order).
    const groups = new Map<FieldValue, { members: number; counted: number; total: number }>();
    for (const record of records) {
      const value = record[field] ?? null;
      let group = groups.get(value);
      if (!group) groups.set(value, (group = { members: 0, counted: 0, total: 0 }));
      group.members++;
      if (isRelisted(record, relistField)) continue;
      group.counted++;
      if (sumField !== undefined) group.total += typeof record[sumField] === 'number' ? record[sumField] : 0;
    }
    const column = dataset.columns.find((c) => 'field' in c && c.field === field);
    // A yes/no group is named by its published word (有/無), as the CSV writes it.
    const words = column && 'trueValues' in column && column.trueValues && column.falseValues ? [column.trueValues[0]!, column.falseValues[0]!] : undefined;
    const shown = (value: FieldValue) => (typeof value === 'boolean' && words ? words[value ? 0 : 1]! : String(value));
    for (const value of orderedValues([...groups.keys()], schema)) {
      const group = groups.get(value)!;
      const row: Values = Object.create(null) as Values;
      row[GROUP_FIELD] = field;
      row.group_title = schema?.title ?? field;
      row[GROUP_VALUE] = value === null ? '' : shown(value);
      row[ROWS] = group.counted;
      if (totalField && sumField) row[totalField] = group.total;
      row[EXCLUDED] = group.members - group.counted;
      rows.push(row);
    }
  }
  return { declaration, fields: Object.keys(properties), properties, ...(totalField ? { totalField } : {}), rows };
}

/** Group values in the order people expect: the schema's enum order, then first appearance; empty last. */
function orderedValues(present: FieldValue[], schema: FieldSchema | undefined): FieldValue[] {
  const enumOrder = (schema?.enum ?? []).filter((v) => present.includes(v));
  const rest = present.filter((v) => v !== null && !enumOrder.includes(v as string | number));
  return [...enumOrder, ...rest, ...(present.includes(null) ? [null] : [])];
}
