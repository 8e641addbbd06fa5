/**
 * `opendata init` on tables in the shape of the national recommended datasets: the typed rules are
 * drafted from cells and labels, the sheet's own code/name columns become the national columns and the
 * publisher, and the draft publishes with the right types once only the `guessed:` list is deleted.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { parse } from 'yaml';
import type { DataPackage } from '../../pipeline/package/DataPackage.ts';
import { AED_FILE, aedWorkbook } from '../fixtures/build-aed-workbook.ts';
import { ROOT, runCli, tempDir } from '../helpers/project.ts';

function project(files: Record<string, Uint8Array>): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'schema/datasets'), { recursive: true });
  mkdirSync(path.join(dir, 'sources'));
  copyFileSync(path.join(ROOT, 'schema/dataset.schema.json'), path.join(dir, 'schema/dataset.schema.json'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, 'sources', name), bytes);
  return dir;
}

interface Drafted {
  publisher: { name: { ja: string }; prefecture?: { ja: string }; lgCode: string };
  columns: { label: string; field: string; rule: string; allow24?: boolean; trueValues?: string[]; falseValues?: string[] }[];
}

async function initAndReview(dir: string, file: string, name: string, edit: (yaml: string) => string = (y) => y) {
  const drafted = await runCli(['init', `sources/${file}`, '--dataset', name], dir);
  expect(drafted.code, drafted.stderr).toBe(0);
  const yamlPath = path.join(dir, 'schema/datasets', `${name}.yaml`);
  const yaml = readFileSync(yamlPath, 'utf8');
  writeFileSync(yamlPath, edit(yaml).replace(/^guessed: .*$/mu, ''));
  return parse(yaml) as Drafted;
}

const typesOf = (dir: string, name: string) => {
  const descriptor = JSON.parse(readFileSync(path.join(dir, 'dist', name, '1.0.0/datapackage.json'), 'utf8')) as DataPackage;
  return Object.fromEntries(descriptor.resources[0]!.schema!.fields.map((f) => [f.name, f.type]));
};

describe('init on an AED list in the national recommended shape', () => {
  it('drafts every typed rule, takes the publisher from the sheet, and publishes once guessed: is deleted', async () => {
    const dir = project({ [AED_FILE]: aedWorkbook() });
    const draft = await initAndReview(dir, AED_FILE, 'aed');
    const rules = Object.fromEntries(draft.columns.map((c) => [c.label, c.rule]));
    expect(rules).toMatchObject({
      全国地方公共団体コード: 'lg-code', 地方公共団体名: 'text', 緯度: 'latitude', 経度: 'longitude', 電話番号: 'phone',
      開始時間: 'time', 終了時間: 'time', 小児対応設備の有無: 'boolean', URL: 'url',
    });
    const column = (label: string) => draft.columns.find((c) => c.label === label)!;
    expect(column('全国地方公共団体コード').field).toBe('lg_code');
    expect(column('地方公共団体名').field).toBe('lg_name');
    expect(column('終了時間').allow24).toBe(true);
    expect(column('小児対応設備の有無')).toMatchObject({ trueValues: ['有', 'あり'], falseValues: ['無', 'なし'] });
    expect(draft.publisher).toMatchObject({ name: { ja: '架空市' }, prefecture: { ja: '架空県' }, lgCode: '999997' });

    const publish = await runCli(['publish', '--dist', 'dist'], dir);
    expect(publish.code, publish.stderr).toBe(0);
    expect(typesOf(dir, 'aed')).toMatchObject({ lg_code: 'string', latitude: 'number', longitude: 'number', opening_time: 'time', closing_time: 'time', column_14: 'boolean' });
    const csv = readFileSync(path.join(dir, 'dist/aed/1.0.0/999997_aed.csv'), 'utf8').split('\r\n');
    // One lg_code column, the sheet's own, and no second code added in front.
    expect(csv[0]!.split(',').filter((f) => f === 'lg_code')).toHaveLength(1);
    expect(csv[0]!.startsWith('lg_code,id,lg_name,')).toBe(true);
    expect(csv[6]).toContain(',00:00:00,24:00:00,無,');
  });
});

/** Another department's table, another shape: 公共施設一覧 with 郵便番号, FAX, 法人番号, ○/×, a %, 年度 and h:mm cells. */
function facilitiesWorkbook(): Buffer {
  const rows: unknown[][] = [
    ['架空町公共施設一覧（令和5年4月1日現在）'],
    [],
    ['施設名', '郵便番号', '電話番号', 'FAX番号', '運営法人番号', '開館時間', '閉館時間', '駐車場', '稼働率（%）', '開設年度', '緯度', '経度'],
    ['架空町役場', '〒999-0001', '0120-000-001', '0120-000-002', '7000012050002', 0.354166667, 0.71875, '○', 0.825, '昭和50年度', 35.1, 139.1],
    ['架空町図書館', '999-0002', '0120-000-003', '0120-000-004', '7000012050002', 0.375, 0.791666667, '×', 0.613, '平成元年度', 35.2, 139.2],
    ['架空町体育館', '9990003', '0120-000-005', '0120-000-006', '7000012050002', 0.375, 0.875, '○', 0.5, '令和2年度', 35.3, 139.3],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  for (const r of [4, 5, 6]) {
    sheet[`F${r}`]!.z = 'h:mm';
    sheet[`G${r}`]!.z = 'h:mm';
    sheet[`I${r}`]!.z = '0.0%';
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '施設');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('init on another shape, with no code column', () => {
  it('never guesses month for h:mm cells, reads ○/× and a percent, and refuses the placeholder code until it is entered', async () => {
    const dir = project({ 'facilities.xlsx': facilitiesWorkbook() });
    const draft = await initAndReview(dir, 'facilities.xlsx', 'facilities');
    const rules = Object.fromEntries(draft.columns.map((c) => [c.label, c.rule]));
    expect(rules).toMatchObject({
      郵便番号: 'postal-code', 電話番号: 'phone', FAX番号: 'phone', 運営法人番号: 'corporate-number', 開館時間: 'time', 閉館時間: 'time',
      駐車場: 'boolean', '稼働率（%）': 'number', 開設年度: 'fiscal-year', 緯度: 'latitude', 経度: 'longitude',
    });
    expect(Object.values(rules)).not.toContain('month');
    expect(draft.publisher).toMatchObject({ name: { ja: '架空町' }, lgCode: '000000' });

    const refused = await runCli(['publish', '--dist', 'dist'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('publisher.lgCode が opendata init の仮の値 000000 のままです');

    const yamlPath = path.join(dir, 'schema/datasets/facilities.yaml');
    writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace('lgCode: "000000"', 'lgCode: "999997"'));
    const publish = await runCli(['publish', '--dist', 'dist'], dir);
    expect(publish.code, publish.stderr).toBe(0);
    expect(typesOf(dir, 'facilities')).toMatchObject({ lg_code: 'string', opening_time: 'time', closing_time: 'time', column_9: 'number', column_8: 'boolean', fiscal_year: 'year' });
    const json = JSON.parse(readFileSync(path.join(dir, 'dist/facilities/1.0.0/999997_facilities.json'), 'utf8')) as Record<string, unknown>[];
    expect(json.map((r) => [r.postal_code, r.opening_time, r.column_8, r.column_9, r.fiscal_year])).toEqual([
      ['999-0001', '08:30:00', true, 82.5, 1975],
      ['999-0002', '09:00:00', false, 61.3, 1989],
      ['999-0003', '09:00:00', true, 50, 2020],
    ]);
  });
});
