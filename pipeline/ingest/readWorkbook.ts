import * as XLSX from 'xlsx';
import { problem, type Problem } from '../problem/Problem.ts';
import { DEFAULT_LIMITS, inspectContainer, type ContainerLimits } from './container.ts';

export type WorkbookRead = { ok: true; workbook: XLSX.WorkBook } | { ok: false; problem: Problem };

// Only what ingest needs: formulas and number formats; no HTML, rich text or styles.
const READ_OPTIONS: XLSX.ParsingOptions = { dense: true, cellFormula: true, cellNF: true, cellHTML: false, cellText: false, cellStyles: false };

/** Bytes → a parsed workbook, refusing hostile or broken files before SheetJS inflates anything. */
export function readWorkbook(bytes: Uint8Array, fileName: string, limits: ContainerLimits = DEFAULT_LIMITS): WorkbookRead {
  const check = inspectContainer(bytes, fileName, limits);
  if (!check.ok) return check;
  let workbook: XLSX.WorkBook;
  try {
    workbook =
      check.kind === 'csv'
        ? // Every CSV cell stays text: codes such as 142034 or 0010 must not become numbers.
          XLSX.read(check.text ?? '', { ...READ_OPTIONS, type: 'string', raw: true })
        : XLSX.read(bytes, { ...READ_OPTIONS, type: 'buffer' });
  } catch (error) {
    return {
      ok: false,
      problem: problem('format-error', 'error', { value: fileName }, {
        ja: `「${fileName}」を表計算ファイルとして読み込めません（${(error as Error).message}）。`,
        en: `"${fileName}" cannot be read as a spreadsheet (${(error as Error).message}).`,
      }, {
        ja: 'Excel で開けるか確かめ、「名前を付けて保存」で .xlsx として保存し直してからアップロードしてください。',
        en: 'Check that the file opens in Excel, save it again as .xlsx and upload that file.',
      }),
    };
  }
  if (workbook.SheetNames.length === 0) {
    return {
      ok: false,
      problem: problem('source-error', 'error', { value: fileName }, {
        ja: `「${fileName}」にはシートがありません。`,
        en: `"${fileName}" has no sheets.`,
      }, { ja: 'データの入ったシートのあるファイルをアップロードしてください。', en: 'Upload a workbook with a sheet of data.' }),
    };
  }
  return { ok: true, workbook };
}
