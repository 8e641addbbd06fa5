import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { sha256 } from '../../pipeline/package/packageFile.ts';
import type { BuiltPackage } from '../../pipeline/package/DataPackage.ts';
import type { CatalogIndex, DatasetIndex, VersionEntry } from '../../pipeline/publish/VersionIndex.ts';
import { renderCatalogPage } from '../../pipeline/site/catalogPage.ts';
import { renderDatasetPage } from '../../pipeline/site/datasetPage.ts';
import { buildMeasures, measuresSource, writePackage } from '../helpers/builtPackage.ts';
import { tempDir } from '../helpers/project.ts';

export interface Site {
  dist: string;
  latest: BuiltPackage;
  index: DatasetIndex;
  catalog: CatalogIndex;
}

function entry(built: BuiltPackage, datasetDir: string, summary: VersionEntry['summary'], bump: VersionEntry['bump']): VersionEntry {
  const version = built.descriptor.version;
  const zip = zipSync(Object.fromEntries(built.files.map((f) => [`${version}/${f.path}`, f.bytes])), { mtime: new Date(2020, 8, 1) });
  const zipPath = `${built.descriptor.name}-${version}.zip`;
  writeFileSync(path.join(datasetDir, zipPath), zip);
  writePackage(path.join(datasetDir, version), built);
  return {
    version,
    asOf: built.descriptor.summary.asOf,
    created: built.descriptor.created,
    rows: built.records.length,
    files: built.files.map((f) => ({ path: f.path, bytes: f.bytes.length, hash: sha256(f.bytes) })),
    zip: { path: zipPath, bytes: zip.length, hash: sha256(zip) },
    summary,
    bump,
  };
}

/** A dist/ with two versions of the committed workbook, laid out as the publisher lays it out, and both pages. */
export function buildSite(): Site {
  const { dataset } = measuresSource();
  const dist = tempDir('opendata-site-');
  const datasetDir = path.join(dist, dataset.name);
  mkdirSync(datasetDir, { recursive: true });
  const first = buildMeasures('1.0.0');
  const latest = buildMeasures('1.1.0');
  const versions = [
    entry(latest, datasetDir, { ja: '項目 lg_code・lg_name を追加', en: 'Added lg_code and lg_name' }, 'minor'),
    entry(first, datasetDir, { ja: '初めての公開（85件）', en: 'First publication (85 rows)' }, 'initial'),
  ];
  const index: DatasetIndex = { name: dataset.name, title: dataset.title, latest: '1.1.0', versions };
  const catalog: CatalogIndex = {
    datasets: [{ name: dataset.name, title: dataset.title, latest: '1.1.0', asOf: '2020-09-01', publisher: dataset.publisher.name, path: `${dataset.name}/` }],
  };
  writeFileSync(path.join(datasetDir, 'index.html'), renderDatasetPage({ dataset, index, latest }));
  writeFileSync(path.join(dist, 'index.html'), renderCatalogPage(catalog));
  return { dist, latest, index, catalog };
}
