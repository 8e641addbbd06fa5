import { SheetCell } from './sheetCells.ts';
import type { SourceCell, TableRow } from './Table.ts';

type Value = SourceCell['value'];

/**
 * A data row kept as its cells' values: a million-row table would otherwise hold ten million cell
 * objects from ingest until the report is made. `cells` makes the SourceCells each time it is asked
 * (so read it once per row); cells that carry more than a value (a formula, a number format, a merged
 * range's origin) are kept as they are.
 */
export class CompactRow implements TableRow {
  private readonly values: (Value | undefined)[];
  private kept?: (SourceCell | undefined)[];

  constructor(
    readonly row: number,
    /** Sheet column of each declared column (undefined where absent): one array shared by every row. */
    private readonly cols: readonly (number | undefined)[],
    cells: readonly (SourceCell | undefined)[],
  ) {
    this.values = new Array<Value | undefined>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === undefined) continue;
      if (cell.formula === undefined && cell.format === undefined && cell.mergedFrom === undefined) this.values[i] = cell.value;
      else (this.kept ??= new Array<SourceCell | undefined>(cells.length))[i] = cell;
    }
  }

  get cells(): (SourceCell | undefined)[] {
    const cells = new Array<SourceCell | undefined>(this.cols.length);
    for (let i = 0; i < this.cols.length; i++) {
      const kept = this.kept?.[i];
      const value = this.values[i];
      const col = this.cols[i];
      cells[i] = kept ?? (value === undefined || col === undefined ? undefined : new SheetCell(this.row, col, value));
    }
    return cells;
  }
}
