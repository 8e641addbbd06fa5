/**
 * The streaming xlsx reader against SheetJS: the careful path readWorkbook takes for everything else
 * (inflateParts, then XLSX.read with the same options) and a comparison of what ingest reads from
 * the two workbooks: sheet names, every cell's t, v, z, f and comments, and the merged ranges.
 */
import * as XLSX from 'xlsx';
import { DEFAULT_LIMITS, inspectContainer, type ContainerLimits } from '../../pipeline/ingest/container.ts';
import { markHiddenXlsx } from '../../pipeline/ingest/hiddenMarks.ts';
import { inflateParts } from '../../pipeline/ingest/inflateParts.ts';
import { READ_OPTIONS } from '../../pipeline/ingest/readWorkbook.ts';
import { lastFallbackReason, readXlsxStream } from '../../pipeline/ingest/xlsxStream.ts';

const KEYS = ['t', 'v', 'z', 'f', 'F', 'c', 'l'] as const;

/** Where two workbooks differ in what ingest reads, or undefined when they do not. */
export function workbookDifference(streamed: XLSX.WorkBook, careful: XLSX.WorkBook): string | undefined {
  if (JSON.stringify(streamed.SheetNames) !== JSON.stringify(careful.SheetNames)) {
    return `sheet names ${JSON.stringify(streamed.SheetNames)} vs ${JSON.stringify(careful.SheetNames)}`;
  }
  for (const name of careful.SheetNames) {
    const a = streamed.Sheets[name];
    const b = careful.Sheets[name];
    if (!a || !b) {
      if (a !== b) return `sheet ${name}: present in only one`;
      continue;
    }
    const rowsA = (a['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    const rowsB = (b['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    if (rowsA.length !== rowsB.length) return `${name}: ${rowsA.length} vs ${rowsB.length} rows`;
    for (let r = 0; r < rowsB.length; r++) {
      const rowA = rowsA[r];
      const rowB = rowsB[r];
      if (!rowA || !rowB) {
        if (!rowA !== !rowB) return `${name} row ${r + 1}: present in only one`;
        continue;
      }
      if (rowA.length !== rowB.length) return `${name} row ${r + 1}: ${rowA.length} vs ${rowB.length} columns`;
      for (let c = 0; c < rowB.length; c++) {
        const cellA = rowA[c] as Record<string, unknown> | undefined;
        const cellB = rowB[c] as Record<string, unknown> | undefined;
        const at = `${name}!${XLSX.utils.encode_cell({ r, c })}`;
        if (!cellA || !cellB) {
          if (!cellA !== !cellB) return `${at}: present in only one`;
          continue;
        }
        for (const key of KEYS) {
          if (!Object.is(cellA[key], cellB[key])) return `${at}: ${key} ${JSON.stringify(cellA[key])} vs ${JSON.stringify(cellB[key])}`;
        }
      }
    }
    if (JSON.stringify(a['!merges'] ?? null) !== JSON.stringify(b['!merges'] ?? null)) return `${name}: merges differ`;
    if (hiddenIndices(a['!rows']) !== hiddenIndices(b['!rows'])) return `${name}: hidden rows ${hiddenIndices(a['!rows'])} vs ${hiddenIndices(b['!rows'])}`;
    if (hiddenIndices(a['!cols']) !== hiddenIndices(b['!cols'])) return `${name}: hidden columns ${hiddenIndices(a['!cols'])} vs ${hiddenIndices(b['!cols'])}`;
  }
  const states = (book: XLSX.WorkBook) => JSON.stringify(book.SheetNames.map((name) => book.Workbook?.Sheets?.find((s) => s.name === name)?.Hidden ?? 0));
  if (states(streamed) !== states(careful)) return `sheet states ${states(streamed)} vs ${states(careful)}`;
  return undefined;
}

function hiddenIndices(marks: { hidden?: boolean }[] | undefined): string {
  return Object.keys(marks ?? {}).filter((i) => marks![Number(i)]?.hidden).join(',');
}

export interface ReadBoth {
  /** The streaming reader's workbook, or undefined when it left the file to SheetJS. */
  streamed: XLSX.WorkBook | undefined;
  /** Why it did, when it did. */
  reason: string;
  /** SheetJS on the inflated parts, or undefined when the careful path refuses the file. */
  careful: XLSX.WorkBook | undefined;
  difference: string | undefined;
}

/** Reads an xlsx both ways. */
export function readBoth(bytes: Uint8Array, limits: ContainerLimits = DEFAULT_LIMITS): ReadBoth {
  const check = inspectContainer(bytes, 'test.xlsx', limits);
  if (!check.ok || check.kind !== 'xlsx' || !check.parts) throw new Error('not an xlsx the gate accepts');
  const streamed = readXlsxStream(bytes, check.parts, limits);
  const reason = lastFallbackReason;
  const inflated = inflateParts(bytes, check.parts, 'test.xlsx', limits);
  let careful: XLSX.WorkBook | undefined;
  try {
    careful = inflated.ok ? XLSX.read(inflated.zip, { ...READ_OPTIONS, type: 'buffer' }) : undefined;
    if (careful && inflated.ok) markHiddenXlsx(careful, inflated.files);
  } catch {
    careful = undefined;
  }
  const difference = streamed && careful ? workbookDifference(streamed, careful) : streamed && !careful ? 'streamed a workbook SheetJS refuses' : undefined;
  return { streamed, reason, careful, difference };
}
