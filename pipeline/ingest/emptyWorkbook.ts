import type * as XLSX from 'xlsx';
import { problem, type Problem } from '../problem/Problem.ts';

/** No cell with a value or formula (a sheet of formatting only counts as empty). */
function isEmptySheet(sheet: XLSX.WorkSheet | undefined): boolean {
  const rows = (sheet?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  return !rows.some((cells) => cells?.some((cell) => cell !== undefined && cell.t !== 'z' && (cell.v !== undefined || cell.f !== undefined)));
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
