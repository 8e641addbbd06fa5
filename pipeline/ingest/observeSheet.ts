import * as XLSX from 'xlsx';
import type { SheetGrid } from './sheetCells.ts';
import type { IngestEvent, TableRow } from './Table.ts';

/**
 * What the sheet holds that ingest does not read, recorded so the report can say so: cell comments
 * (notes), and columns that hold values in data rows but have no label in the header row.
 */
export function observeSheet(grid: SheetGrid, headerRow: number, rows: TableRow[]): IngestEvent[] {
  const sheet = grid.name;
  const events: IngestEvent[] = grid.comments.map((c) => ({ kind: 'comment-ignored', sheet, cell: c.address, row: c.row, detail: c.text }));
  const labelled = new Set(grid.rowCells(headerRow).map((cell) => cell.col));
  const unlabelled = new Map<number, string[]>();
  for (const { row } of rows) {
    for (const cell of grid.rowCells(row)) {
      if (labelled.has(cell.col) || cell.mergedFrom !== undefined) continue;
      const addresses = unlabelled.get(cell.col) ?? [];
      addresses.push(cell.address);
      unlabelled.set(cell.col, addresses);
    }
  }
  for (const [col, addresses] of [...unlabelled].sort(([a], [b]) => a - b)) {
    const first = addresses[0]!;
    const last = addresses[addresses.length - 1]!;
    events.push({
      kind: 'unlabeled-column-ignored',
      sheet,
      row: headerRow,
      cell: XLSX.utils.encode_cell({ r: headerRow - 1, c: col }),
      detail: first === last ? first : `${first}:${last}`,
    });
  }
  return events;
}
