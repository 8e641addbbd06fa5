/** Declared totals: a 「合計」 row that is not data but is checked, and a 合計 column checked per row. Made-up numbers. */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { loadDataset } from '../../pipeline/dataset/load.ts';
import { processWorkbook } from '../../pipeline/process.ts';
import { declaredProject, loadDeclared, madeUpDefinition } from '../fixtures/declaredProject.ts';

const recordSchema = {
  type: 'object',
  required: ['ward', 'adults', 'children', 'total'],
  properties: {
    ward: { type: 'string', title: '区' },
    adults: { type: ['integer', 'null'], minimum: 0, title: '大人' },
    children: { type: ['integer', 'null'], minimum: 0, title: '子ども' },
    total: { type: ['integer', 'null'], minimum: 0, title: '計', 'x-title-en': 'Total' },
  },
};

function definition(extra: object = {}, total: object = { sumOf: ['adults', 'children'] }) {
  return madeUpDefinition('ward-counts', 'wards.xlsx', {
    asOf: '2021-04-01',
    primaryKey: 'ward',
    columns: [
      { label: '区', field: 'ward', rule: 'text' },
      { label: '大人', field: 'adults', rule: 'integer' },
      { label: '子ども', field: 'children', rule: 'integer' },
      { label: '計', field: 'total', rule: 'integer', ...total },
    ],
    totalsRow: { label: '合計' },
    ...extra,
  });
}

type Cell = string | number | XLSX.CellObject;

function workbook(rows: Cell[][]): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([['区別の人数（架空のデータ）'], ['区', '大人', '子ども', '計'], ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '人数');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const DATA: Cell[][] = [
  ['東区', 10, 5, 15],
  ['西区', 20, 0, 20],
];

const run = (rows: Cell[][], def = definition()) => {
  const project = declaredProject({ name: 'ward-counts', definition: def, recordSchema });
  return processWorkbook(workbook(rows), 'wards.xlsx', loadDeclared(project));
};

describe('a declared totals row', () => {
  it('is not data, is recorded, and passes when it adds up (formulas in it are fine: it is not published)', () => {
    const sumCell = (f: string, v: number): XLSX.CellObject => ({ t: 'n', v, f });
    const result = run([...DATA, ['合　計', sumCell('SUM(B3:B4)', 30), sumCell('SUM(C3:C4)', 5), sumCell('SUM(D3:D4)', 35)], ['※架空のデータです。']]);
    expect(result.report.errors).toEqual([]);
    expect(result.records.map((r) => r.ward)).toEqual(['東区', '西区']);
    expect(result.report.events).toContainEqual(expect.objectContaining({ kind: 'totals-row-skipped', row: 5, cell: 'A5', detail: '合　計' }));
  });

  it('is an error naming the cell and both sums when it does not add up', () => {
    const result = run([...DATA, ['合計', 31, 5, 36]]);
    const errors = result.report.errors.filter((e) => e.code === 'totals-mismatch');
    expect(errors.map((e) => [e.cell, e.field])).toEqual([['B5', 'adults'], ['D5', 'total']]);
    expect(errors[0]?.message.ja).toContain('31');
    expect(errors[0]?.message.ja).toContain('30');
  });

  it('compares only the fields listed in check, and looks for the label in the declared column', () => {
    const def = definition({ totalsRow: { label: '合計', column: '計', check: ['children'] } });
    const result = run([...DATA, ['', 99, 5, '合計']], def);
    expect(result.report.errors).toEqual([]);
    expect(result.records).toHaveLength(2);
    // Without the declaration, a totals-like row is just data.
    const plain = run([...DATA, ['全体', 30, 5, 35]], definition({ totalsRow: undefined }));
    expect(plain.records).toHaveLength(3);
  });

  it('warns when data rows follow it, comparing with the rows above only', () => {
    const result = run([DATA[0]!, ['合計', 10, 5, 15], DATA[1]!]);
    expect(result.report.errors).toEqual([]);
    expect(result.report.warnings).toContainEqual(expect.objectContaining({ code: 'totals-row-not-last', row: 4 }));
  });
});

describe('a 合計 column declared with sumOf', () => {
  it('is an error in a row whose parts do not add up, and is not compared where a part is empty', () => {
    const result = run([['東区', 10, 5, 16], ['西区', 20, '', 25]], definition({ totalsRow: undefined }));
    expect(result.report.errors).toMatchObject([{ code: 'row-total-mismatch', cell: 'D3', row: 3, field: 'total' }]);
    expect(result.report.errors[0]?.message.ja).toContain('15');
  });
});

describe('totals declarations that cannot work', () => {
  const problems = (def: object) => {
    const project = declaredProject({ name: 'ward-counts', definition: def, recordSchema });
    const result = loadDataset(project.definitionPath, { schemaDir: project.schema, sourcesDir: project.sources });
    return result.ok ? [] : result.problems.map((p) => p.message.en);
  };

  it('are definition errors, one each', () => {
    expect(problems(definition({ totalsRow: { label: '合計', column: '総計' } }))).toEqual(['totalsRow.column 総計 is not the label of a declared column.']);
    expect(problems(definition({ totalsRow: { label: '合計', check: ['ward'] } }))).toEqual(['totalsRow.check names ward, which is not read by an integer column.']);
    expect(problems(definition({}, { sumOf: ['adults', 'ward'] }))).toEqual(['sumOf (計) names ward, which is not read by an integer column.']);
  });
});
