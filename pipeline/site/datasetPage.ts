import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { nationalValues } from '../dataset/nationalColumns.ts';
import { sourceCredit } from '../package/attribution.ts';
import type { BuiltPackage } from '../package/DataPackage.ts';
import { FILE_ROLES, packageFileNames, type PackageFileNames } from '../package/fileNames.ts';
import { EXCLUDED, GROUP_FIELD, GROUP_VALUE, type SummaryTable } from '../package/summaryTable.ts';
import type { DatasetIndex, VersionEntry } from '../publish/VersionIndex.ts';
import { renderBarChart } from './barChart.ts';
import { FILTER_SCRIPT } from './filterScript.ts';
import { bilingual, esc, formatBytes, formatNumber } from './html.ts';
import { renderPage } from './layout.ts';
import { renderRecordsTable } from './recordsTable.ts';

export interface DatasetPageInput {
  dataset: Dataset;
  /** `dist/<dataset>/index.json`, newest version first. */
  index: DatasetIndex;
  /** The built package of `index.latest`: its records, summary and files. */
  latest: BuiltPackage;
}

/** Download links in the order people want them; the zip sits between the data and the metadata. */
const DOWNLOAD_ORDER: (keyof PackageFileNames | 'zip')[] = ['csv', 'excelCsv', 'json', 'summary', 'zip', 'descriptor', 'dictionary', 'attribution', 'dcat', 'ckan'];

const BUMP: Record<VersionEntry['bump'], string> = { initial: '初版 / initial', major: 'major', minor: 'minor', patch: 'patch' };

const href = (path: string) => esc(encodeURI(path));

function downloads(dataset: Dataset, index: DatasetIndex, latest: BuiltPackage): string {
  const names = packageFileNames(dataset);
  const entry = index.versions.find((v) => v.version === index.latest);
  const items = DOWNLOAD_ORDER.flatMap((role) => {
    if (role === 'zip') {
      return entry ? [`<li><a href="${href(entry.zip.path)}" download>ZIP（全ファイル）<span class="en" lang="en">All files</span></a> ${formatBytes(entry.zip.bytes)}</li>`] : [];
    }
    const file = latest.files.find((f) => f.path === names[role]);
    if (!file) return [];
    const label = FILE_ROLES[role];
    const download = role === 'csv' || role === 'excelCsv' ? ' download' : '';
    return [`<li><a href="${href(`${index.latest}/${file.path}`)}"${download}>${bilingual(label.ja, label.en)}</a> ${formatBytes(file.bytes.length)}</li>`];
  });
  return `<ul class="downloads">\n${items.join('\n')}\n</ul>`;
}

function chart(dataset: Dataset, summary: SummaryTable | undefined): string {
  const by = summary?.declaration.chartBy;
  const sum = summary?.declaration.sum;
  if (!summary || !by || !sum || !summary.totalField) return '';
  const totalField = summary.totalField;
  const rows = summary.rows.filter((r) => r[GROUP_FIELD] === by);
  const group = dataset.recordSchemaJson.properties[by];
  const amount = dataset.recordSchemaJson.properties[sum];
  const unit = amount?.['x-unit'] ?? '';
  const ja = `${group?.title ?? by}別の${amount?.title ?? sum}`;
  const en = `${amount?.['x-title-en'] ?? sum} by ${group?.['x-title-en'] ?? by}`;
  const excluded = rows.reduce((n, r) => n + Number(r[EXCLUDED] ?? 0), 0);
  const bars = rows.map((r) => ({ label: String(r[GROUP_VALUE] ?? '') || '（空欄）', value: Number(r[totalField] ?? 0) }));
  return `<section aria-labelledby="chart-heading">
<h2 id="chart-heading">${bilingual(ja, en)}</h2>
<figure>
${renderBarChart(bars, { title: `${ja} / ${en}`, unit })}
<figcaption>再掲の${excluded}件を除いた合計（単位：${esc(unit || '—')}）。 <span lang="en">Totals without the ${excluded} re-listed rows.</span></figcaption>
</figure>
</section>`;
}

