import { createHash } from 'node:crypto';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { Values } from '../normalize/RecordRow.ts';
import type { BuiltPackage, DataPackage, PackageFile, Resource } from './DataPackage.ts';
import { DESCRIPTOR_FILE, fileStem } from './fileNames.ts';
import { toCsv, toJson } from './serialize.ts';
import { summarize } from './summary.ts';
import { bilingual, toTableSchema } from './tableSchema.ts';

export const PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

export interface PackageInput {
  dataset: Dataset;
  records: Values[];
  /** ISO date the data describes; also the package's `created` (never the wall clock). */
  asOf: string;
  version: string;
}

const encoder = new TextEncoder();

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function dataFile(path: string, text: string): PackageFile {
  return { path, bytes: encoder.encode(text) };
}

/** Records → a Data Package v2: the descriptor and the bytes of every file, nothing written. */
export function buildPackage({ dataset, records, asOf, version }: PackageInput): BuiltPackage {
  const stem = fileStem(dataset);
  const schema = toTableSchema(dataset);
  const csv = dataFile(`${stem}.csv`, toCsv(records, dataset.fields));
  const json = dataFile(`${stem}.json`, toJson(records, dataset.fields));
  const title = dataset.title.ja;
  const resources: Resource[] = [
    {
      name: dataset.name,
      path: csv.path,
      type: 'table',
      title,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: csv.bytes.length,
      hash: sha256(csv.bytes),
      dialect: { $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"' },
      schema,
    },
    {
      name: `${dataset.name}-json`,
      path: json.path,
      type: 'table',
      title,
      format: 'json',
      mediatype: 'application/json',
      encoding: 'utf-8',
      bytes: json.bytes.length,
      hash: sha256(json.bytes),
      schema,
    },
  ];
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
    summary: summarize(records, dataset, asOf),
  };
  return { descriptor, files: [dataFile(DESCRIPTOR_FILE, `${JSON.stringify(descriptor, null, 2)}\n`), csv, json] };
}
