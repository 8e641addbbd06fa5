/** Hidden rows, columns and sheets (issue 16, item 4): an error unless declared, and then recorded. Made-up data. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { processWorkbook } from '../../pipeline/process.ts';
import { loadDeclared } from '../fixtures/declaredProject.ts';
import { wardPeopleDefinition, wardPeopleProject } from '../fixtures/wardPeople.ts';
import { editSheet } from '../fixtures/xmlEdit.ts';
import { readBoth } from '../helpers/sameWorkbook.ts';

interface Spec {
  /** 0-based rows of the data sheet to hide (row 0 title, 1 header, 2… data). */
  rows?: number[];
  /** 0-based columns to hide. */
  cols?: number[];
  /** States of the sheets: the data sheet 人数, then メモ. */
  states?: [0 | 1 | 2, 0 | 1 | 2];
  /** A formula cell, so the streaming reader leaves the workbook to SheetJS. */
  formula?: boolean;
  bookType?: XLSX.BookType;
}

const DATA = [
  ['区別の人数（架空のデータ）'],
  ['区', '人数', '備考'],
  ['東区', 10, ''],
  ['西区', 20, '個人情報'],
  ['南区', 30, ''],
];

function workbook(spec: Spec = {}): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(DATA);
  if (spec.formula) sheet['A1'] = { t: 's', v: '区別の人数（架空のデータ）', f: '"区別の人数（架空のデータ）"' };
  if (spec.rows) sheet['!rows'] = spec.rows.reduce<XLSX.RowInfo[]>((rows, r) => ((rows[r] = { hidden: true }), rows), []);
  if (spec.cols) sheet['!cols'] = spec.cols.reduce<XLSX.ColInfo[]>((cols, c) => ((cols[c] = { hidden: true }), cols), []);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '人数');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['下書き：公開しない']]), 'メモ');
  const [data, memo] = spec.states ?? [0, 0];
  book.Workbook = { Sheets: [{ name: '人数', Hidden: data }, { name: 'メモ', Hidden: memo }] };
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: spec.bookType ?? 'xlsx' }) as ArrayBuffer);
}

const project = (extra: object = {}) => loadDeclared(wardPeopleProject(extra));
const run = (bytes: Uint8Array, extra: object = {}, name = 'wards.xlsx') => processWorkbook(bytes, name, project(extra));

