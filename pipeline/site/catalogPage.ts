import type { CatalogIndex } from '../publish/VersionIndex.ts';
import { bilingual, esc } from './html.ts';
import { renderPage } from './layout.ts';

/** A catalog entry's `path` is a directory (`covid19-measures/`): link its index.html so file:// works too. */
const pageOf = (path: string) => encodeURI(path.endsWith('/') ? `${path}index.html` : path);

/** `dist/index.html`: every dataset, from `dist/index.json`. */
export function renderCatalogPage(index: CatalogIndex): string {
  const rows = index.datasets.map(
    (d) => `<tr><th scope="row"><a href="${esc(pageOf(d.path))}">${bilingual(d.title.ja, d.title.en)}</a></th><td>${bilingual(d.publisher.ja, d.publisher.en)}</td><td><time datetime="${esc(d.asOf)}">${esc(d.asOf)}</time></td><td>${esc(d.latest)}</td></tr>`,
  );
  const body = `<header>
<h1>オープンデータ一覧</h1>
<p class="en" lang="en">Open data</p>
</header>
<main>
<p>データセットを選ぶと、内容の説明・ダウンロード・一覧表・版の履歴が見られます。 <span class="en" lang="en">Choose a dataset for its description, downloads, table and versions.</span></p>
<div class="table-scroll" role="region" aria-labelledby="catalog-caption" tabindex="0">
<table id="catalog">
<caption id="catalog-caption">データセット（${index.datasets.length}件）<span class="en" lang="en">Datasets</span></caption>
<thead><tr><th scope="col">データセット <span class="en" lang="en">Dataset</span></th><th scope="col">公開者 <span class="en" lang="en">Publisher</span></th><th scope="col">時点 <span class="en" lang="en">As of</span></th><th scope="col">最新版 <span class="en" lang="en">Latest</span></th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
</main>`;
  return renderPage({ title: 'オープンデータ一覧 / Open data', description: 'オープンデータのデータセット一覧', body });
}
