/**
 * Reading costs time in proportion to the cells present (issue 16, item 5): far columns are walked by
 * their cells, and what a file merely states (a far row, a huge merge list) is bounded by SHEET_LIMITS.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { emptyWorkbook } from '../../pipeline/ingest/emptyWorkbook.ts';
import { hiddenContent } from '../../pipeline/ingest/hiddenContent.ts';
import { readWorkbook } from '../../pipeline/ingest/readWorkbook.ts';
import { sheetGrid } from '../../pipeline/ingest/sheetCells.ts';
import { SHEET_LIMITS } from '../../pipeline/ingest/sheetLimits.ts';
import { dimensionClaim, farColumnRows, farRow, manyMerges, viaSheetJs } from '../fixtures/hostileSheets.ts';
import { readBoth } from '../helpers/sameWorkbook.ts';

const bothPaths = (bytes: Uint8Array): [string, Uint8Array][] => [
  ['streamed', bytes],
  ['via SheetJS', viaSheetJs(bytes)],
];

function refusal(bytes: Uint8Array) {
  const read = readWorkbook(bytes, 'hostile.xlsx');
  expect(read.ok).toBe(false);
  return read.ok ? undefined : read.problem;
}

describe('what a file merely states is bounded', () => {
  for (const [how, bytes] of bothPaths(farRow(9_999_999))) {
    it(`one cell at row 9,999,999 (a 6 KB file) is refused, naming the row (${how})`, () => {
      expect(readBoth(bytes).reason === '').toBe(how === 'streamed');
      const problem = refusal(bytes);
      expect(problem).toMatchObject({ code: 'source-error', row: 9_999_999, sheet: '取組状況一覧' });
      expect(problem?.message.ja).toContain('9,999,999 行目');
      expect(problem?.fix?.ja).toBeTruthy();
    });
  }

  for (const [how, bytes] of bothPaths(farColumnRows(1, 'XFE'))) {
    it(`a cell right of column XFD is refused, naming it (${how})`, () => {
      expect(refusal(bytes)).toMatchObject({ code: 'source-error', cell: 'XFE5' });
    });
  }

  for (const [how, bytes] of bothPaths(manyMerges(SHEET_LIMITS.maxMerges + 1))) {
    it(`more than ${SHEET_LIMITS.maxMerges.toLocaleString('en-US')} merged ranges are refused (${how})`, () => {
      const problem = refusal(bytes);
      expect(problem?.message.ja).toContain('結合セル');
      expect(problem?.fix?.ja).toContain('セル結合の解除');
    });
  }

  it('the last row and column Excel has are read', () => {
    for (const bytes of [farRow(SHEET_LIMITS.maxRows), farColumnRows(1, 'XFD')]) expect(readWorkbook(bytes, 'edge.xlsx').ok).toBe(true);
  });

  it('a dimension claiming the whole sheet changes nothing: the grid is what the cells reach', () => {
    const read = readWorkbook(dimensionClaim(), 'claim.xlsx');
    if (!read.ok) throw new Error(read.problem.message.en);
    const sheet = read.workbook.Sheets[read.workbook.SheetNames[0]!]!;
    const grid = sheetGrid('s', sheet);
    expect([grid.lastRow, grid.columnCount]).toEqual([4, 9]);
  });
});

/** A dense sheet whose rows count every read of a cell slot, and the count. */
function countedSheet(rows: number, col: number, hiddenCol = false): { sheet: XLSX.WorkSheet; reads: () => number } {
  let reads = 0;
  const data: unknown[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: (XLSX.CellObject | undefined)[] = [];
    cells[col] = { t: 'n', v: r };
    data[r] = new Proxy(cells, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/u.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }
  const sheet: XLSX.WorkSheet = { '!data': data as XLSX.CellObject[][] };
  if (hiddenCol) sheet['!cols'] = Object.assign([], { [col]: { hidden: true } }) as XLSX.ColInfo[];
  return { sheet, reads: () => reads };
}

describe('a row is walked by its cells, not up to its last column', () => {
  it('1,000 rows with one cell each in column XFD: a handful of reads per row in the grid, the empty-workbook check and the hidden-column scan', () => {
    const { sheet, reads } = countedSheet(1_000, SHEET_LIMITS.maxColumns - 1, true);
    const grid = sheetGrid('s', sheet);
    for (let row = 1; row <= grid.lastRow; row++) expect(grid.rowCells(row)).toHaveLength(1);
    expect(emptyWorkbook({ SheetNames: ['s'], Sheets: { s: sheet } }, 'wide.xlsx')).toBeUndefined();
    expect(hiddenContent(sheet).cols).toEqual([SHEET_LIMITS.maxColumns - 1]);
    // Walking every column would be 16,384 reads a row.
    expect(reads() / 1_000).toBeLessThan(20);
  });
});
