import type { TableSchema, TableSchemaField } from '../../package/DataPackage.ts';
import type { SchemaChange } from './ChangeSet.ts';

type Constraints = NonNullable<TableSchemaField['constraints']>;

function constraintChanges(name: string, before: Constraints, after: Constraints): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const say = (tightened: boolean, what: string, ja: string) =>
    changes.push({
      kind: tightened ? 'constraint-tightened' : 'constraint-loosened',
      field: name,
      breaking: tightened,
      detail: { ja: `${name}: ${ja}`, en: `${name}: ${what}` },
    });
  if (Boolean(before.required) !== Boolean(after.required)) say(Boolean(after.required), after.required ? 'now required' : 'no longer required', after.required ? '必須になりました' : '必須でなくなりました');
  if (Boolean(before.unique) !== Boolean(after.unique)) say(Boolean(after.unique), after.unique ? 'now unique' : 'no longer unique', after.unique ? '一意になりました' : '一意でなくなりました');
  for (const key of ['minimum', 'minLength'] as const) {
    if (before[key] === after[key]) continue;
    const tighter = after[key] !== undefined && (before[key] === undefined || after[key] > before[key]);
    say(tighter, `${key} ${String(before[key] ?? '-')} → ${String(after[key] ?? '-')}`, `${key} ${String(before[key] ?? '-')} → ${String(after[key] ?? '-')}`);
  }
  for (const key of ['maximum', 'maxLength'] as const) {
    if (before[key] === after[key]) continue;
    const tighter = after[key] !== undefined && (before[key] === undefined || after[key] < before[key]);
    say(tighter, `${key} ${String(before[key] ?? '-')} → ${String(after[key] ?? '-')}`, `${key} ${String(before[key] ?? '-')} → ${String(after[key] ?? '-')}`);
  }
  if (before.pattern !== after.pattern) say(after.pattern !== undefined, `pattern ${before.pattern ?? '-'} → ${after.pattern ?? '-'}`, `pattern ${before.pattern ?? '-'} → ${after.pattern ?? '-'}`);
  const beforeEnum = before.enum?.map(String);
  const afterEnum = after.enum?.map(String);
  if (JSON.stringify(beforeEnum) !== JSON.stringify(afterEnum)) {
    const dropped = afterEnum ? (beforeEnum ?? []).filter((v) => !afterEnum.includes(v)) : [];
    const tighter = afterEnum !== undefined && (beforeEnum === undefined || dropped.length > 0);
    say(tighter, `allowed values ${beforeEnum?.join('/') ?? 'any'} → ${afterEnum?.join('/') ?? 'any'}`, `選べる値 ${beforeEnum?.join('・') ?? '制限なし'} → ${afterEnum?.join('・') ?? '制限なし'}`);
  }
  return changes;
}

/** What changed between two Table Schemas, each change marked breaking (MAJOR) or not (MINOR). */
export function diffSchemas(before: TableSchema, after: TableSchema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const afterByName = new Map(after.fields.map((f) => [f.name, f]));
  const beforeNames = new Set(before.fields.map((f) => f.name));
  for (const field of before.fields) {
    const next = afterByName.get(field.name);
    if (!next) {
      changes.push({ kind: 'field-removed', field: field.name, breaking: true, detail: { ja: `項目 ${field.name} が削除されました`, en: `field ${field.name} removed` } });
      continue;
    }
    if (next.type !== field.type) {
      changes.push({ kind: 'field-retyped', field: field.name, breaking: true, detail: { ja: `項目 ${field.name} の型が ${field.type} から ${next.type} に変わりました`, en: `field ${field.name} retyped ${field.type} → ${next.type}` } });
    }
    changes.push(...constraintChanges(field.name, field.constraints ?? {}, next.constraints ?? {}));
  }
  for (const field of after.fields) {
    if (!beforeNames.has(field.name)) {
      changes.push({ kind: 'field-added', field: field.name, breaking: false, detail: { ja: `項目 ${field.name} が追加されました`, en: `field ${field.name} added` } });
    }
  }
  const kept = before.fields.map((f) => f.name).filter((n) => afterByName.has(n));
  const keptAfter = after.fields.map((f) => f.name).filter((n) => beforeNames.has(n));
  if (kept.join(',') !== keptAfter.join(',')) {
    changes.push({ kind: 'fields-reordered', breaking: true, detail: { ja: '項目の順番が変わりました', en: 'fields reordered' } });
  }
  if (before.primaryKey.join(',') !== after.primaryKey.join(',')) {
    changes.push({ kind: 'primary-key-changed', breaking: true, detail: { ja: `主キーが ${before.primaryKey.join(',')} から ${after.primaryKey.join(',')} に変わりました`, en: `primary key ${before.primaryKey.join(',')} → ${after.primaryKey.join(',')}` } });
  }
  return changes;
}
