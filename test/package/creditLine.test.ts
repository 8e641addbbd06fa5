/** The credit line follows the data: `{asOf}` in source.title becomes each version's own as-of date. Made-up data. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { creditDate } from '../../pipeline/package/sourceTitle.ts';
import { declaredProject, madeUpDefinition } from '../fixtures/declaredProject.ts';
import { readTree, runCli } from '../helpers/project.ts';

const NAME = 'ward-counts';
const FILE = 'wards.xlsx';
const TEMPLATE = { ja: '区別の人数一覧表（{asOf}時点）【架空のデータ】', en: 'Counts by ward (as of {asOf}, made up)' };
const SEPTEMBER = { ja: '区別の人数一覧表（令和2年9月1日時点）【架空のデータ】', en: 'Counts by ward (as of 1 September 2020, made up)' };

const recordSchema = {
  type: 'object',
  required: ['ward', 'people'],
  properties: { ward: { type: 'string', title: '区' }, people: { type: ['integer', 'null'], minimum: 0, title: '人数' } },
};

function definition(title: { ja: string; en: string }): object {
  const made = madeUpDefinition(NAME, FILE, {
    keywords: ['人数'],
    primaryKey: 'ward',
    columns: [
      { label: '区', field: 'ward', rule: 'text' },
      { label: '人数', field: 'people', rule: 'integer' },
    ],
  }) as { source: object };
  return { ...made, source: { ...made.source, title } };
}

/** The sheet as staff make it: the as-of date in the title row (where the pipeline reads it from). */
function workbook(asOfWareki: string, east: number): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([[`区別の人数一覧表（${asOfWareki}時点）`], ['区', '人数'], ['東区', east], ['西区', 20]]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '人数');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function publish(dir: string): Promise<void> {
  const run = await runCli(['publish'], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

/** The four places a version credits its source: ATTRIBUTION.md, DCAT, CKAN (from the descriptor) and the page. */
function credits(dist: string, version: string): string[] {
  const dir = path.join(dist, NAME, version);
  const file = (suffix: string) => readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith(suffix))!), 'utf8');
  const ckan = JSON.parse(file('_ckan.json')) as { extras: { key: string; value: string }[] };
  const sources = JSON.parse(ckan.extras.find((e) => e.key === 'sources')!.value) as { title: string }[];
  return [
    file('ATTRIBUTION.md'),
    (JSON.parse(file('_dcat.jsonld')) as { 'dct:source': string })['dct:source'],
    sources[0]!.title,
    readFileSync(path.join(dist, NAME, 'index.html'), 'utf8'),
  ];
}

describe('creditDate', () => {
  it('writes 和暦 in Japanese and day month year in English, 元年 for the first year of an era', () => {
    expect(creditDate('2020-10-01')).toEqual({ ja: '令和2年10月1日', en: '1 October 2020' });
    expect(creditDate('2019-05-01')).toEqual({ ja: '令和元年5月1日', en: '1 May 2019' });
    expect(creditDate('2019-04-30')).toEqual({ ja: '平成31年4月30日', en: '30 April 2019' });
  });
});

describe('a source title with {asOf}', () => {
  it("credits each version with its own as-of date in ATTRIBUTION.md, DCAT, CKAN and the page; the older version's stay", async () => {
    const project = declaredProject({ name: NAME, definition: definition(TEMPLATE), recordSchema, workbooks: { [FILE]: workbook('令和2年9月1日', 10) } });
    await publish(project.dir);
    const first = readTree(path.join(project.dist, NAME, '1.0.0'));
    for (const text of credits(project.dist, '1.0.0')) expect(text).toContain('区別の人数一覧表（令和2年9月1日時点）【架空のデータ】');
    expect(credits(project.dist, '1.0.0')[0]).toContain('"Counts by ward (as of 1 September 2020, made up)"');

    writeFileSync(path.join(project.sources, FILE), workbook('令和2年10月1日', 12));
    await publish(project.dir);
    const october = credits(project.dist, '1.1.0');
    for (const text of october) {
      expect(text).toContain('区別の人数一覧表（令和2年10月1日時点）【架空のデータ】');
      expect(text).not.toContain('令和2年9月1日');
      expect(text).not.toContain('{asOf}');
    }
    expect(october[0]).toContain('"Counts by ward (as of 1 October 2020, made up)"');
    // The published 1.0.0 is left exactly as it was, crediting September.
    expect(readTree(path.join(project.dist, NAME, '1.0.0'))).toEqual(first);
  });

  it('gives the same bytes as the same title written out for that date', async () => {
    const asOf = workbook('令和2年9月1日', 10);
    const templated = declaredProject({ name: NAME, definition: definition(TEMPLATE), recordSchema, workbooks: { [FILE]: asOf } });
    const fixed = declaredProject({ name: NAME, definition: definition(SEPTEMBER), recordSchema, workbooks: { [FILE]: asOf } });
    await publish(templated.dir);
    await publish(fixed.dir);
    expect(readTree(templated.dist)).toEqual(readTree(fixed.dist));
  });

  it('is refused with any other {…} in it (a misspelt placeholder would be published as written)', async () => {
    const project = declaredProject({
      name: NAME,
      definition: definition({ ja: TEMPLATE.ja, en: 'Counts by ward (as of {asof})' }),
      recordSchema,
      workbooks: { [FILE]: workbook('令和2年9月1日', 10) },
    });
    const run = await runCli(['publish'], project.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('source.title.en');
  });
});
