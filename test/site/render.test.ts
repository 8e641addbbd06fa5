import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import type { DatasetIndex } from '../../pipeline/publish/VersionIndex.ts';
import { renderCatalogPage } from '../../pipeline/site/catalogPage.ts';
import { renderDatasetPage } from '../../pipeline/site/datasetPage.ts';
import { measuresSource } from '../helpers/builtPackage.ts';

const { dataset, records, asOf } = measuresSource();
const built = buildPackage({ dataset, records, asOf, version: '1.0.0' });
const zip = { path: 'covid19-measures-1.0.0.zip', bytes: 1234, hash: 'sha256:00' };
const index: DatasetIndex = {
  name: dataset.name,
  title: dataset.title,
  latest: '1.0.0',
  versions: [{ version: '1.0.0', asOf, created: built.descriptor.created, rows: 85, files: [], zip, summary: { ja: '初版', en: 'First' }, bump: 'initial' }],
};

describe('the rendered pages, as text', () => {
  const html = renderDatasetPage({ dataset, index, latest: built });

  it('are byte-identical when rendered twice (no clock, no randomness)', () => {
    expect(renderDatasetPage({ dataset, index, latest: buildPackage({ dataset, records, asOf, version: '1.0.0' }) })).toBe(html);
  });

  it('load nothing from anywhere: no src, no stylesheet link, no url(), and a CSP that forbids it', () => {
    for (const page of [html, renderCatalogPage({ datasets: [] })]) {
      expect(page).not.toMatch(/\ssrc=|<link rel="stylesheet"|@import|url\(|@font-face/);
      expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
      expect(page.startsWith('<!doctype html>\n<html lang="ja">')).toBe(true);
    }
  });

  it('escape data: a hostile value shows as text and adds no markup', () => {
    const hostile = records.map((r, i) => (i === 0 ? { ...r, name: '<script>alert(1)</script>"\'&' } : r));
    const page = renderDatasetPage({ dataset, index, latest: buildPackage({ dataset, records: hostile, asOf, version: '1.0.0' }) });
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(page.match(/<script>/g)).toHaveLength(1);
  });

  it('take filters and chart from the summary declaration: none of either without one', () => {
    expect(html.match(/<select /g)).toHaveLength(2);
    expect(html).toContain('<svg');
    const plain = { ...dataset, summary: undefined };
    const page = renderDatasetPage({ dataset: plain, index, latest: buildPackage({ dataset: plain, records, asOf, version: '1.0.0' }) });
    expect(page).not.toContain('<select ');
    expect(page).not.toContain('<svg');
    expect(page).toContain('id="filter-text"');
    const onlyStatus = { ...dataset, summary: { ...dataset.summary!, filterBy: ['status'], chartBy: 'measure_package' } };
    const other = renderDatasetPage({ dataset: onlyStatus, index, latest: buildPackage({ dataset: onlyStatus, records, asOf, version: '1.0.0' }) });
    expect(other.match(/<select /g)).toHaveLength(1);
    expect(other).toContain('data-label="総合対策" data-value="3465756"');
  });

  it('refuse a package that is not the index’s latest version', () => {
    expect(() => renderDatasetPage({ dataset, index: { ...index, latest: '2.0.0' }, latest: built })).toThrow(/latest is 2.0.0/);
  });

  it('the catalog links each dataset’s page inside its directory and escapes titles', () => {
    const page = renderCatalogPage({
      datasets: [{ name: 'x', title: { ja: '<b>表</b>', en: 'Table' }, latest: '1.0.0', asOf: '2020-09-01', publisher: { ja: '平塚市', en: 'Hiratsuka City' }, path: 'x/' }],
    });
    expect(page).toContain('<a href="x/index.html">&lt;b&gt;表&lt;/b&gt; <span class="en" lang="en">Table</span></a>');
    expect(page).toContain('<th scope="row">');
  });
});
