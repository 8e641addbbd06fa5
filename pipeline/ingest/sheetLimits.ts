/**
 * How far a sheet may reach, declared in one place. Reading costs time in proportion to the cells
 * (sheetCells.ts walks a row by its cells, not up to its last column), but a few things cost in
 * proportion to a number the file merely states: the row of its last cell (ingest reads row by row
 * down to it) and the length of its merge list (each range is decoded, filled and recorded). A sheet
 * past these limits is refused with one problem before ingest reads it.
 */
import type * as XLSX from 'xlsx';
import { problem, type Problem } from '../problem/Problem.ts';
import { cellColumns, columnLetter } from './sheetCells.ts';

export const SHEET_LIMITS = {
  /** Excel's last row: a cell below it was not written by Excel, and ingest would walk every row above it. */
  maxRows: 1_048_576,
  /** Excel's last column (XFD). */
  maxColumns: 16_384,
  /** Merged ranges in one sheet: a table merges a few cells per row at most; 1.5 million took 17 s and 830 MB. */
  maxMerges: 100_000,
} as const;

const num = (n: number): string => n.toLocaleString('en-US');

const RESAVE = {
  ja: '余分なセルや書式を削除するか、表を新しいブックに「値の貼り付け」でコピーし、Excel で保存し直してからアップロードしてください。',
  en: 'Delete the stray cells or formatting, or paste the table as values into a new workbook, save it in Excel and upload it again.',
};

/** The first way a sheet of the workbook reaches past SHEET_LIMITS, or undefined. */
export function sheetOverLimits(workbook: XLSX.WorkBook, fileName: string): Problem | undefined {
  for (const name of workbook.SheetNames) {
    const sheet = Object.hasOwn(workbook.Sheets, name) ? workbook.Sheets[name] : undefined;
    const rows = (sheet?.['!data'] ?? []) as ((XLSX.CellObject | undefined)[] | undefined)[];
    if (rows.length > SHEET_LIMITS.maxRows) {
      return problem('source-error', 'error', { sheet: name, row: rows.length, value: fileName }, {
        ja: `シート「${name}」の ${num(rows.length)} 行目にデータがあります。Excel の行数の上限（${num(SHEET_LIMITS.maxRows)} 行）を超えているため読み込めません（Excel 以外で作られたか、壊れたファイルです）。`,
        en: `Sheet "${name}" has data in row ${num(rows.length)}, past Excel's ${num(SHEET_LIMITS.maxRows)} rows: the file cannot be read (it was not made by Excel, or it is damaged).`,
      }, RESAVE);
    }
    const wide = rows.length <= SHEET_LIMITS.maxRows ? rows.findIndex((cells) => cells !== undefined && cells.length > SHEET_LIMITS.maxColumns) : -1;
    if (wide !== -1) {
      const cells = rows[wide]!;
      const col = cellColumns(cells).at(-1) ?? cells.length - 1;
      return problem('source-error', 'error', { sheet: name, row: wide + 1, cell: `${columnLetter(col)}${wide + 1}`, value: fileName }, {
        ja: `シート「${name}」の ${wide + 1} 行目に、Excel の列数の上限（${num(SHEET_LIMITS.maxColumns)} 列、XFD 列まで）より右のセルがあるため読み込めません。`,
        en: `Sheet "${name}" has a cell in row ${wide + 1} right of Excel's last column (${num(SHEET_LIMITS.maxColumns)} columns, up to XFD): the file cannot be read.`,
      }, RESAVE);
    }
    if ((sheet?.['!merges']?.length ?? 0) > SHEET_LIMITS.maxMerges) return tooManyMerges(`シート「${name}」`, `Sheet "${name}"`, fileName);
  }
  return undefined;
}

function tooManyMerges(whereJa: string, whereEn: string, fileName: string): Problem {
  return problem('source-error', 'error', { value: fileName }, {
    ja: `${whereJa}には結合セルが ${num(SHEET_LIMITS.maxMerges)} 個を超えてあり、上限を超えているため読み込めません。`,
    en: `${whereEn} has more than ${num(SHEET_LIMITS.maxMerges)} merged ranges, over the limit.`,
  }, {
    ja: '表全体を選んで「ホーム → 結合して中央揃え → セル結合の解除」で結合を解除し、保存し直してからアップロードしてください。',
    en: 'Select the whole table, use Home → Merge & Center → Unmerge Cells, save, and upload again.',
  });
}

/**
 * Counts the merged ranges in the inflated xlsx parts before SheetJS reads them: it decodes every
 * one (1.5 million took it 40 s and 800 MB), so the limit is applied to the XML itself.
 */
export function mergeListOverLimits(files: Record<string, Uint8Array>, fileName: string): Problem | undefined {
  for (const [name, bytes] of Object.entries(files)) {
    if (!name.endsWith('.xml')) continue;
    const xml = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let count = 0;
    for (let at = xml.indexOf(MERGE_CELL); at !== -1; at = xml.indexOf(MERGE_CELL, at + MERGE_CELL.length)) {
      // <mergeCell ref=…> or <x:mergeCell ref=…>: an element, not text (where `<` is always escaped).
      const before = xml[at - 1];
      if (before === 0x3c /* < */ || before === 0x3a /* : */) count++;
      if (count > SHEET_LIMITS.maxMerges) return tooManyMerges(`「${name}」`, `"${name}"`, fileName);
    }
  }
  return undefined;
}

const MERGE_CELL = Buffer.from('mergeCell ');
