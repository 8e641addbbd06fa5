/** One change a rule made to a text, before the caller knows which cell it was. */
export interface Change {
  /** Name of the rule, e.g. `width/fullwidth-ascii`, `space/japanese-line-break`. */
  rule: string;
  before: string;
  after: string;
}

/** One recorded change to a cell: nothing is rewritten silently. */
export interface Normalization extends Change {
  sheet: string;
  cell: string;
  row: number;
  field: string;
}
