import type { SingleFieldColumn } from '../dataset/DatasetDefinition.ts';
import { JAPAN_BOUNDS } from '../normalize/rules/coordinate.ts';
import type { TableSchemaField } from './DataPackage.ts';

type Constraints = NonNullable<TableSchemaField['constraints']>;

/** The published form of each formed-text rule, unless the record schema already constrains it. */
const TEXT_PATTERNS: Partial<Record<SingleFieldColumn['rule'], string>> = {
  phone: '^0[0-9]+(-[0-9]+)*$',
  'postal-code': '^[0-9]{3}-[0-9]{4}$',
  'corporate-number': '^[1-9][0-9]{12}$',
  'lg-code': '^[0-9]{6}$',
};

const FISCAL_YEAR_NOTE = '年度（4月〜翌年3月）を西暦の年で表します（2020 = 令和2年度 = 2020年4月〜2021年3月） / Fiscal year (April to March) by its starting year (2020 = April 2020 to March 2021)';

function withConstraints(field: TableSchemaField, extra: Constraints): TableSchemaField {
  const constraints = { ...extra, ...field.constraints };
  return Object.keys(constraints).length > 0 ? { ...field, constraints } : field;
}

/**
 * What a column's rule says about its published field beyond the record schema's JSON type: the Table
 * Schema type (time, datetime, year), the CSV words of a boolean, the bounds of a coordinate, the form
 * of a phone number. The rules that existed before these (text, integer, date, month, enum, code) are
 * described by the record schema alone, as they always were.
 */
export function ruleFieldType(field: TableSchemaField, column: SingleFieldColumn): TableSchemaField {
  switch (column.rule) {
    case 'number':
      return { ...field, type: 'number' };
    case 'time':
      return { ...field, type: 'time' };
    case 'datetime':
      return { ...field, type: 'datetime' };
    case 'year':
      return { ...field, type: 'year' };
    case 'fiscal-year':
      return { ...field, type: 'year', description: field.description ? `${field.description}。${FISCAL_YEAR_NOTE}` : FISCAL_YEAR_NOTE };
    case 'boolean':
      return { ...field, type: 'boolean', trueValues: [column.trueValues![0]!], falseValues: [column.falseValues![0]!] };
    case 'latitude':
    case 'longitude': {
      const { min, max } = JAPAN_BOUNDS[column.rule];
      const rdfType = `http://www.w3.org/2003/01/geo/wgs84_pos#${column.rule === 'latitude' ? 'lat' : 'long'}`;
      return withConstraints({ ...field, type: 'number', rdfType }, { minimum: min, maximum: max });
    }
    case 'url':
      return { ...field, type: 'string', format: 'uri' };
    case 'email':
      return { ...field, type: 'string', format: 'email' };
    default: {
      const pattern = TEXT_PATTERNS[column.rule];
      return pattern ? withConstraints(field, { pattern }) : field;
    }
  }
}
