import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { Values } from '../normalize/RecordRow.ts';
import { publishedFields } from '../dataset/published.ts';
import { attributionText } from './attribution.ts';
import { toCkanPackage } from './ckan.ts';
import { dataDictionary } from './dataDictionary.ts';
import type { BuiltPackage, DataPackage, PackageFile, Resource, TableSchema } from './DataPackage.ts';
import { toDcat } from './dcat.ts';
import { FILE_ROLES, packageFileNames, type PackageFileNames } from './fileNames.ts';
import { fileDigest, StreamedFile } from './packageFile.ts';
import { PublishedRecords } from './publishedRecords.ts';
import { csvProducer, excelCsvProducer, jsonProducer, toCsv } from './serialize.ts';
import { summarize } from './summary.ts';
import { SUMMARY_KEY, summarizeTable, type SummaryTable } from './summaryTable.ts';
import { bilingual, toDerivedTableSchema, toTableSchema } from './tableSchema.ts';

export const PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

export interface PackageInput {
  dataset: Dataset;
  records: Values[];
  /** ISO date the data describes; also the package's `created` (never the wall clock). */
  asOf: string;
  version: string;
}

const encoder = new TextEncoder();

function dataFile(path: string, text: string): PackageFile {
  return { path, bytes: encoder.encode(text) };
}

const DIALECT_PROFILE = 'https://datapackage.org/profiles/2.0/tabledialect.json';
const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"' };

type ResourceFacts = Pick<Resource, 'name' | 'title' | 'description' | 'format' | 'mediatype' | 'dialect' | 'schema'>;

/** A UTF-8 table resource: its facts plus the file's true size and hash. */
function tableResource(file: PackageFile, { name, title, description, format, mediatype, dialect, schema }: ResourceFacts): Resource {
  const digest = fileDigest(file);
  return {
    name,
    path: file.path,
    type: 'table',
    title,
    ...(description ? { description } : {}),
    format,
    mediatype,
    encoding: 'utf-8',
    bytes: digest.size,
    hash: digest.hash,
    ...(dialect ? { dialect } : {}),
    schema,
  };
}

/** The record files of a package (CSV, JSON, Excel CSV), made when written; what the rest is made from. */
export interface PackageData {
  input: PackageInput;
  names: PackageFileNames;
  schema: TableSchema;
  /** The published records (national columns first), made as they are read. */
  records: PublishedRecords;
  csv: StreamedFile;
  json: StreamedFile;
  excel: StreamedFile;
}

/** Records → a Data Package v2: the descriptor and the bytes of every file, nothing written. */
export function buildPackage(input: PackageInput): BuiltPackage {
  return completePackage(packageData(input));
}

/**
 * The first half of buildPackage: the record files, as files whose bytes are made when they are
 * streamed (the build command streams them to disk, and their sizes and hashes are known after).
 */
export function packageData(input: PackageInput): PackageData {
  const { dataset } = input;
  const names = packageFileNames(dataset);
  const schema = toTableSchema(dataset);
  const fields = publishedFields(dataset);
  const records = new PublishedRecords(input.records, dataset);
  const booleanWords = schema.fields.map((f) => (f.trueValues && f.falseValues ? ([f.trueValues[0]!, f.falseValues[0]!] as const) : undefined));
  const csvBytes = csvProducer(records, fields, booleanWords);
  const csv = new StreamedFile(names.csv, csvBytes);
  const json = new StreamedFile(names.json, jsonProducer(records, fields));
  const excel = new StreamedFile(names.excelCsv, excelCsvProducer(records, fields, schema.fields.map((f) => f.title ?? f.name), booleanWords));
  return { input, names, schema, records, csv, json, excel };
}

/**
 * The second half: the descriptor, summary, dictionary and catalog records, which give the record
 * files' sizes and hashes (from the time they were streamed, or by making their bytes now).
 */
