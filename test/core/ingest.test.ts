import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ingestWorkbook } from '../../pipeline/ingest/ingest.ts';
import { processWorkbook } from '../../pipeline/process.ts';
import { HEADER, row, standardRows, TITLE, workbookBytes, type SheetSpec } from '../fixtures/workbooks.ts';
import { measuresDataset } from '../helpers/project.ts';

const dataset = measuresDataset();
const ingest = (spec: SheetSpec) => ingestWorkbook(XLSX.read(workbookBytes(spec), { type: 'buffer', dense: true, cellFormula: true, cellNF: true }), dataset);
const run = (spec: SheetSpec) => processWorkbook(workbookBytes(spec), 'fixture.xlsx', dataset);
const kinds = (events: { kind: string }[]) => events.map((e) => e.kind);

describe('ingest', () => {
  it('finds the header by its labels despite width, spaces and line breaks', () => {
    const header = ['Ｎｏ．', '対策名', '柱', '大柱・施策', '小 柱', '取組名', '取組\n概要', '事業費(千円)', '取組状況'];
    const table = ingest({ rows: [[TITLE], header, row(1)] });
    expect(table.problems).toEqual([]);
    expect(table.headerRow).toBe(2);
    expect(table.rows).toHaveLength(1);
    expect(table.events.find((e) => e.kind === 'header-found')).toMatchObject({ row: 2, cell: 'A2' });
  });

  it('fills merged cells from their top-left value and records the range', () => {
    const data = [row(1), row(2, { 対策名: null }), row(3, { 対策名: null })];
    const result = run({ rows: standardRows(data), merges: ['B4:B6'] });
    expect(result.report.errors).toEqual([]);
    expect(result.records.map((r) => r.measure_package)).toEqual(['緊急対策', '緊急対策', '緊急対策']);
    expect(result.report.events.find((e) => e.kind === 'merged-cells-filled')).toMatchObject({ cell: 'B4', detail: 'B4:B6' });
  });

  it('skips blank rows, repeated titles and repeated headers, recording each', () => {
    const rows = [...standardRows([row(1)]), [], [TITLE], HEADER, row(2)];
    const table = ingest({ rows });
    expect(table.rows.map((r) => r.row)).toEqual([4, 8]);
    expect(kinds(table.events)).toEqual(expect.arrayContaining(['blank-row-skipped', 'title-repeated-skipped', 'header-repeated-skipped']));
    expect(table.events.find((e) => e.kind === 'header-repeated-skipped')?.row).toBe(7);
    expect(table.events.find((e) => e.kind === 'blank-row-skipped')?.row).toBe(5);
  });

  it('keeps trailing footnotes as notes, not data', () => {
    const table = ingest({ rows: [...standardRows([row(1), row(2)]), ['※事業費は令和2年度予算額です。']] });
    expect(table.rows).toHaveLength(2);
    expect(table.notes).toEqual([{ cell: 'A6', row: 6, text: '※事業費は令和2年度予算額です。' }]);
    expect(kinds(table.events)).toContain('note-kept');
  });

  it('reads the as-of date from 和暦 in the title: 元年, full-width digits and the 2019-05-01 boundary', () => {
    const asOf = (title: string) => ingest({ rows: standardRows([row(1)], title) });
    expect(asOf('一覧表（令和元年5月1日時点）').asOf).toBe('2019-05-01');
    expect(asOf('一覧表（平成31年4月30日時点）').asOf).toBe('2019-04-30');
    expect(asOf('一覧表（令和２年９月１日現在）').asOf).toBe('2020-09-01');
    expect(asOf('一覧表（昭和64年1月7日）').asOf).toBe('1989-01-07');
    // 令和 did not exist on 30 April 2019: no date is made up from it.
    const invalid = asOf('一覧表（令和元年4月30日時点）');
    expect(invalid.asOf).toBeNull();
    expect(invalid.problems.map((p) => p.code)).toContain('as-of-missing');
  });

  it('fails with an error when neither the title nor the definition gives an as-of date, and uses a declared one', () => {
    const table = ingest({ rows: standardRows([row(1)], '取組一覧') });
    expect(table.problems).toMatchObject([{ code: 'as-of-missing', severity: 'error' }]);
    const declared = ingestWorkbook(XLSX.read(workbookBytes({ rows: standardRows([row(1)], '取組一覧') }), { type: 'buffer', dense: true }), { ...dataset, asOf: '2021-04-01' });
    expect(declared.asOf).toBe('2021-04-01');
    expect(kinds(declared.events)).toContain('as-of-declared');
  });

  it('reports a missing column by its label and the header row', () => {
    const header = HEADER.filter((h) => h !== '取組状況');
    const table = ingest({ rows: [[TITLE], [], header, row(1).slice(0, 8)] });
    expect(table.problems).toMatchObject([{ code: 'missing-label', field: '取組状況', row: 3 }]);
    expect(table.problems[0]?.message.ja).toContain('取組状況');
  });
});

