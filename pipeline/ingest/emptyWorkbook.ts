import type * as XLSX from 'xlsx';
import { problem, type Problem } from '../problem/Problem.ts';
import { cellColumns } from './sheetCells.ts';

/** No cell with a value or formula (a sheet of formatting only counts as empty). */
function isEmptySheet(sheet: XLSX.WorkSheet | undefined): boolean {
  const rows = (sheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  return !rows.some(rowHoldsSomething);
}

/** A row with a cell that holds something, found in time proportional to its cells. */
export function rowHoldsSomething(cells: readonly (XLSX.CellObject | undefined)[] | undefined): boolean {
  return cells !== undefined && cellColumns(cells).some((c) => holdsSomething(cells[c]));
}

/** A cell with a value or a formula (not a styled empty one). */
export function holdsSomething(cell: XLSX.CellObject | undefined): boolean {
  return cell !== undefined && cell.t !== 'z' && (cell.v !== undefined || cell.f !== undefined);
}

/** A workbook whose every sheet is empty: one plain error, rather than "no header row found". */
export function emptyWorkbook(workbook: XLSX.WorkBook, fileName: string): Problem | undefined {
  if (!workbook.SheetNames.every((name) => isEmptySheet(Object.hasOwn(workbook.Sheets, name) ? workbook.Sheets[name] : undefined))) return undefined;
  return problem('source-error', 'error', { value: fileName }, {
    ja: `「${fileName}」のシートはすべて空です（データが入っていません）。`,
    en: `Every sheet of "${fileName}" is empty.`,
  }, {
    ja: '表を入力したブックを保存し直してから、もう一度アップロードしてください。',
    en: 'Save the workbook with its table in it, and upload it again.',
  });
}
