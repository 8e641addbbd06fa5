import type { RecordList } from './publishedRecords.ts';
import { cutText } from '../problem/cutText.ts';
import type { Dataset, FieldSchema } from '../dataset/DatasetDefinition.ts';
import { publishedFieldSchema, publishedFields } from '../dataset/published.ts';
import type { Values } from '../normalize/RecordRow.ts';
import type { PackageFileNames } from './fileNames.ts';
import type { SummaryTable } from './summaryTable.ts';
import { toTableSchema, toTableSchemaField } from './tableSchema.ts';
import type { TableSchemaField } from './DataPackage.ts';

/** One documented table: which files hold it, its fields' JSON Schema and its rows (for examples). */
interface DocumentedTable {
  heading: string;
  files: string[];
  fields: string[];
  schemaOf: (field: string) => FieldSchema;
  /** The published Table Schema field, where the column's rule says more than the JSON Schema (time, boolean words, bounds). */
  tableFieldOf?: (field: string) => TableSchemaField | undefined;
  records: RecordList;
}

const EXAMPLE_LENGTH = 40;

/** Markdown table cell: pipes and HTML escaped, line breaks as <br>. */
function cell(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

const lines = (...parts: (string | undefined)[]): string => parts.filter((p): p is string => Boolean(p)).join('\n');

function allowedValues(schema: FieldSchema, published: TableSchemaField): string {
  if (schema.enum) {
    const english = schema['x-enum-en'] ?? {};
    return schema.enum.map((v) => (english[String(v)] ? `${v}（${english[String(v)]}）` : String(v))).join('\n');
  }
  if (published.trueValues && published.falseValues) return `${published.trueValues[0]} = true\n${published.falseValues[0]} = false`;
  const { minimum, maximum, pattern } = published.constraints ?? {};
  const rules: string[] = [];
  if (minimum !== undefined) rules.push(`${minimum} 以上 / ≥ ${minimum}`);
  if (maximum !== undefined) rules.push(`${maximum} 以下 / ≤ ${maximum}`);
  if (pattern !== undefined) rules.push(`正規表現 / pattern \`${pattern}\``);
  return rules.join('\n');
}

function example(records: RecordList, field: string, published: TableSchemaField): string {
  let value: Values[string] | undefined;
  for (const record of records) {
    const v = record[field];
    if (v !== null && v !== undefined && v !== '') {
      value = v;
      break;
    }
  }
  if (value === undefined || value === null) return '';
  const text = typeof value === 'boolean' && published.trueValues && published.falseValues ? (value ? published.trueValues[0]! : published.falseValues[0]!) : String(value);
  // EXAMPLE_LENGTH characters, then the …
  return cutText(text, EXAMPLE_LENGTH + 1);
}

function tableSection(table: DocumentedTable): string {
  const header = '| 項目名<br>Field | 日本語名<br>English | 型<br>Type | 単位<br>Unit | 選べる値・範囲<br>Allowed values | 説明<br>Description | 例<br>Example |';
  const rows = table.fields.map((field) => {
    const schema = table.schemaOf(field);
    const published = table.tableFieldOf?.(field) ?? toTableSchemaField(field, schema);
    const type = published.format ? `${published.type} (${published.format})` : published.type;
    const nullable = [schema.type].flat().includes('null');
    const cells = [
      `\`${field}\``,
      cell(lines(schema.title ?? field, schema['x-title-en'])),
      cell(lines(type, nullable ? '空欄可 / may be empty' : undefined)),
      cell(schema['x-unit'] ?? ''),
      cell(allowedValues(schema, published)),
      cell(lines(schema.description, schema['x-description-en'])),
      cell(example(table.records, field, published)),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [`## ${table.heading}`, '', `ファイル / Files: ${table.files.map((f) => `\`${f}\``).join(', ')}`, '', header, '|---|---|---|---|---|---|---|', ...rows, ''].join('\n');
}

/** A data dictionary in Markdown (Japanese with English), generated from the schemas; examples are the first non-empty values. */
export function dataDictionary(dataset: Dataset, records: RecordList, summary: SummaryTable | undefined, files: PackageFileNames, asOf: string): string {
  const published = new Map(toTableSchema(dataset).fields.map((f) => [f.name, f]));
  const tables: DocumentedTable[] = [
    {
      tableFieldOf: (field) => published.get(field),
      heading: `${dataset.title.ja} / ${dataset.title.en}`,
      files: [files.csv, files.excelCsv, files.json],
      fields: publishedFields(dataset),
      schemaOf: (field) => publishedFieldSchema(dataset, field),
      records,
    },
  ];
  if (summary) {
    tables.push({ heading: '集計表 / Summary', files: [files.summary], fields: summary.fields, schemaOf: (field) => summary.properties[field]!, records: summary.rows });
  }
  const intro = [
    `# データ辞書 / Data dictionary: ${dataset.title.ja}`,
    '',
    dataset.description.ja,
    '',
    dataset.description.en,
    '',
    `- 時点 / As of: ${asOf}`,
    `- 件数 / Rows: ${records.length}`,
    `- 主キー / Primary key: \`${dataset.primaryKey}\``,
    `- \`${files.csv}\`: UTF-8（BOMなし / no BOM）、見出しは項目名 / header of field names`,
    `- \`${files.excelCsv}\`: Excel 用 UTF-8（BOM付き / with BOM）、見出しは日本語名 / header of Japanese titles`,
    '- 空欄は値がないことを表します / An empty cell means no value.',
    '',
  ];
  return `${[...intro, ...tables.map(tableSection)].join('\n')}`;
}