describe('hidden content is read from the file by both xlsx readers', () => {
  it('the streaming reader and SheetJS with the XML scan agree on hidden rows, columns and sheet states', () => {
    const both = readBoth(workbook({ rows: [3], cols: [2], states: [0, 2] }));
    expect(both.reason).toBe('');
    expect(both.difference).toBeUndefined();
    expect(both.streamed?.Sheets['人数']?.['!rows']?.[3]?.hidden).toBe(true);
    expect(both.streamed?.Sheets['人数']?.['!cols']?.[2]?.hidden).toBe(true);
    expect(both.streamed?.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([0, 2]);
  });

  it('a `<col>` claiming columns far past XFD, listed 10,000 times, marks at most Excel’s 16,384 columns', () => {
    const cols = `<cols>${'<col min="1" max="99999999" hidden="1"/>'.repeat(10_000)}</cols>`;
    const bytes = editSheet(workbook(), (xml) => xml.replace('<sheetData>', `${cols}<sheetData>`));
    const both = readBoth(bytes);
    expect(both.difference).toBeUndefined();
    expect(both.streamed?.Sheets['人数']?.['!cols']).toHaveLength(16_384);
    const result = run(bytes);
    expect(result.report.errors).toMatchObject([{ code: 'hidden-columns' }]);
    expect(result.report.errors[0]?.message.ja).toContain('A～C 列');
  });
});

describe('hidden rows, columns and sheets without a declaration', () => {
  for (const [how, spec] of [['streamed', {}], ['via SheetJS', { formula: true }]] as const) {
    it(`are errors naming them, and nothing else is read (${how})`, () => {
      const bytes = workbook({ ...spec, rows: [3, 4], cols: [2] });
      expect(readBoth(bytes).reason === '').toBe(how === 'streamed');
      const result = run(bytes);
      expect(result.report.valid).toBe(false);
      const rows = result.report.errors.find((e) => e.code === 'hidden-rows');
      expect(rows?.message.ja).toContain('非表示の行があります');
      expect(rows?.message.ja).toContain('4～5 行目');
      expect(rows?.fix?.ja).toContain('hidden: publish');
      expect(rows).toMatchObject({ sheet: '人数', row: 4 });
      const cols = result.report.errors.find((e) => e.code === 'hidden-columns');
      expect(cols?.message.ja).toContain('C 列');
      // No other problem may quote a hidden cell: ingest stops.
      expect(result.report.errors.map((e) => e.code).sort()).toEqual(['hidden-columns', 'hidden-rows']);
      expect(result.records).toEqual([]);
    });
  }

  it('a hidden row or column with nothing in it hides nothing', () => {
    const result = run(workbook({ rows: [9], cols: [5, 6] }));
    expect(result.report.errors).toEqual([]);
    expect(result.records).toHaveLength(3);
  });

  it('a hidden or very hidden data sheet is an error', () => {
    for (const state of [1, 2] as const) {
      const result = run(workbook({ states: [state, 0] }));
      expect(result.report.errors).toMatchObject([{ code: 'hidden-sheet', sheet: '人数' }]);
      expect(result.report.errors[0]?.message.ja).toContain(state === 1 ? '非表示' : '完全に非表示');
    }
  });

  it('another hidden sheet holding something is a warning: it is neither read nor published', () => {
    const result = run(workbook({ states: [0, 1] }));
    expect(result.report.valid).toBe(true);
    expect(result.report.warnings).toMatchObject([{ code: 'hidden-sheet', sheet: 'メモ', severity: 'warning' }]);
  });

  it('.ods: hidden rows, columns and sheets are read from content.xml (SheetJS reads none of them)', () => {
    const files = unzipSync(workbook({ bookType: 'ods' }));
    let row = 0;
    files['content.xml'] = strToU8(
      strFromU8(files['content.xml']!)
        .replace(/<table:table-row>/gu, (tag) => (++row === 4 ? '<table:table-row table:visibility="collapse">' : tag))
        .replace('<office:automatic-styles>', '<office:automatic-styles><style:style style:name="taH" style:family="table"><style:table-properties table:display="false"/></style:style>')
        .replace(/(<table:table table:name="メモ" table:style-name=")[^"]*"/u, '$1taH"')
        .replace(/(<table:table table:name="人数"[^>]*>)/u, '$1<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>'),
    );
    const result = run(zipSync(files), {}, 'wards.ods');
    expect(result.report.errors.map((e) => [e.code, e.value]).sort()).toEqual([
      ['hidden-columns', 'columns C'],
      ['hidden-rows', 'rows 4'],
    ]);
    expect(result.report.warnings).toMatchObject([{ code: 'hidden-sheet', sheet: 'メモ' }]);
  });

  it('.xls: hidden sheets are found there too', () => {
    const result = run(workbook({ states: [1, 0], bookType: 'biff8' }), {}, 'wards.xls');
    expect(result.report.errors).toMatchObject([{ code: 'hidden-sheet', sheet: '人数' }]);
  });
});

describe('hidden: publish', () => {
  it('reads hidden rows, columns and the sheet as they are, and records them', () => {
    const result = run(workbook({ rows: [3], cols: [2], states: [1, 0] }), { hidden: 'publish' });
    expect(result.report.errors).toEqual([]);
    expect(result.records.map((r) => r.ward)).toEqual(['東区', '西区', '南区']);
    expect(result.report.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'hidden-sheet-published', sheet: '人数' }),
        expect.objectContaining({ kind: 'hidden-rows-published', row: 4, detail: '4' }),
        expect.objectContaining({ kind: 'hidden-columns-published', detail: 'C' }),
      ]),
    );
  });
});

describe('hidden: drop', () => {
  for (const [how, spec] of [['streamed', {}], ['via SheetJS', { formula: true }]] as const) {
    it(`leaves hidden rows and columns out of the data, each recorded, not as blank rows (${how})`, () => {
      const result = run(workbook({ ...spec, rows: [3], cols: [2] }), { hidden: 'drop' });
      expect(result.report.errors).toEqual([]);
      expect(result.records.map((r) => r.ward)).toEqual(['東区', '南区']);
      const kinds = result.report.events.map((e) => e.kind);
      expect(kinds).not.toContain('blank-row-skipped');
      expect(kinds).not.toContain('extra-column-ignored');
      expect(result.report.events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'hidden-rows-dropped', row: 4 }),
          expect.objectContaining({ kind: 'hidden-columns-dropped', detail: 'C' }),
        ]),
      );
      expect(JSON.stringify(result.report)).not.toContain('個人情報');
    });
  }

  it('never reads a hidden sheet; naming one in source.sheet is an error', () => {
    const skipped = run(workbook({ states: [0, 1] }), { hidden: 'drop' });
    expect(skipped.report.valid).toBe(true);
    expect(skipped.report.events).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'hidden-sheet-dropped', sheet: 'メモ' })]));
    const named = wardPeopleDefinition() as { source: object };
    const declared = run(workbook({ states: [1, 0] }), { hidden: 'drop', source: { ...named.source, sheet: '人数' } });
    expect(declared.report.errors).toMatchObject([{ code: 'hidden-sheet', sheet: '人数' }]);
  });
});

describe('the definition key', () => {
  it('takes only publish or drop', () => {
    expect(() => loadDeclared(wardPeopleProject({ hidden: 'yes' }))).toThrow(/hidden/u);
  });
});
