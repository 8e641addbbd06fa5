import * as XLSX from 'xlsx';
import { problem, type Problem } from '../problem/Problem.ts';
import { cutText } from '../problem/cutText.ts';
import { damaged, DEFAULT_LIMITS, inspectContainer, type ContainerKind, type ContainerLimits } from './container.ts';
import { disguisedFormat } from './disguisedFormat.ts';
import { markHiddenOds, markHiddenXlsx } from './hiddenMarks.ts';
import { inflateParts } from './inflateParts.ts';
import { mergeListOverLimits, sheetOverLimits } from './sheetLimits.ts';
import { readXlsxStream } from './xlsxStream.ts';

export type WorkbookRead =
  | {
      ok: true;
      workbook: XLSX.WorkBook;
      kind: ContainerKind;
      /** Names of the ZIP parts (xlsx, ods): where images, drawings and comments show up. Empty for xls and csv. */
      parts: string[];
    }
  | { ok: false; problem: Problem };

// Only what ingest needs: formulas and number formats; no HTML, rich text or styles.
export const READ_OPTIONS: XLSX.ParsingOptions = { dense: true, cellFormula: true, cellNF: true, cellHTML: false, cellText: false, cellStyles: false };

/** Bytes → a parsed workbook, refusing hostile or broken files before SheetJS inflates anything. */
export function readWorkbook(bytes: Uint8Array, fileName: string, limits: ContainerLimits = DEFAULT_LIMITS): WorkbookRead {
  const disguised = disguisedFormat(bytes, fileName);
  if (disguised) return { ok: false, problem: disguised };
  const check = inspectContainer(bytes, fileName, limits);
  if (!check.ok) return check;
  if (check.kind === 'xlsx' && check.parts) {
    // The workbooks Excel writes are read as they inflate; anything unusual is read the careful way below.
    const streamed = readXlsxStream(bytes, check.parts, limits);
    if (streamed) return withinLimits({ ok: true, workbook: streamed, kind: 'xlsx', parts: check.parts.map((part) => part.name) }, fileName);
  }
  let input = bytes;
  let parts: string[] = [];
  let files: Record<string, Uint8Array> | undefined;
  if (check.parts) {
    const inflated = inflateParts(bytes, check.parts, fileName, limits);
    if (!inflated.ok) return inflated;
    input = inflated.zip;
    parts = inflated.names;
    files = inflated.files;
    const merges = mergeListOverLimits(files, fileName);
    if (merges) return { ok: false, problem: merges };
  }
  let workbook: XLSX.WorkBook;
  try {
    workbook =
      check.kind === 'csv'
        ? // Every CSV cell stays text: codes such as 142034 or 0010 must not become numbers.
          XLSX.read(check.text ?? '', { ...READ_OPTIONS, type: 'string', raw: true })
        : XLSX.read(input, { ...READ_OPTIONS, type: 'buffer' });
  } catch (error) {
    // The reader's own words are for developers: kept, short, in the English text only.
    const refused = damaged(fileName).problem;
    const detail = cutText(String((error as Error)?.message ?? error), 200);
    return { ok: false, problem: { ...refused, message: { ja: refused.message.ja, en: `${refused.message.en} (reader: ${detail})` } } };
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
  if (check.kind === 'xlsx' && files) markHiddenXlsx(workbook, files);
  if (check.kind === 'ods' && files) markHiddenOds(workbook, files);
  return withinLimits({ ok: true, workbook, kind: check.kind, parts }, fileName);
}

function withinLimits(read: WorkbookRead & { ok: true }, fileName: string): WorkbookRead {
  const over = sheetOverLimits(read.workbook, fileName);
  return over ? { ok: false, problem: over } : read;
}
