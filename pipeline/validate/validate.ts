import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { IngestedTable } from '../ingest/Table.ts';
import type { NormalizedTable } from '../normalize/RecordRow.ts';
import type { Problem } from '../problem/Problem.ts';
import { checkBlankCells } from './blankCells.ts';
import { checkCellSafety } from './cellSafety.ts';
import { checkPrimaryKey } from './primaryKey.ts';
import { checkRelisted } from './relist.ts';
import { validateAgainstSchema } from './schema.ts';
import { checkRowSums } from './rowSums.ts';
import { checkTotalsRows } from './totalsRow.ts';

/** Everything the records must satisfy beyond what ingest and normalize already reported. */
export function validateTable(table: IngestedTable, normalized: NormalizedTable, dataset: Dataset): Problem[] {
  const { records } = normalized;
  const sheet = table.sheet;
  return [
    ...checkCellSafety(table, records),
    ...validateAgainstSchema(records, dataset, sheet),
    ...checkPrimaryKey(records, dataset, sheet),
    ...checkRelisted(records, dataset, sheet),
    ...checkBlankCells(records, dataset, sheet),
    ...checkRowSums(records, dataset, sheet),
    ...checkTotalsRows(table, records, dataset),
  ];
}
