import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Dataset } from '../../pipeline/dataset/DatasetDefinition.ts';
import { processWorkbook } from '../../pipeline/process.ts';
import type { Problem } from '../../pipeline/problem/Problem.ts';
import type { Report } from '../../pipeline/report/Report.ts';
import { LINT_RULES } from '../../pipeline/validate/lint/lint.ts';
import { withPictureAndShape } from '../fixtures/objects.ts';
import { HEADER, row, standardRows, TITLE, workbookBytes, type Row, type SheetSpec } from '../fixtures/workbooks.ts';
import { measuresDataset } from '../helpers/project.ts';

const dataset = measuresDataset();
const report = (bytes: Uint8Array, name = 'fixture.xlsx', ds: Dataset = dataset): Report => processWorkbook(bytes, name, ds).report;
const run = (spec: SheetSpec, ds: Dataset = dataset): Report => report(workbookBytes(spec), 'fixture.xlsx', ds);
const problems = (r: Report): Problem[] => [...r.errors, ...r.warnings];
/** The problems citing item `item` (「（統一ルール1-4）」 in Japanese, "rule 1-4" in English). */
const citing = (r: Report, item: string): Problem[] =>
  problems(r).filter((p) => p.message.ja.includes(`（統一ルール${item}）`) && p.message.en.includes(`rule ${item})`));
const plain = () => run({ rows: standardRows([row(1), row(2), row(3)]) });

/** Every item's citation appears nowhere in a clean workbook. */
const expectNone = (r: Report, item: string) => expect(citing(r, item), JSON.stringify(citing(r, item), null, 1)).toEqual([]);

