import { SheetCell } from './sheetCells.ts';
import type { SourceCell, TableRow } from './Table.ts';

type Value = SourceCell['value'];
type Formats = readonly (string | undefined)[];

/**
 * A data row kept as its cells' values: a million-row table would otherwise hold ten million cell
 * objects from ingest until the report is made. `cells` makes the SourceCells each time it is asked
 * (so read it once per row). Number formats are kept as one array per distinct pattern, shared by
 * the rows that have it; cells with a formula or filled from a merged range are kept as they are.
 */
export class CompactRow implements TableRow {
  private readonly values: (Value | undefined)[];
  private formats?: Formats;
  private kept?: (SourceCell | undefined)[];

  constructor(
    readonly row: number,
    /** Sheet column of each declared column (undefined where absent): one array shared by every row. */
    private readonly cols: readonly (number | undefined)[],
    cells: readonly (SourceCell | undefined)[],
    patterns: FormatPatterns,
  ) {
    this.values = new Array<Value | undefined>(cells.length);
    let formats: (string | undefined)[] | undefined;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === undefined) continue;
      if (cell.formula !== undefined || cell.mergedFrom !== undefined) {
        (this.kept ??= new Array<SourceCell | undefined>(cells.length))[i] = cell;
        continue;
      }
      this.values[i] = cell.value;
      if (cell.format !== undefined) (formats ??= new Array<string | undefined>(cells.length))[i] = cell.format;
    }
    if (formats) this.formats = patterns.shared(formats);
  }

  get cells(): (SourceCell | undefined)[] {
    const cells = new Array<SourceCell | undefined>(this.cols.length);
    for (let i = 0; i < this.cols.length; i++) cells[i] = this.kept?.[i] ?? this.made(i);
    return cells;
  }

  /**
   * The cells whose value passes `test` (given the declared column's index), and every cell kept whole
   * (formulas, merged ranges): only those are made, so a check that looks at a few cells of each row
   * does not make them all.
   */
  cellsWhere(test: (value: Value, i: number) => boolean): SourceCell[] {
    const cells: SourceCell[] = [];
    for (let i = 0; i < this.cols.length; i++) {
      const kept = this.kept?.[i];
      if (kept !== undefined) {
        cells.push(kept);
        continue;
      }
      const value = this.values[i];
      if (value !== undefined && test(value, i)) cells.push(this.made(i)!);
    }
    return cells;
  }

  private made(i: number): SourceCell | undefined {
    const value = this.values[i];
    const col = this.cols[i];
    if (value === undefined || col === undefined) return undefined;
    const cell = new SheetCell(this.row, col, value);
    const format = this.formats?.[i];
    if (format !== undefined) cell.format = format;
    return cell;
  }
}

/** One array per distinct pattern of number formats in a row (most rows of a table share one or two). */
export class FormatPatterns {
  private last?: Formats;
  private readonly known = new Map<string, Formats>();

  shared(formats: (string | undefined)[]): Formats {
    if (this.last && sameFormats(this.last, formats)) return this.last;
    const key = JSON.stringify(formats);
    let known = this.known.get(key);
    if (!known) {
      // A sheet with thousands of patterns is not worth remembering them all.
      if (this.known.size >= 1000) return formats;
      this.known.set(key, (known = formats));
    }
    this.last = known;
    return known;
  }
}

function sameFormats(a: Formats, b: Formats): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
