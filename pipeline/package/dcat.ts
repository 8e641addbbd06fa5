import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { DataPackage, PackageFile } from './DataPackage.ts';
import { fileStem } from './fileNames.ts';
import { fileDigest } from './packageFile.ts';
import { sourceTitle } from './sourceTitle.ts';

/** Every prefix the document uses, inline: a reader never has to fetch a remote context. */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

export interface DcatDistributionInput {
  file: PackageFile;
  title: { ja: string; en: string };
  mediatype: string;
  format: string;
}

const langs = (ja: string, en: string) => [
  { '@value': ja, '@language': 'ja' },
  { '@value': en, '@language': 'en' },
];
const date = (iso: string) => ({ '@value': iso, '@type': 'xsd:date' });

function distribution(input: DcatDistributionInput, licence: string): Record<string, unknown> {
  const { file } = input;
  const digest = fileDigest(file);
  return {
    '@type': 'dcat:Distribution',
    'dct:title': langs(input.title.ja, input.title.en),
    // Relative to this document: the files sit beside it in the version directory.
    'dcat:downloadURL': { '@id': file.path },
    'dcat:accessURL': { '@id': file.path },
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${input.mediatype}` },
    'dct:format': input.format,
    'dcat:byteSize': { '@value': String(digest.size), '@type': 'xsd:nonNegativeInteger' },
    'spdx:checksum': {
      '@type': 'spdx:Checksum',
      'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
      'spdx:checksumValue': { '@value': digest.hash.slice('sha256:'.length), '@type': 'xsd:hexBinary' },
    },
    'dct:license': { '@id': licence },
  };
}

/**
 * A DCAT catalog record of one version as JSON-LD with an inline @context: the dataset's titles,
 * description, keywords, publisher, contact point, licence, issued/modified (the as-of date) and one
 * distribution per file with its media type, byte size and sha256.
 */
export function toDcat(dataset: Dataset, descriptor: DataPackage, asOf: string, distributions: DcatDistributionInput[]): string {
  const { publisher, license } = dataset;
  const homepage = publisher.url ? { 'foaf:homepage': { '@id': publisher.url } } : {};
  const document = {
    '@context': DCAT_CONTEXT,
    '@type': 'dcat:Dataset',
    'dct:identifier': fileStem(dataset),
    'dct:title': langs(dataset.title.ja, dataset.title.en),
    'dct:description': langs(dataset.description.ja, dataset.description.en),
    'dcat:keyword': descriptor.keywords,
    'dct:language': { '@id': 'http://id.loc.gov/vocabulary/iso639-1/ja' },
    'dcat:version': descriptor.version,
    'dct:issued': date(asOf),
    'dct:modified': date(asOf),
    'dct:publisher': {
      '@type': 'foaf:Organization',
      'foaf:name': langs(`${publisher.prefecture?.ja ?? ''}${publisher.name.ja}`, publisher.name.en),
      'dct:identifier': publisher.lgCode,
      ...homepage,
    },
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': `${publisher.prefecture?.ja ?? ''}${publisher.name.ja}`,
      ...(publisher.url ? { 'vcard:hasURL': { '@id': publisher.url } } : {}),
      ...(publisher.email ? { 'vcard:hasEmail': { '@id': `mailto:${publisher.email}` } } : {}),
    },
    'dct:license': { '@id': license.path },
    'dct:rights': license.compatibleWith ? `${license.title}（${license.compatibleWith} と互換）` : license.title,
    'dct:source': dataset.source.url ? { '@id': dataset.source.url } : sourceTitle(dataset, asOf).ja,
    'dcat:distribution': distributions.map((d) => distribution(d, license.path)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
