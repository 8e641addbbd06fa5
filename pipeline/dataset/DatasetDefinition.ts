import type { Text } from '../problem/Problem.ts';

/** Rules that read one cell into one field. */
export const SINGLE_FIELD_RULES = [
  'text',
  'integer',
  'number',
  'date',
  'month',
  'time',
  'datetime',
  'year',
  'fiscal-year',
  'boolean',
  'latitude',
  'longitude',
  'enum',
  'code',
  'url',
  'email',
  'phone',
  'postal-code',
  'corporate-number',
  'lg-code',
] as const;
export type SingleFieldRule = (typeof SINGLE_FIELD_RULES)[number];

/** How one column's cell text becomes a field value. The small documented set of rules. */
export type ColumnRule = SingleFieldRule | 'numbered-label' | 'relist-marker';

interface ColumnBase {
  /** Header label as staff write it in the sheet. */
  label: string;
  /** Optional: the column may be absent from the sheet. */
  optional?: boolean;
}

export interface SingleFieldColumn extends ColumnBase {
  rule: SingleFieldRule;
  field: string;
  /** Integer columns only: in every row this field equals the sum of these fields (a 合計 column). */
  sumOf?: string[];
  /** Boolean columns: the words meaning true and false; the first of each is published in the CSV. */
  trueValues?: string[];
  falseValues?: string[];
  /** Time columns: 24:00 is allowed (a closing time at the end of the day). */
  allow24?: boolean;
}

/** `（1）命を守る…` → a number field and a label field. */
export interface NumberedLabelColumn extends ColumnBase {
  rule: 'numbered-label';
  fields: { number: string; label: string };
}

/** A name that may carry 【再掲】: the marker is removed and the original row is linked. */
export interface RelistMarkerColumn extends ColumnBase {
  rule: 'relist-marker';
  field: string;
  /** Field that receives the primary key of the original row. */
  relistedFrom: string;
  /** Fields whose values a re-listed row should repeat from its original (warning otherwise). */
  sameAsOriginal?: string[];
}

export type ColumnDefinition = SingleFieldColumn | NumberedLabelColumn | RelistMarkerColumn;

export interface Publisher {
  name: Text;
  prefecture?: Text;
  /** 全国地方公共団体コード, six digits, kept as text. */
  lgCode: string;
  url?: string;
  email?: string;
}

export interface License {
  name: string;
  title: string;
  path: string;
  compatibleWith?: string;
}

export interface SourceDeclaration {
  /**
   * File name inside sources/, or a pattern of names (`*` any characters, `?` one): then the matching
   * workbook with the newest as-of date is the source (sourcePattern.ts, commands/sourceFiles.ts).
   */
  file: string;
  /** Sheet name; default: the first sheet that has the header. */
  sheet?: string;
  /** The source document's title; `{asOf}` stands for each version's as-of date (package/sourceTitle.ts). */
  title: Text;
  url?: string;
  /** Limit on the unpacked size of the source file (MB); default 50 (container.ts DEFAULT_LIMITS). */
  maxUnpackedMB?: number;
}

/** The dataset definition file as written (YAML), after schema validation. */
export interface DatasetDefinitionFile {
  name: string;
  title: Text;
  description: Text;
  keywords?: string[];
  publisher: Publisher;
  license: License;
  source: SourceDeclaration;
  /** Fixed as-of date (YYYY-MM-DD); otherwise read from the title row. */
  asOf?: string;
  recordSchema: string;
  primaryKey: string;
  columns: ColumnDefinition[];
  missingValues?: string[];
  totals?: string[];
  /** Rows such as 「合計」 that sum the data rows: not data; checked against the column sums. */
  totalsRow?: TotalsRowDeclaration;
  /** Prepend the national columns lg_code and lg_name to every published record (default true). */
  nationalColumns?: boolean;
  summary?: SummaryDeclaration;
  /** Paths of the values `opendata init` guessed; deleted once a person has reviewed them. */
  guessed?: string[];
  /** Hidden rows, columns and sheets that hold something: an error unless declared (ingest/hiddenContent.ts). */
  hidden?: HiddenPolicy;
}

/** `publish`: read hidden content as is (recorded); `drop`: leave it out of the data (each run recorded). */
export type HiddenPolicy = 'publish' | 'drop';

/** How a totals row (「合計」 at the bottom of the table) is recognised, and what it must add up to. */
export interface TotalsRowDeclaration {
  /** Text of the cell that marks the row, compared like header labels (width, spaces ignored). */
  label: string;
  /** Label of the column holding that text; default: the row's first non-empty cell. */
  column?: string;
  /** Fields whose sum over the data rows above must equal the totals row's cell; default: every integer column. */
  check?: string[];
}

/** What the summary resource counts and sums, and which of its groupings the page filters and charts. */
export interface SummaryDeclaration {
  /** Fields whose values group the rows: one block of summary rows per field. */
  groupBy: string[];
  /** Numeric field summed in every group. */
  sum?: string;
  /** Fields of groupBy offered as filters on the page (default: all of groupBy). */
  filterBy?: string[];
  /** Field of groupBy whose sums the page draws as a bar chart. */
  chartBy?: string;
}

/** JSON Schema (2020-12) of one record, as declared. Only the parts the pipeline reads are typed. */
export interface RecordSchema {
  $schema?: string;
  title?: string;
  type: 'object';
  required?: string[];
  properties: Record<string, FieldSchema>;
  [keyword: string]: unknown;
}

export interface FieldSchema {
  type: string | string[];
  title?: string;
  description?: string;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  'x-title-en'?: string;
  'x-description-en'?: string;
  'x-unit'?: string;
  'x-enum-en'?: Record<string, string>;
  [keyword: string]: unknown;
}

/** A loaded dataset: the definition, its record schema, and where its files are. */
export interface Dataset extends DatasetDefinitionFile {
  recordSchemaJson: RecordSchema;
  /** Field names in published order (the record schema's property order). */
  fields: string[];
  /** Path of the definition file, for messages. */
  definitionPath: string;
  /** Absolute path of the declared source: sources/ joined with source.file, a name or a pattern. */
  sourcePath: string;
}
