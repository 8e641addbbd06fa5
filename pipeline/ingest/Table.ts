import type { ColumnDefinition } from '../dataset/DatasetDefinition.ts';
import type { Problem } from '../problem/Problem.ts';

/** One cell as the workbook stores it, with its address. */
export interface SourceCell {
  /** A1 address. */
  address: string;
  /** 1-based sheet row. */
  row: number;
  /** 0-based column index. */
  col: number;
  /** Stored value: a number for numeric (and date) cells, text otherwise; null when empty. */
  value: string | number | boolean | null;
  /** Formula text when the cell holds one (without the leading `=`). */
  formula?: string;
  /** Number format (e.g. `#,##0`, a date format). */
  format?: string;
  /** Address of the merged range's top-left cell this value was filled from. */
  mergedFrom?: string;
}

export type IngestEventKind =
  | 'sheet-selected'
  | 'title-found'
  | 'as-of-from-title'
  | 'as-of-declared'
  | 'header-found'
  | 'merged-cells-filled'
  | 'merged-cells-not-filled'
  | 'blank-row-skipped'
  | 'header-repeated-skipped'
  | 'title-repeated-skipped'
  | 'totals-row-skipped'
  | 'note-kept'
  | 'extra-column-ignored'
  | 'unlabeled-column-ignored'
  | 'comment-ignored'
  | 'hidden-sheet-published'
  | 'hidden-rows-published'
  | 'hidden-columns-published'
  | 'hidden-sheet-dropped'
  | 'hidden-rows-dropped'
  | 'hidden-columns-dropped';

/** Something ingest did to read the sheet: recorded, never silent. */
export interface IngestEvent {
  kind: IngestEventKind;
  sheet: string;
  cell?: string;
  row?: number;
  /** Last row of a run of rows (blank-row-skipped), when the run is longer than one. */
  toRow?: number;
  /** What was seen (a label, a range, the note's text, the date as written). */
  detail: string;
}

export interface TableColumn {
  definition: ColumnDefinition;
  /** The label as written in the sheet. */
  label: string;
  col: number;
  /** Address of the header cell. */
  address: string;
}

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  /**
   * One entry per declared column, in declaration order; undefined when the column is absent or the
   * cell empty. May be made afresh on each read (CompactRow): read it once per row.
   */
  readonly cells: (SourceCell | undefined)[];
}

export interface Note {
  cell: string;
  row: number;
  text: string;
}

/** What ingest hands to normalize: the declared columns' cells, row by row, with everything it noticed. */
export interface IngestedTable {
  sheet: string;
  title?: string;
  /** ISO date (YYYY-MM-DD), or null when neither the title nor the definition gives one (then `problems` says so). */
  asOf: string | null;
  headerRow: number;
  columns: TableColumn[];
  rows: TableRow[];
  /** Rows the definition declares as totals rows (「合計」): not data, kept to check the sums. */
  totalsRows?: TableRow[];
  notes: Note[];
  events: IngestEvent[];
  problems: Problem[];
}
