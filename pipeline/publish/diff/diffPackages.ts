import type { FieldValue, Values } from '../../normalize/RecordRow.ts';
import type { DataPackage, TableSchema } from '../../package/DataPackage.ts';
import type { Bump, ChangeSet, Delta, RowChange, RowRef, SchemaChange, Transition } from './ChangeSet.ts';
import { diffSchemas } from './schemaDiff.ts';
import { describeChanges } from './describeChanges.ts';

/** A version as published: its descriptor and its records. */
export interface PublishedPackage {
  descriptor: DataPackage;
  records: Values[];
}

const tableSchema = (p: DataPackage): TableSchema => p.resources.find((r) => r.schema)!.schema!;

/** The field that names a row for people: the required text field with the most distinct values. */
function labelField(schema: TableSchema, records: Values[]): string | undefined {
  const candidates = schema.fields.filter((f) => f.type === 'string' && f.constraints?.required && !f.constraints.enum && !schema.primaryKey.includes(f.name));
  let best: { name: string; distinct: number } | undefined;
  for (const field of candidates) {
    const distinct = new Set(records.map((r) => r[field.name])).size;
    if (!best || distinct > best.distinct) best = { name: field.name, distinct };
  }
  return best?.name;
}

function keyOf(record: Values, primaryKey: string[]): string {
  return primaryKey.map((k) => String(record[k] ?? '')).join('|');
}

/** Descriptor without what necessarily changes with the data (version, sizes, hashes, summary). */
function metadataOf(descriptor: DataPackage): string {
  const { version: _version, summary: _summary, resources, ...rest } = descriptor;
  return JSON.stringify({ ...rest, resources: resources.map(({ bytes: _b, hash: _h, ...r }) => r) });
}

export function decideBump(change: Pick<ChangeSet, 'fromVersion' | 'schema' | 'asOf' | 'added' | 'removed' | 'changed' | 'metadataChanged'>): Bump {
  if (change.fromVersion === null) return 'initial';
  if (change.schema.some((c) => c.breaking)) return 'major';
  if (change.asOf.before !== change.asOf.after || change.added.length > 0 || change.schema.length > 0) return 'minor';
  if (change.removed.length > 0 || change.changed.length > 0 || change.metadataChanged) return 'patch';
  return 'none';
}

/** Compares two versions row by row (by primary key) and field by field. */
export function diffPackages(before: PublishedPackage | null, after: PublishedPackage): ChangeSet {
  const afterSchema = tableSchema(after.descriptor);
  const primaryKey = afterSchema.primaryKey;
  const label = labelField(afterSchema, after.records);
  const ref = (record: Values): RowRef => ({ key: keyOf(record, primaryKey), label: label ? String(record[label] ?? '') : '' });
  const titles = new Map(afterSchema.fields.map((f) => [f.name, f.title ?? f.name]));
  const schema: SchemaChange[] = before ? diffSchemas(tableSchema(before.descriptor), afterSchema) : [];

  const beforeByKey = new Map((before?.records ?? []).map((r) => [keyOf(r, primaryKey), r]));
  const afterKeys = new Set(after.records.map((r) => keyOf(r, primaryKey)));
  const beforeFields = new Set(before ? tableSchema(before.descriptor).fields.map((f) => f.name) : []);
  const common = afterSchema.fields.map((f) => f.name).filter((n) => beforeFields.has(n));

  const added: RowRef[] = [];
  const changed: RowChange[] = [];
  for (const record of after.records) {
    const old = beforeByKey.get(keyOf(record, primaryKey));
    if (!before) continue;
    if (!old) {
      added.push(ref(record));
      continue;
    }
    const fields = common
      .filter((f) => (old[f] ?? null) !== (record[f] ?? null))
      .map((f) => ({ field: f, title: titles.get(f) ?? f, old: old[f] ?? null, new: record[f] ?? null }));
    if (fields.length > 0) changed.push({ ...ref(record), fields });
  }
  const removed = (before?.records ?? []).filter((r) => !afterKeys.has(keyOf(r, primaryKey))).map(ref);

  const enumFields = afterSchema.fields.filter((f) => f.constraints?.enum).map((f) => f.name);
  const transitions: Transition[] = [];
  for (const row of changed) {
    for (const change of row.fields.filter((c) => enumFields.includes(c.field))) {
      let transition = transitions.find((t) => t.field === change.field && t.from === change.old && t.to === change.new);
      if (!transition) {
        transition = { field: change.field, title: change.title, from: change.old, to: change.new, rows: [] };
        transitions.push(transition);
      }
      transition.rows.push({ key: row.key, label: row.label });
    }
  }

  const summed = Object.keys(after.descriptor.summary.totals);
  const deltas: Delta[] = summed.flatMap((field) => {
    const rows = changed.flatMap((row) =>
      row.fields.filter((c) => c.field === field).map((c) => ({ key: row.key, label: row.label, old: asNumber(c.old), new: asNumber(c.new) })),
    );
    if (rows.length === 0) return [];
    return [{ field, title: titles.get(field) ?? field, delta: rows.reduce((sum, r) => sum + (r.new ?? 0) - (r.old ?? 0), 0), rows }];
  });
  const totals = summed.map((field) => ({
    field,
    title: titles.get(field) ?? field,
    before: before?.descriptor.summary.totals[field] ?? null,
    after: after.descriptor.summary.totals[field]!,
  }));

  const partial = {
    dataset: after.descriptor.name,
    fromVersion: before?.descriptor.version ?? null,
    asOf: { before: before?.descriptor.summary.asOf ?? null, after: after.descriptor.summary.asOf },
    rows: { before: before?.records.length ?? 0, after: after.records.length },
    schema,
    added,
    removed,
    changed,
    transitions,
    deltas,
    totals,
    metadataChanged: before !== null && metadataOf(before.descriptor) !== metadataOf(after.descriptor),
  };
  const bump = decideBump(partial);
  const changeSet: ChangeSet = { ...partial, toVersion: after.descriptor.version, bump, summary: { ja: '', en: '' } };
  changeSet.summary = describeChanges(changeSet);
  return changeSet;
}

function asNumber(value: FieldValue): number | null {
  return typeof value === 'number' ? value : null;
}
