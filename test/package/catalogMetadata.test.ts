import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildMeasures, fileText } from '../helpers/builtPackage.ts';

type Node = Record<string, unknown>;

/** The terms this document may use, per vocabulary: a misspelt or invented term fails the check. */
const VOCABULARY: Record<string, string[]> = {
  dcat: ['Dataset', 'Distribution', 'keyword', 'version', 'contactPoint', 'distribution', 'downloadURL', 'accessURL', 'mediaType', 'byteSize'],
  dct: ['identifier', 'title', 'description', 'language', 'issued', 'modified', 'publisher', 'license', 'rights', 'source', 'format'],
  foaf: ['Organization', 'name', 'homepage'],
  vcard: ['Organization', 'fn', 'hasURL', 'hasEmail'],
  spdx: ['checksum', 'Checksum', 'algorithm', 'checksumAlgorithm_sha256', 'checksumValue'],
  xsd: ['date', 'nonNegativeInteger', 'hexBinary'],
};
const KEYWORDS = new Set(['@context', '@type', '@id', '@value', '@language']);

/**
 * Structural JSON-LD check without a processor: an inline context of absolute IRIs only (nothing to
 * fetch), every property and type a known term of a declared prefix, value objects well formed.
 */
function checkJsonLd(doc: Node): string[] {
  const errors: string[] = [];
  const context = doc['@context'];
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return ['@context is not an inline object'];
  for (const [prefix, iri] of Object.entries(context)) {
    if (typeof iri !== 'string' || !/^https?:\/\/.+[#/]$/.test(iri)) errors.push(`prefix ${prefix} is not an absolute namespace IRI`);
    if (!VOCABULARY[prefix]) errors.push(`unexpected prefix ${prefix}`);
  }
  const term = (compact: string, where: string) => {
    const [prefix, local] = compact.split(':');
    if (!prefix || !local || !(prefix in context) || !VOCABULARY[prefix]?.includes(local)) errors.push(`${where}: unknown term ${compact}`);
  };
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`));
    if (typeof value !== 'object' || value === null) return;
    const node = value as Node;
    if ('@value' in node) {
      const keys = Object.keys(node).sort().join(',');
      if (!['@value', '@language,@value', '@type,@value'].includes(keys)) errors.push(`${where}: bad value object ${keys}`);
      if (typeof node['@type'] === 'string') term(node['@type'], where);
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === '@context') continue;
      if (key.startsWith('@')) {
        if (!KEYWORDS.has(key)) errors.push(`${where}: keyword ${key} not expected`);
        if (key === '@type') term(String(child), where);
        if (key === '@id' && typeof child === 'string' && /^[a-z]+:[A-Za-z_]+$/.test(child) && child.split(':')[0]! in context) term(child, where);
        continue;
      }
      term(key, where);
      walk(child, `${where}/${key}`);
    }
  };
  walk(doc, '');
  return errors;
}

describe('catalog metadata', () => {
  const built = buildMeasures();
  const dcatFile = built.files.find((f) => f.path.endsWith('_dcat.jsonld'))!;
  const dcat = JSON.parse(fileText(built, dcatFile.path)) as Node;

  it('is DCAT JSON-LD with an inline context and only known terms', () => {
    expect(checkJsonLd(dcat)).toEqual([]);
    expect(dcat).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:identifier': '142034_covid19_measures',
      'dct:issued': { '@value': '2020-09-01', '@type': 'xsd:date' },
      'dct:modified': { '@value': '2020-09-01', '@type': 'xsd:date' },
      'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
      'dct:publisher': { '@type': 'foaf:Organization', 'dct:identifier': '142034' },
      'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': '神奈川県平塚市' },
      'dcat:keyword': built.descriptor.keywords,
    });
    expect(dcat['dct:title']).toContainEqual({ '@value': '平塚市新型コロナウイルス感染症対策取組状況一覧', '@language': 'ja' });
  });

  it('the structural check catches a remote context and an invented term', () => {
    expect(checkJsonLd({ ...dcat, '@context': 'https://example.org/context.jsonld' })).toEqual(['@context is not an inline object']);
    expect(checkJsonLd({ ...dcat, 'dcat:downloadUrl': 'x' })).toEqual([': unknown term dcat:downloadUrl']);
  });

  it('has one distribution per other file of the version, with its media type, size and a matching sha256', () => {
    const distributions = dcat['dcat:distribution'] as Node[];
    const others = built.files.filter((f) => f !== dcatFile);
    expect(distributions.map((d) => (d['dcat:downloadURL'] as Node)['@id'])).toEqual(others.map((f) => f.path));
    distributions.forEach((d, i) => {
      const file = others[i]!;
      expect(d['@type']).toBe('dcat:Distribution');
      expect(d['dcat:byteSize']).toEqual({ '@value': String(file.bytes.length), '@type': 'xsd:nonNegativeInteger' });
      expect(d['spdx:checksum']).toEqual({
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': createHash('sha256').update(file.bytes).digest('hex'), '@type': 'xsd:hexBinary' },
      });
      const resource = built.descriptor.resources.find((r) => r.path === file.path);
      const mediaType = (d['dcat:mediaType'] as Node)['@id'] as string;
      expect(mediaType).toMatch(/^https:\/\/www\.iana\.org\/assignments\/media-types\/[a-z]+\/[a-z+.-]+$/);
      if (resource) expect(mediaType.endsWith(`/${resource.mediatype}`)).toBe(true);
    });
    expect(distributions.find((d) => (d['dcat:downloadURL'] as Node)['@id'] === 'ATTRIBUTION.md')?.['dcat:mediaType']).toEqual({
      '@id': 'https://www.iana.org/assignments/media-types/text/markdown',
    });
  });

  it('gives the CKAN package_create fields frictionless-ckan-mapper would produce', () => {
    const ckan = JSON.parse(fileText(built, '142034_covid19_measures_ckan.json')) as Node;
    const d = built.descriptor;
    expect(ckan).toMatchObject({
      name: 'covid19-measures',
      title: d.title,
      notes: d.description,
      version: '1.0.0',
      url: 'https://www.city.hiratsuka.kanagawa.jp/',
      license_id: 'CC-BY-4.0',
      license_title: d.licenses[0]!.title,
      license_url: 'https://creativecommons.org/licenses/by/4.0/',
      author: d.contributors[0]!.title,
      tags: d.keywords!.map((name) => ({ name })),
    });
    const ckanKeys = ['name', 'title', 'version', 'notes', 'url', 'license_id', 'license_title', 'license_url', 'author', 'author_email', 'tags', 'resources', 'extras'];
    expect(Object.keys(ckan).sort()).toEqual([...ckanKeys].sort());
    const extras = ckan.extras as { key: string; value: unknown }[];
    expect(extras.map((e) => e.key)).toEqual(['$schema', 'created', 'sources', 'summary']);
    expect(JSON.parse(extras.find((e) => e.key === 'summary')!.value as string)).toEqual(d.summary);
    const resources = ckan.resources as Node[];
    expect(resources).toHaveLength(d.resources.length);
    resources.forEach((r, i) => {
      const source = d.resources[i]!;
      expect(r).toMatchObject({ name: source.name, url: source.path, format: source.format, size: source.bytes, hash: source.hash, mimetype: source.mediatype });
      expect(r).not.toHaveProperty('path');
      expect(r).not.toHaveProperty('bytes');
    });
  });
});