describe('machine-readability lint (総務省 統一ルール)', () => {
  it('has one rule per item, in order, and a clean workbook cites none of them', () => {
    expect(LINT_RULES.map((r) => r.item)).toEqual(['1-2', '1-3', '1-4', '1-5', '1-6', '1-7', '1-8', '1-10', '1-11', '2-1', '2-2']);
    const clean = plain();
    expect(clean.errors).toEqual([]);
    for (const { item } of LINT_RULES) expectNone(clean, item);
  });

  describe('1-2 one value per cell', () => {
    it('warns about a list in one cell, and cites the type error for two numbers in one cell', () => {
      const r = run({ rows: standardRows([row(1, { 取組概要: '・相談窓口の設置\n・電話相談の実施' }), row(2, { '事業費（千円）': '100（50）' })]) });
      expect(citing(r, '1-2')).toMatchObject([
        { code: 'type-error', severity: 'error', cell: 'H5' },
        { code: 'several-values-in-cell', severity: 'warning', cell: 'G4', field: 'summary' },
      ]);
      // The list's line break is not reported a second time as layout (1-5).
      expect(citing(r, '1-5').filter((p) => p.cell === 'G4')).toEqual([]);
    });
    it('finds nothing in single values', () => expectNone(run({ rows: standardRows([row(1, { 取組概要: '（1）相談窓口の設置' })]) }), '1-2'));
  });

  describe('1-3 numbers stored as text', () => {
    it('warns, saying what changed, when a number was typed as text with separators or full-width digits', () => {
      const r = run({ rows: standardRows([row(1, { '事業費（千円）': '１，０００' }), row(2, { '事業費（千円）': '2000' })]) });
      const found = citing(r, '1-3');
      expect(found).toMatchObject([
        { code: 'number-as-text', severity: 'warning', cell: 'H4', value: '１，０００' },
        { code: 'number-as-text', severity: 'warning', cell: 'H5', value: '2000' },
      ]);
      expect(found[0]?.message.ja).toContain('数値 1000 として読み取りました');
      expect(found[0]?.message.ja).toContain('桁区切りの「,」を削除');
      expect(found[0]?.fix?.ja).toContain('桁区切りは入力せず');
    });
    it('cites the type error for a unit inside the cell', () => {
      const r = run({ rows: standardRows([row(1, { '事業費（千円）': '1,000千円' })]) });
      expect(citing(r, '1-3')).toMatchObject([{ code: 'type-error', severity: 'error', cell: 'H4' }]);
    });
    it('finds nothing in numeric cells, and nothing in plain digits of a CSV (CSV has no number cells)', () => {
      expectNone(plain(), '1-3');
      const csv = XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet(standardRows([row(1), row(2, { '事業費（千円）': '2,000' })])));
      const r = report(new TextEncoder().encode(csv), 'list.csv');
      expect(citing(r, '1-3').map((p) => p.cell)).toEqual(['H5']);
    });
  });

  describe('1-4 merged cells', () => {
    const data = [row(1), row(2, { 対策名: null }), row(3, { 対策名: null })];
    it('warns when a merge down one column was filled, naming the cells', () => {
      const found = citing(run({ rows: standardRows(data), merges: ['B4:B6'] }), '1-4');
      expect(found).toMatchObject([{ code: 'merged-cells', severity: 'warning', cell: 'B4', value: 'B4:B6' }]);
      expect(found[0]?.message.ja).toContain('B5・B6 にも B4 の値「緊急対策」を入れて読み取りました');
    });
    it('is an error when a merge spans two items, since the value lands in the other one', () => {
      const found = citing(run({ rows: standardRows([row(1, { 柱: null })]), merges: ['B4:C4'] }), '1-4');
      expect(found).toMatchObject([{ code: 'merged-cells', severity: 'error', cell: 'B4' }]);
      expect(found[0]?.message.ja).toContain('C4');
    });
    it('says nothing about a title merged above the header', () => expectNone(run({ rows: standardRows([row(1)]), merges: ['A1:I1'] }), '1-4'));
  });

  describe('1-5 spaces and line breaks for layout', () => {
    it('warns with the text before and after, for cells and header labels', () => {
      const header = HEADER.map((h) => (h === '取組概要' ? '取組\n概要' : h));
      const r = run({ rows: [[TITLE], [], header, row(1, { 取組名: '平塚市民病院における\n感染症対策', 取組概要: '  概要です。' })] });
      const found = citing(r, '1-5');
      expect(found.map((p) => [p.code, p.cell])).toEqual([
        ['layout-whitespace', 'G3'],
        ['layout-whitespace', 'F4'],
        ['layout-whitespace', 'G4'],
      ]);
      expect(found[1]?.message.ja).toContain('「平塚市民病院における⏎感染症対策」→「平塚市民病院における感染症対策」');
      expect(found.every((p) => p.severity === 'warning')).toBe(true);
    });
    it('finds nothing in tidy text', () => expectNone(plain(), '1-5'));
  });

  describe('1-6 blank or omitted header labels', () => {
    it('cites the missing-label error, and warns about values under a blank header cell', () => {
      const missing = run({ rows: [[TITLE], [], HEADER.slice(0, 8), row(1).slice(0, 8)] });
      expect(citing(missing, '1-6')).toMatchObject([{ code: 'missing-label', severity: 'error', field: '取組状況' }]);
      const unlabeled = run({ rows: standardRows([[...row(1), null, 'メモ'], [...row(2), null, 'メモ2']]) });
      const found = citing(unlabeled, '1-6');
      expect(found).toMatchObject([{ code: 'unlabeled-column', severity: 'warning', cell: 'K3', value: 'K4:K5' }]);
      expect(found[0]?.message.ja).toContain('K列');
    });
    it('finds nothing when every column with values has a label', () => expectNone(run({ rows: standardRows([[...row(1), null]]) }), '1-6'));
  });

  describe('1-7 formulas', () => {
    it('cites the formula error instead of adding a second problem', () => {
      const r = run({ rows: standardRows([row(1)]), cells: { H4: { t: 'n', v: 3, f: 'SUM(1,2)' } } });
      expect(citing(r, '1-7')).toMatchObject([{ code: 'formula', severity: 'error', cell: 'H4' }]);
      expect(problems(r).filter((p) => p.cell === 'H4')).toHaveLength(1);
    });
    it('finds nothing without formulas', () => expectNone(plain(), '1-7'));
  });

  describe('1-8 objects', () => {
    it('warns about a comment (with its cell), a picture and a shape', () => {
      const bytes = withPictureAndShape(workbookBytes({ rows: standardRows([row(1)]), cells: { H4: { t: 'n', v: 1000, c: [{ a: '職員', t: '予算は未確定' }] } as XLSX.CellObject } }));
      const found = citing(report(bytes), '1-8');
      expect(found.map((p) => [p.code, p.severity, p.cell])).toEqual([
        ['object-ignored', 'warning', undefined],
        ['object-ignored', 'warning', undefined],
        ['object-ignored', 'warning', 'H4'],
      ]);
      expect(found.map((p) => p.message.ja).join('\n')).toMatch(/画像が 1 個[\s\S]*図形[\s\S]*予算は未確定/u);
    });
    it('finds nothing in a workbook without comments or objects', () => expectNone(plain(), '1-8'));
  });

  describe('1-10 device-dependent characters', () => {
    it('cites the device-dependent warning', () => {
      const r = run({ rows: standardRows([row(1, { 取組名: '㈱平塚の支援①' })]) });
      expect(citing(r, '1-10')).toMatchObject([{ code: 'device-dependent-character', severity: 'warning', cell: 'F4' }]);
    });
    it('finds nothing in JIS X 0208 text', () => expectNone(run({ rows: standardRows([row(1, { 取組名: '株式会社平塚の支援(1)' })]) }), '1-10'));
  });

  describe('1-11 和暦 without 西暦', () => {
    // The countermeasures table has no date column: the test adds one.
    const withDate: Dataset = {
      ...dataset,
      columns: [...dataset.columns, { label: '開始日', field: 'start_date', rule: 'date', optional: true }],
      fields: [...dataset.fields, 'start_date'],
      recordSchemaJson: {
        ...dataset.recordSchemaJson,
        properties: { ...dataset.recordSchemaJson.properties, start_date: { type: ['string', 'null'], format: 'date', title: '開始日' } },
      },
    };
    const dated = (value: string) => run({ rows: [[TITLE], [], [...HEADER, '開始日'], [...row(1), value]] }, withDate);
    it('cites the 和暦 warning, which says which date it was read as', () => {
      const found = citing(dated('令和2年4月1日'), '1-11');
      expect(found).toMatchObject([{ code: 'wareki-without-seireki', severity: 'warning', cell: 'J4' }]);
      expect(found[0]?.message.ja).toContain('2020-04-01');
    });
    it('finds nothing in a 西暦 date or a 和暦 date with its 西暦', () => {
      expectNone(dated('2020-04-01'), '1-11');
      expectNone(dated('令和2年（2020年）4月1日'), '1-11');
    });
  });

  describe('2-1 blank rows splitting one table', () => {
    it('warns once per run of blank rows between data rows', () => {
      const rows: Row[] = [...standardRows([row(1)]), [], [], row(2), [], row(3)];
      const found = citing(run({ rows }), '2-1');
      expect(found.map((p) => [p.code, p.severity, p.row])).toEqual([
        ['blank-row', 'warning', 5],
        ['blank-row', 'warning', 8],
      ]);
      expect(found[0]?.message.ja).toContain('5〜6行目');
    });
    it('says nothing about blank rows after the last data row, before the notes', () => {
      expectNone(run({ rows: [...standardRows([row(1), row(2)]), [], ['※事業費は予算額です。']] }), '2-1');
    });
  });

  describe('2-2 one table per sheet', () => {
    it('warns about a repeated header, skipped', () => {
      const found = citing(run({ rows: [...standardRows([row(1)]), HEADER, row(2)] }), '2-2');
      expect(found).toMatchObject([{ code: 'second-table', severity: 'warning', row: 5 }]);
    });
    it('is an error when a second table with its own header follows a blank row, and its header row cites it', () => {
      const second = ['番号', '区分', '柱番号', '内容', '備考', '名称', '説明', '金額', '状況'];
      const r = run({ rows: [...standardRows([row(1), row(2)]), [], second, row(3)] });
      const found = citing(r, '2-2');
      expect(found.find((p) => p.code === 'second-table')).toMatchObject({ severity: 'error', row: 7 });
      expect(found.filter((p) => p.row === 7 && p.code !== 'second-table').length).toBeGreaterThan(0);
      expect(citing(r, '2-1')).toEqual([]); // that blank row separates two tables; it does not split one
    });
    it('warns about a table beside the first one', () => {
      const r = run({ rows: [[TITLE], [], [...HEADER, null, '集計', '件数'], [...row(1), null, '合計', 1]] });
      expect(citing(r, '2-2')).toMatchObject([{ code: 'second-table', severity: 'warning', cell: 'K3' }]);
    });
    it('finds nothing in one table', () => expectNone(run({ rows: standardRows([row(1), row(2)]) }), '2-2'));
  });
});
