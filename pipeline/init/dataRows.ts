import { NOTE_PREFIX } from '../ingest/ingest.ts';
import { labelKey } from '../ingest/labelKey.ts';
import { cellText, type SheetGrid } from '../ingest/sheetCells.ts';
import type { SourceCell } from '../ingest/Table.ts';
import type { HeaderGuess } from './headerRow.ts';

/** Labels that mark a totals row (and, as a column label, a 合計 column). */
export const TOTAL_LABELS = ['合計', '総計', '計', '総数'];

export const isTotalLabel = (text: string): boolean => TOTAL_LABELS.includes(labelKey(text));

export interface SheetRows {
  /** Data rows: per row, one cell (or undefined) per header label, in label order. */
  rows: { row: number; cells: (SourceCell | undefined)[] }[];
  /** The label of the first totals row (「合計」) below the data, if there is one. */
  totalsLabel?: string;
}

/**
 * The rows under the header as ingest will read them: blank rows, notes (※…), repeated headers and
 * totals rows (first cell 「合計」 and some numbers) are not data.
 */
export function dataRows(grid: SheetGrid, header: HeaderGuess): SheetRows {
  const headerKeys = header.labels.map((l) => labelKey(l.label)).join('\u0000');
  const result: SheetRows = { rows: [] };
  for (let row = header.row + 1; row <= grid.lastRow; row++) {
    const filled = grid.rowCells(row);
    const first = filled[0];
    if (!first) continue;
    if (filled.length === 1 && NOTE_PREFIX.test(cellText(first).trim())) continue;
    if (isTotalLabel(cellText(first)) && filled.some((c) => typeof c.value === 'number')) {
      result.totalsLabel ??= cellText(first).trim();
      continue;
    }
    const cells = header.labels.map((l) => grid.cellAt(row, l.col));
    if (cells.map((c) => labelKey(cellText(c))).join('\u0000') === headerKeys) continue;
    result.rows.push({ row, cells });
  }
  return result;
}