export function completePackage({ input, names, schema, records, csv, json, excel }: PackageData): BuiltPackage {
  const { dataset, asOf, version } = input;
  // The summaries read the declared fields, which published records copy unchanged: from the validated
  // records, without filling a published record for every row of every pass.
  const summaryTable: SummaryTable | undefined = summarizeTable(input.records, dataset);
  const summaryCsv = summaryTable && dataFile(names.summary, toCsv(summaryTable.rows, summaryTable.fields));
  const title = dataset.title.ja;
  const csvDialect = (header: boolean, more: Record<string, unknown> = {}) => ({ $schema: DIALECT_PROFILE, header, ...more, ...CSV_DIALECT });
  const resources: Resource[] = [
    tableResource(csv, { name: dataset.name, title, format: 'csv', mediatype: 'text/csv', dialect: csvDialect(true), schema }),
    tableResource(json, { name: `${dataset.name}-json`, title, format: 'json', mediatype: 'application/json', schema }),
    tableResource(excel, {
      name: `${dataset.name}-excel`,
      title: `${title}（Excel用）`,
      description:
        'Excel でそのまま開ける CSV（UTF-8 BOM付き、CRLF）。1行目は日本語の見出しで、機械で読むときは読み飛ばします（commentRows）。 / CSV for Excel (UTF-8 with BOM, CRLF); row 1 holds the Japanese titles and is skipped by machines (commentRows).',
      format: 'csv',
      mediatype: 'text/csv',
      dialect: csvDialect(false, { commentRows: [1] }),
      schema,
    }),
  ];
  if (summaryTable && summaryCsv) {
    resources.push(
      tableResource(summaryCsv, {
        name: `${dataset.name}-summary`,
        title: `${title}（集計）`,
        description:
          '項目の値ごとの件数と合計。再掲の行は除き、その件数を excluded_relisted_rows に示します。 / Count and total per value of each field, re-listed rows excluded (their number in excluded_relisted_rows).',
        format: 'csv',
        mediatype: 'text/csv',
        dialect: csvDialect(true),
        schema: toDerivedTableSchema(summaryTable.fields, summaryTable.properties, SUMMARY_KEY),
      }),
    );
  }
  const publisher = dataset.publisher;
  const descriptor: DataPackage = {
    $schema: PACKAGE_PROFILE,
    name: dataset.name,
    title: bilingual(dataset.title.ja, dataset.title.en)!,
    description: `${dataset.description.ja}\n\n${dataset.description.en}`,
    version,
    created: `${asOf}T00:00:00+09:00`,
    ...(publisher.url ? { homepage: publisher.url } : {}),
    keywords: dataset.keywords ?? [],
    licenses: [{ name: dataset.license.name, path: dataset.license.path, title: dataset.license.title }],
    sources: [{ title: dataset.source.title.ja, ...(dataset.source.url ? { path: dataset.source.url } : {}) }],
    contributors: [
      {
        title: bilingual(publisher.name.ja, publisher.name.en)!,
        roles: ['publisher'],
        ...(publisher.url ? { path: publisher.url } : {}),
        organization: `${publisher.prefecture?.ja ?? ''}${publisher.name.ja}（全国地方公共団体コード ${publisher.lgCode}）`,
      },
    ],
    resources,
    summary: summarize(input.records, dataset, asOf),
  };
  const files: PackageFile[] = [dataFile(names.descriptor, `${JSON.stringify(descriptor, null, 2)}\n`), csv, json, excel];
  if (summaryCsv) files.push(summaryCsv);
  files.push(
    dataFile(names.dictionary, dataDictionary(dataset, records, summaryTable, names, asOf)),
    dataFile(names.attribution, attributionText(dataset, version)),
    dataFile(names.ckan, `${JSON.stringify(toCkanPackage(descriptor), null, 2)}\n`),
  );
  // The DCAT record comes last: it lists every other file with its size and checksum.
  files.push(dataFile(names.dcat, toDcat(dataset, descriptor, asOf, files.map((file) => ({ file, ...roleOf(names, file.path) })))));
  return {
    descriptor,
    files,
    // Made only when asked for (publishing compares them); building writes the files and needs no copy.
    get records() {
      return records.toArray();
    },
    ...(summaryTable ? { summary: summaryTable } : {}),
  };
}

function roleOf(names: PackageFileNames, path: string): { title: { ja: string; en: string }; mediatype: string; format: string } {
  const role = (Object.keys(names) as (keyof PackageFileNames)[]).find((key) => names[key] === path);
  if (!role) throw new Error(`${path} is not a file of the package`);
  const { ja, en, mediatype, format } = FILE_ROLES[role];
  return { title: { ja, en }, mediatype, format };
}
