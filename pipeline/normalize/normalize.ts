import type { ColumnDefinition, Dataset, RelistMarkerColumn } from '../dataset/DatasetDefinition.ts';
import type { IngestedTable } from '../ingest/Table.ts';
import { ChangeLog, type ChangedColumn } from './CellChanges.ts';
import { locate, type Problem } from '../problem/Problem.ts';
import { emptyValues, type NormalizedTable, type RecordRow } from './RecordRow.ts';
import { fieldsOfColumn } from '../dataset/columns.ts';
import { readCell, type CellReading } from './readCell.ts';
import type { SourceCell } from '../ingest/Table.ts';
import { columnLetter } from '../ingest/sheetCells.ts';

export const RELIST_LINK_RULE = 'relist/link';

/**
 * Sets of field names, one per distinct combination, shared by every record that has it: a million
 * rows with an empty summary need one set, not a million. Never modified once made.
 */
class FieldSets {
  private readonly known = new Map<string, ReadonlySet<string>>();
  static readonly NONE: ReadonlySet<string> = new Set();

  of(fields: readonly string[]): ReadonlySet<string> {
    if (fields.length === 0) return FieldSets.NONE;
    const key = fields.join('\u0000');
    let set = this.known.get(key);
    if (!set) {
      set = new Set(fields);
      // Past this many combinations, a record keeps its own set.
      if (this.known.size < 1000) this.known.set(key, set);
    }
    return set;
  }
}

/** Cell text → clean values, every change recorded with its cell. */
export function normalizeTable(table: IngestedTable, dataset: Dataset): NormalizedTable {
  const sheet = table.sheet;
  const changes = new ChangeLog();
  const problems: Problem[] = [];
  const colOf = dataset.columns.map((definition) => table.columns.find((c) => c.definition === definition)?.col);
  const columns = dataset.columns;
  const letters = columnLettersOfFields(dataset, colOf);
  // Where each column's changes are recorded: its letter and the (first) field read from it.
  const changed = columns.map((definition, i): ChangedColumn | undefined => {
    const col = colOf[i];
    return col === undefined ? undefined : { letter: columnLetter(col), field: fieldsOfColumn(definition)[0]! };
  });
  const remembered = columns.map(() => new Map<string, CellReading>());
  const fieldSets = new FieldSets();
  // The current record's empty and unreadable fields, gathered before their shared sets are looked up.
  const blank: string[] = [];
  const unreadable: string[] = [];
  const records: RecordRow[] = table.rows.map((row) => {
    const record: RecordRow = { row: row.row, values: emptyValues(), columns: letters, blank: FieldSets.NONE, unreadable: FieldSets.NONE, relisted: false };
    const cells = row.cells;
    blank.length = 0;
    unreadable.length = 0;
    for (let i = 0; i < columns.length; i++) {
      const definition = columns[i]!;
      const cell = cells[i];
      const col = colOf[i];
      const reading = readRemembered(remembered[i]!, definition, cell, dataset);
      const mainField = reading.values[0]![0];
      // A column missing from the sheet is reported once (missing-label), not again in every row.
      const absent = col === undefined;
      for (let k = 0; k < reading.values.length; k++) {
        const [field, value] = reading.values[k]!;
        record.values[field] = value;
        if (reading.blank && !absent) blank.push(field);
        if (reading.unreadable || (absent && !definition.optional)) unreadable.push(field);
      }
      record.relisted ||= reading.relisted;
      if (col === undefined) continue;
      if (reading.changes.length > 0) changes.add(row.row, changed[i]!, reading.changes);
      if (reading.findings.length === 0) continue;
      // Made only when something is reported about the cell: most cells need no address at all.
      const at = columnLetter(col) + row.row;
      const text = cell?.value === null || cell?.value === undefined ? undefined : String(cell.value);
      for (const finding of reading.findings) {
        problems.push(locate(finding, { sheet, cell: at, row: row.row, field: mainField, ...(text !== undefined ? { value: text } : {}) }));
      }
    }
    record.blank = fieldSets.of(blank);
    record.unreadable = fieldSets.of(unreadable);
    return record;
  });
  linkRelisted(records, dataset, changes);
  return { sheet, asOf: table.asOf, records, changes, problems };
}

/** Readings kept per column; past this many, new texts are read but not kept (a column of unique texts gains nothing). */
const REMEMBERED_PER_COLUMN = 10_000;

/**
 * readCell, done once per distinct text in a column: most text in a sheet repeats (a status, a
 * pillar, a department), and a text cell's reading depends on nothing but its text and its column.
 * Readings are shared, never changed.
 */
function readRemembered(memory: Map<string, CellReading>, column: ColumnDefinition, cell: SourceCell | undefined, dataset: Dataset): CellReading {
  const text = cell?.value;
  if (typeof text !== 'string') return readCell(column, cell, dataset);
  const known = memory.get(text);
  if (known) return known;
  const reading = readCell(column, cell, dataset);
  if (memory.size < REMEMBERED_PER_COLUMN) memory.set(text, reading);
  return reading;
}

/** Field → column letter, for the fields of the columns the sheet has. */
function columnLettersOfFields(dataset: Dataset, colOf: (number | undefined)[]): Record<string, string> {
  const letters = emptyValues() as Record<string, string>;
  dataset.columns.forEach((definition, i) => {
    const col = colOf[i];
    if (col !== undefined) for (const field of fieldsOfColumn(definition)) letters[field] = columnLetter(col);
  });
  return letters;
}

/** Each re-listed row gets the key of the first other row with the same name, preferring rows that are not re-listed. */
function linkRelisted(records: RecordRow[], dataset: Dataset, changes: ChangeLog): void {
  const column = dataset.columns.find((c): c is RelistMarkerColumn => c.rule === 'relist-marker');
  if (!column) return;
  // Only names that some re-listed row carries can be looked up below.
  const relistedNames = new Set<string>();
  for (const record of records) if (record.relisted) relistedNames.add(String(record.values[column.field]));
  if (relistedNames.size === 0) return;
  const byName = new Map<string, RecordRow[]>();
  for (const record of records) {
    const name = record.values[column.field];
    if (typeof name !== 'string' || !relistedNames.has(name)) continue;
    const list = byName.get(name) ?? [];
    list.push(record);
    byName.set(name, list);
  }
  // Every record has the same column letters: the link is recorded on the name's column.
  const letter = records[0]?.columns[column.field];
  const linked: ChangedColumn | undefined = letter === undefined ? undefined : { letter, field: column.relistedFrom };
  for (const record of records) {
    if (!record.relisted) continue;
    const candidates = (byName.get(String(record.values[column.field])) ?? []).filter((r) => r !== record);
    const original = candidates.find((r) => !r.relisted) ?? candidates[0];
    const key = original?.values[dataset.primaryKey];
    if (key === null || key === undefined) continue;
    record.values[column.relistedFrom] = key;
    if (linked) changes.add(record.row, linked, [{ rule: RELIST_LINK_RULE, before: '', after: String(key) }]);
  }
}