describe('normalize on fixtures', () => {
  it('turns full-width digits and separators into integers, recording each change', () => {
    const result = run({ rows: standardRows([row(12, { 'No.': '１２', '事業費（千円）': '１，０００' })]) });
    expect(result.report.errors).toEqual([]);
    expect(result.records[0]).toMatchObject({ no: 12, budget_thousand_yen: 1000 });
    const rules = result.report.normalizations.filter((n) => n.cell === 'H4').map((n) => n.rule);
    expect(rules).toEqual(expect.arrayContaining(['width/fullwidth-ascii', 'number/separators']));
  });

  it('turns half-width katakana into full-width', () => {
    const result = run({ rows: standardRows([row(1, { 取組名: 'ｶﾞｲﾄﾞﾌﾞｯｸの配布' })]) });
    expect(result.records[0]?.name).toBe('ガイドブックの配布');
    expect(result.report.normalizations).toContainEqual(expect.objectContaining({ cell: 'F4', rule: 'width/halfwidth-kana', after: 'ガイドブックの配布' }));
  });

  it('reports device-dependent characters instead of rewriting them', () => {
    const result = run({ rows: standardRows([row(1, { 取組名: '㈱平塚の支援①' })]) });
    expect(result.records[0]?.name).toBe('㈱平塚の支援①');
    expect(result.report.warnings).toContainEqual(expect.objectContaining({ code: 'device-dependent-character', cell: 'F4' }));
  });

  it('reads 【再掲】 variants and links them to the earlier row with the same name', () => {
    const result = run({ rows: standardRows([row(1, { 取組名: '見守り支援' }), row(2), row(3, { 取組名: '［再掲］見守り支援', '事業費（千円）': 1000 })]) });
    expect(result.report.errors).toEqual([]);
    expect(result.records.map((r) => r.relisted_from)).toEqual([null, null, 1]);
    expect(result.records[2]?.name).toBe('見守り支援');
  });

  it('warns when a re-listed row does not repeat its original budget', () => {
    const result = run({ rows: standardRows([row(1, { 取組名: '見守り支援' }), row(2, { 取組名: '見守り支援【再掲】', '事業費（千円）': 5 })]) });
    expect(result.report.valid).toBe(true);
    expect(result.report.warnings).toContainEqual(expect.objectContaining({ code: 'relist-mismatch', cell: 'H5', field: 'budget_thousand_yen' }));
  });

  it('accepts the English label of an enum value', () => {
    const result = run({ rows: standardRows([row(1, { 取組状況: 'Completed' })]) });
    expect(result.records[0]?.status).toBe('完了');
  });

  it('builds records without a prototype, so hostile labels pollute nothing', () => {
    const result = run({ rows: [[TITLE], [], [...HEADER, '__proto__', 'constructor'], [...row(1), 'x', 'y']] });
    expect(result.report.valid).toBe(true);
    expect(Object.getPrototypeOf(result.records[0])).toBeNull();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
