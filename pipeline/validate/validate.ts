import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { IngestedTable } from '../ingest/Table.ts';
import type { NormalizedTable } from '../normalize/RecordRow.ts';
import type { ProblemSink } from '../problem/ProblemSink.ts';
import { checkBlankCells } from './blankCells.ts';
import { checkCellSafety } from './cellSafety.ts';
import { checkPrimaryKey } from './primaryKey.ts';
import { checkRelisted } from './relist.ts';
import { validateAgainstSchema } from './schema.ts';
import { checkRowSums } from './rowSums.ts';
import { checkTotalsRows } from './totalsRow.ts';

/** Everything the records must satisfy beyond what ingest and normalize already reported. */
export function validateTable(table: IngestedTable, normalized: NormalizedTable, dataset: Dataset, out: ProblemSink): void {
  const { records } = normalized;
  const sheet = table.sheet;
  checkCellSafety(table, records, dataset, out);
  validateAgainstSchema(records, dataset, sheet, out);
  checkPrimaryKey(records, dataset, sheet, out);
  checkRelisted(records, dataset, sheet, out);
  checkBlankCells(records, dataset, sheet, out);
  checkRowSums(records, dataset, sheet, out);
  checkTotalsRows(table, records, dataset, out);
}
