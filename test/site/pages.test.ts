import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileText } from '../helpers/builtPackage.ts';
import { ROOT } from '../helpers/project.ts';
import { buildSite, type Site } from './siteFixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(ROOT, 'test-output');

interface Visit {
  page: Page;
  requests: string[];
  problems: string[];
}

describe('the pages in a real browser, over file://', () => {
  let site: Site;
  let browser: Browser;
  let datasetUrl: string;
  let json: Record<string, string | number | null>[];

  beforeAll(async () => {
    // .ci/run installs Debian's chromium; without it this suite fails rather than skips.
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk`).toBe(true);
    site = buildSite();
    datasetUrl = pathToFileURL(path.join(site.dist, 'covid19-measures/index.html')).href;
    json = JSON.parse(fileText(site.latest, '142034_covid19_measures.json')) as typeof json;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a page recording every request and every console error, CSP report or uncaught exception. */
  async function visit(url: string, options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Visit> {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: options.viewport ?? { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, problems };
  }

  const visibleNos = (page: Page) => page.locator('#records tbody tr:visible th[scope="row"]').allTextContents();

  it('loads with no console errors and no request other than its own file', async () => {
    const { page, requests, problems } = await visit(datasetUrl);
    expect(problems).toEqual([]);
    expect(requests).toEqual([datasetUrl]);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.title()).toContain('平塚市新型コロナウイルス感染症対策取組状況一覧');
    expect(await page.locator('#records tbody tr:visible').count()).toBe(85);
    expect(await page.locator('#record-count').textContent()).toBe('85件を表示（全85件）/ showing 85 of 85');
    await page.context().close();
  });

  it('has real table semantics: a caption, column headers and row headers', async () => {
    const { page } = await visit(datasetUrl);
    expect(await page.locator('#records caption').textContent()).toContain('平塚市新型コロナウイルス感染症対策取組状況一覧');
    expect(await page.locator('#records thead th[scope="col"]').count()).toBe(11);
    expect(await page.locator('#records tbody th[scope="row"]').count()).toBe(85);
    expect(await page.getByRole('table', { name: /平塚市新型コロナ/ }).count()).toBe(1);
    await page.context().close();
  });

  it('filtering by 完了 shows exactly the 完了 rows', async () => {
    const { page, problems } = await visit(datasetUrl);
    await page.getByRole('combobox', { name: '取組状況 Status' }).selectOption({ label: '完了' });
    const expected = json.filter((r) => r.status === '完了').map((r) => String(r.no));
    expect(expected).toHaveLength(7);
    expect(await visibleNos(page)).toEqual(expected);
    expect(await page.locator('#record-count').textContent()).toBe('7件を表示（全85件）/ showing 7 of 85');
    // Combined with the measure package and with free text (width-insensitive).
    await page.getByRole('combobox', { name: '対策名 Measure package' }).selectOption({ label: '総合対策' });
    expect(await visibleNos(page)).toEqual(json.filter((r) => r.status === '完了' && r.measure_package === '総合対策').map((r) => String(r.no)));
    await page.getByRole('combobox', { name: '取組状況 Status' }).selectOption({ label: 'すべて / All' });
    await page.getByRole('combobox', { name: '対策名 Measure package' }).selectOption({ label: 'すべて / All' });
    await page.getByRole('searchbox', { name: 'キーワード Text' }).fill('ＰＣＲ');
    const pcr = json.filter((r) => Object.values(r).some((v) => String(v ?? '').includes('PCR'))).map((r) => String(r.no));
    expect(pcr.length).toBeGreaterThan(0);
    expect(await visibleNos(page)).toEqual(pcr);
    await page.getByRole('searchbox', { name: 'キーワード Text' }).fill('');
    expect(await page.locator('#records tbody tr:visible').count()).toBe(85);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('with JavaScript off shows the full table and no dead filter controls', async () => {
    const { page } = await visit(datasetUrl, { javaScriptEnabled: false });
    expect(await page.locator('#records tbody tr:visible').count()).toBe(85);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await page.context().close();
  });

  it('draws one bar per pillar with the summary resource totals, lengths in proportion', async () => {
    const { page } = await visit(datasetUrl);
    const summary = (parse(fileText(site.latest, '142034_covid19_measures_summary.csv'), { columns: true }) as Record<string, string>[]).filter(
      (r) => r.group_field === 'pillar',
    );
    const bars = await page.locator('svg g.bar').evaluateAll((gs) =>
      gs.map((g) => ({ label: g.getAttribute('data-label'), value: Number(g.getAttribute('data-value')), width: Number(g.querySelector('rect')!.getAttribute('width')) })),
    );
    expect(bars.map((b) => [b.label, b.value])).toEqual(summary.map((r) => [r.group_value, Number(r.budget_thousand_yen_total)]));
    const widest = Math.max(...bars.map((b) => b.width));
    const largest = Math.max(...bars.map((b) => b.value));
    for (const bar of bars) expect(Math.abs(bar.width - (bar.value / largest) * widest)).toBeLessThan(0.2);
    expect(await page.locator('figure figcaption').textContent()).toContain('再掲の3件を除いた合計');
    // The bars are real boxes on screen, not just markup.
    const box = await page.locator('svg g.bar rect').first().boundingBox();
    expect(box!.width).toBeGreaterThan(10);
    await page.context().close();
  });

  it('links every download and version to a file that exists, relative to the page', async () => {
    const { page } = await visit(datasetUrl);
    const links = await page.locator('.downloads a, #versions a').evaluateAll((as) => as.map((a) => ({ raw: a.getAttribute('href')!, href: (a as HTMLAnchorElement).href })));
    expect(links.map((l) => l.raw)).toEqual(
      expect.arrayContaining([
        '1.1.0/142034_covid19_measures.csv',
        '1.1.0/142034_covid19_measures_excel.csv',
        '1.1.0/142034_covid19_measures.json',
        '1.1.0/datapackage.json',
        'covid19-measures-1.1.0.zip',
        '1.0.0/datapackage.json',
        'covid19-measures-1.0.0.zip',
      ]),
    );
    for (const link of links) {
      expect(link.raw).not.toMatch(/^[a-z]+:|^\//);
      expect(existsSync(new URL(link.href)), link.raw).toBe(true);
    }
    expect(await page.locator('#versions tbody tr').allTextContents()).toEqual([
      expect.stringContaining('項目 lg_code・lg_name を追加'),
      expect.stringContaining('初めての公開（85件）'),
    ]);
    await page.context().close();
  });

  it('the catalog page lists the dataset and its link opens the dataset page', async () => {
    const catalogUrl = pathToFileURL(path.join(site.dist, 'index.html')).href;
    const { page, requests, problems } = await visit(catalogUrl);
    expect(problems).toEqual([]);
    expect(requests).toEqual([catalogUrl]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'site-catalog.png'), fullPage: true });
    await page.getByRole('link', { name: /平塚市新型コロナウイルス感染症対策取組状況一覧/ }).click();
    await page.waitForURL(datasetUrl);
    expect(await page.locator('h1').textContent()).toBe('平塚市新型コロナウイルス感染症対策取組状況一覧');
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    await page.context().close();
  });

  it('is readable on a phone: the page does not scroll sideways, the table scrolls in its own box', async () => {
    const { page, problems } = await visit(datasetUrl, { viewport: { width: 375, height: 740 } });
    const widths = await page.evaluate(() => {
      const box = document.querySelector('#records')!.closest('.table-scroll')!;
      return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, inner: box.scrollWidth, outer: box.clientWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.inner).toBeGreaterThan(widths.outer);
    const phone = path.join(SCREENSHOTS, 'site-dataset-phone.png');
    await page.screenshot({ path: phone, fullPage: true });
    expect(statSync(phone).size).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('writes a full-page screenshot to test-output/', async () => {
    const { page } = await visit(datasetUrl);
    await page.getByRole('combobox', { name: '取組状況 Status' }).selectOption({ label: '完了' });
    const file = path.join(SCREENSHOTS, 'site-dataset.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(50_000);
    await page.context().close();
  });
});