function versionHistory(index: DatasetIndex): string {
  const rows = index.versions.map(
    (v) => `<tr><th scope="row"><a href="${href(`${v.version}/datapackage.json`)}">${esc(v.version)}</a></th><td>${esc(v.asOf)}</td><td class="num">${formatNumber(v.rows)}</td><td>${bilingual(v.summary.ja, v.summary.en)}</td><td>${esc(BUMP[v.bump])}</td><td><a href="${href(v.zip.path)}" download>ZIP</a> ${formatBytes(v.zip.bytes)}</td></tr>`,
  );
  return `<div class="table-scroll" role="region" aria-labelledby="versions-caption" tabindex="0">
<table id="versions">
<caption id="versions-caption">版の履歴（新しい順）<span class="en" lang="en">Version history, newest first</span></caption>
<thead><tr><th scope="col">版 <span class="en" lang="en">Version</span></th><th scope="col">時点 <span class="en" lang="en">As of</span></th><th scope="col" class="num">件数 <span class="en" lang="en">Rows</span></th><th scope="col">変更 <span class="en" lang="en">Changes</span></th><th scope="col">種類 <span class="en" lang="en">Bump</span></th><th scope="col">ZIP</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>`;
}

/** `dist/<dataset>/index.html`: what the data is, where to download it, a chart, every record, every version. */
export function renderDatasetPage({ dataset, index, latest }: DatasetPageInput): string {
  if (latest.descriptor.version !== index.latest) {
    throw new Error(`renderDatasetPage: the package given is version ${latest.descriptor.version}, but the index's latest is ${index.latest}`);
  }
  const entry = index.versions.find((v) => v.version === index.latest);
  const { lg_code, lg_name } = nationalValues(dataset);
  const asOf = entry?.asOf ?? latest.descriptor.summary.asOf;
  const body = `<header>
<p><a href="../index.html">← データ一覧 <span class="en" lang="en">All datasets</span></a></p>
<h1>${esc(dataset.title.ja)}</h1>
<p class="en" lang="en">${esc(dataset.title.en)}</p>
</header>
<main>
<p>${esc(dataset.description.ja)}</p>
<p class="en" lang="en">${esc(dataset.description.en)}</p>
<dl class="facts">
<dt>時点 <span class="en" lang="en">As of</span></dt><dd><time datetime="${esc(asOf)}">${esc(asOf)}</time></dd>
<dt>最新版 <span class="en" lang="en">Latest version</span></dt><dd>${esc(index.latest)}</dd>
<dt>件数 <span class="en" lang="en">Rows</span></dt><dd>${formatNumber(latest.records.length)}</dd>
<dt>公開者 <span class="en" lang="en">Publisher</span></dt><dd>${esc(lg_name)}（全国地方公共団体コード ${esc(lg_code)}）</dd>
<dt>ライセンス <span class="en" lang="en">Licence</span></dt><dd><a href="${esc(dataset.license.path)}">${esc(dataset.license.title)}</a></dd>
<dt>出典 <span class="en" lang="en">Source</span></dt><dd>${esc(sourceCredit(dataset, asOf))}</dd>
</dl>
<section aria-labelledby="downloads-heading">
<h2 id="downloads-heading">ダウンロード <span class="en" lang="en">Downloads</span></h2>
${downloads(dataset, index, latest)}
</section>
${chart(dataset, latest.summary)}
<section aria-labelledby="records-heading">
<h2 id="records-heading">一覧 <span class="en" lang="en">All records</span></h2>
${renderRecordsTable(dataset, latest.records, latest.summary)}
</section>
<section aria-labelledby="versions-heading">
<h2 id="versions-heading">版の履歴 <span class="en" lang="en">Versions</span></h2>
${versionHistory(index)}
</section>
</main>
<footer>
<p>${esc(sourceCredit(dataset, asOf))}。<a href="${href(`${index.latest}/${packageFileNames(dataset).attribution}`)}">ライセンスと出典 / Licence and attribution</a></p>
</footer>`;
  return renderPage({ title: `${dataset.title.ja} | ${dataset.publisher.name.ja}`, description: dataset.description.ja, body, script: FILTER_SCRIPT });
}
