import { createHash } from 'node:crypto';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { buildMeasures, fileText } from '../helpers/builtPackage.ts';

const DCAT = 'http://www.w3.org/ns/dcat#';
const SPDX = 'http://spdx.org/rdf/terms#';

/** Any attempt to fetch a remote context fails the test: the document must stand alone offline. */
const offlineLoader = async (url: string): Promise<never> => {
  throw new Error(`refused to fetch ${url}`);
};

type Expanded = Record<string, { '@value'?: unknown; '@id'?: string }[] | string[] | undefined>;

describe('DCAT metadata through a JSON-LD processor', () => {
  const built = buildMeasures();
  const dcatFile = built.files.find((f) => f.path.endsWith('_dcat.jsonld'))!;
  const document = JSON.parse(fileText(built, dcatFile.path)) as object;

  it('expands offline to one dcat:Dataset whose distributions carry the sha256 of their files', async () => {
    const expanded = (await jsonld.expand(document, { documentLoader: offlineLoader })) as Expanded[];
    const dataset = expanded.find((node) => (node['@type'] as string[] | undefined)?.includes(`${DCAT}Dataset`));
    expect(dataset).toBeDefined();
    const distributions = (dataset![`${DCAT}distribution`] ?? []) as unknown as Expanded[];
    expect(distributions.length).toBeGreaterThanOrEqual(4);
    for (const distribution of distributions) {
      const url = (distribution[`${DCAT}downloadURL`] as { '@id': string }[])[0]!['@id'];
      const file = built.files.find((f) => url.endsWith(f.path));
      expect(file, url).toBeDefined();
      const checksum = (distribution[`${SPDX}checksum`] as unknown as Expanded[])[0]!;
      const value = (checksum[`${SPDX}checksumValue`] as { '@value': string }[])[0]!['@value'];
      expect(value).toBe(createHash('sha256').update(file!.bytes).digest('hex'));
    }
  });

  it('converts to RDF quads (every term resolved to an absolute IRI)', async () => {
    const quads = (await jsonld.toRDF(document, { documentLoader: offlineLoader, format: 'application/n-quads' })) as string;
    expect(quads).toContain(`<${DCAT}Dataset>`);
    expect(quads).not.toMatch(/<(?!https?:|urn:|_:)[^>]*>/u);
  });
});
