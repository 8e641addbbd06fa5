import * as XLSX from 'xlsx';
import type { SheetGrid } from './sheetCells.ts';
import type { IngestEvent, SourceCell } from './Table.ts';

/**
 * What the sheet holds that ingest does not read, recorded so the report can say so: cell comments
 * (notes), and columns that hold values in data rows but have no label in the header row. Data rows
 * are shown to it one at a time (`dataRow`), as ingest reads them.
 */
export function sheetObserver(grid: SheetGrid, headerRow: number): { dataRow(cells: readonly SourceCell[]): void; events(): IngestEvent[] } {
  const sheet = grid.name;
  const labelled = new Set(grid.rowCells(headerRow).map((cell) => cell.col));
  // Column → first and last address of an unlabelled value.
  const unlabelled = new Map<number, { first: string; last: string }>();
  return {
    dataRow(cells) {
      for (const cell of cells) {
        if (labelled.has(cell.col) || cell.mergedFrom !== undefined) continue;
        const seen = unlabelled.get(cell.col);
        if (seen) seen.last = cell.address;
        else unlabelled.set(cell.col, { first: cell.address, last: cell.address });
      }
    },
    events() {
      const events: IngestEvent[] = grid.comments.map((c) => ({ kind: 'comment-ignored', sheet, cell: c.address, row: c.row, detail: c.text }));
      for (const [col, { first, last }] of [...unlabelled].sort(([a], [b]) => a - b)) {
        events.push({
          kind: 'unlabeled-column-ignored',
          sheet,
          row: headerRow,
          cell: XLSX.utils.encode_cell({ r: headerRow - 1, c: col }),
          detail: first === last ? first : `${first}:${last}`,
        });
      }
      return events;
    },
  };
}
