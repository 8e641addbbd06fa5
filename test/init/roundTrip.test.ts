/**
 * `opendata init` on both committed workbooks, then only what it marks as names and titles replaced
 * by the committed ones (field names, titles, descriptions, publisher, licence, English labels):
 * the packages built from the drafts against those built from the committed definitions.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fieldsOfColumn } from '../../pipeline/dataset/columns.ts';
import type { ColumnDefinition, DatasetDefinitionFile, FieldSchema, RecordSchema } from '../../pipeline/dataset/DatasetDefinition.ts';
import { EXAMPLES, ROOT, runCli, tempDir } from '../helpers/project.ts';

type Definition = DatasetDefinitionFile & { guessed?: string[] };

const read = <T>(file: string): T => (file.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : parse(readFileSync(file, 'utf8'))) as T;

/** A project holding dataset.schema.json, one workbook, and (if given) one definition with its record schema. */
function projectWith(workbook: string, definition?: { name: string; yaml: string; schema: string }) {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'schema/datasets'), { recursive: true });
  mkdirSync(path.join(dir, 'sources'));
  copyFileSync(path.join(ROOT, 'schema/dataset.schema.json'), path.join(dir, 'schema/dataset.schema.json'));
  copyFileSync(workbook, path.join(dir, 'sources', path.basename(workbook)));
  if (definition) {
    writeFileSync(path.join(dir, `schema/datasets/${definition.name}.yaml`), definition.yaml);
    writeFileSync(path.join(dir, `schema/datasets/${definition.name}.record.schema.json`), definition.schema);
  }
  return { dir, flags: ['--schema', path.join(dir, 'schema'), '--sources', path.join(dir, 'sources')] };
}

/** The draft with every name and title replaced by the committed one; rules, types, keys, totals and sums kept as init guessed them. */
function reviewNamesAndTitles(draft: Definition, draftSchema: RecordSchema, committed: Definition, committedSchema: RecordSchema) {
  const rename = new Map<string, string>();
  for (const column of draft.columns) {
    const theirs = committed.columns.find((c) => c.label === column.label);
    if (theirs && fieldsOfColumn(theirs).length === fieldsOfColumn(column).length) fieldsOfColumn(column).forEach((field, i) => rename.set(field, fieldsOfColumn(theirs)[i]!));
  }
  const name = (field: string) => rename.get(field) ?? field;
  const columns = draft.columns.map((column): ColumnDefinition => {
    if (column.rule === 'numbered-label') return { ...column, fields: { number: name(column.fields.number), label: name(column.fields.label) } };
    if (column.rule === 'relist-marker') return { ...column, field: name(column.field), relistedFrom: name(column.relistedFrom), ...(column.sameAsOriginal ? { sameAsOriginal: column.sameAsOriginal.map(name) } : {}) };
    return { ...column, field: name(column.field), ...('sumOf' in column && column.sumOf ? { sumOf: column.sumOf.map(name) } : {}) };
  });
  const definition: Definition = {
    ...draft,
    title: committed.title,
    description: committed.description,
    ...(committed.keywords ? { keywords: committed.keywords } : {}),
    publisher: committed.publisher,
    license: committed.license,
    source: { ...draft.source, title: committed.source.title, ...(committed.source.url ? { url: committed.source.url } : {}) },
    primaryKey: name(draft.primaryKey),
    columns,
    ...(draft.totals ? { totals: draft.totals.map(name) } : {}),
    ...(draft.summary ? { summary: { ...draft.summary, groupBy: draft.summary.groupBy.map(name), ...(draft.summary.sum ? { sum: name(draft.summary.sum) } : {}) } } : {}),
  };
  const TITLES = ['title', 'description', 'x-title-en', 'x-description-en', 'x-enum-en'] as const;
  const properties: Record<string, FieldSchema> = {};
  for (const [field, schema] of Object.entries(draftSchema.properties)) {
    const committedField = name(field);
    const theirs = committedSchema.properties[committedField];
    const mine: FieldSchema = { ...schema };
    for (const key of TITLES) {
      delete mine[key];
      if (theirs?.[key] !== undefined) (mine as Record<string, unknown>)[key] = theirs[key];
    }
    properties[committedField] = mine;
  }
  const schema: RecordSchema = { ...draftSchema, title: committedSchema.title, required: (draftSchema.required ?? []).map(name), properties };
  return { definition, schema };
}

/** Every file of a package directory: JSON parsed, text as text. */
function packageFiles(dir: string): Map<string, unknown> {
  return new Map(readdirSync(dir).sort().map((f) => [f, f.endsWith('.json') ? JSON.parse(readFileSync(path.join(dir, f), 'utf8')) : readFileSync(path.join(dir, f), 'utf8')]));
}

/** Paths where two JSON values differ (`resources[0].schema.fields[3].constraints.enum`). */
function jsonDiff(a: unknown, b: unknown, at = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${at}[${k}]` : at ? `${at}.${k}` : k));
  }
  return [at];
}

async function roundTrip(name: string, workbookFile: string) {
  const workbook = path.join(EXAMPLES, 'sources', workbookFile);
  const drafting = projectWith(workbook);
  const out = path.join(drafting.dir, 'draft');
  const init = await runCli(['init', workbook, '--dataset', name, '--out', out, ...drafting.flags], drafting.dir);
  expect(init.code, init.stderr).toBe(0);
  const draft = read<Definition>(path.join(out, `${name}.yaml`));
  const draftSchema = read<RecordSchema>(path.join(out, `${name}.record.schema.json`));
  const committed = read<Definition>(path.join(EXAMPLES, `schema/datasets/${name}.yaml`));
  const committedSchema = read<RecordSchema>(path.join(EXAMPLES, `schema/datasets/${name}.record.schema.json`));
  const reviewed = reviewNamesAndTitles(draft, draftSchema, committed, committedSchema);

  const build = async (yaml: string, schema: string) => {
    const p = projectWith(workbook, { name, yaml, schema });
    const dir = path.join(p.dir, 'pkg');
    const result = await runCli(['build', path.join(p.dir, 'sources', workbookFile), '--out', dir, '--dataset', name, ...p.flags], p.dir);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    return { files: packageFiles(dir) };
  };
  const fromDraft = await build(stringify(reviewed.definition), JSON.stringify(reviewed.schema));
  const fromCommitted = await build(readFileSync(path.join(EXAMPLES, `schema/datasets/${name}.yaml`), 'utf8'), readFileSync(path.join(EXAMPLES, `schema/datasets/${name}.record.schema.json`), 'utf8'));
  const differences: Record<string, string[]> = {};
  for (const file of new Set([...fromDraft.files.keys(), ...fromCommitted.files.keys()])) {
    const a = fromDraft.files.get(file);
    const b = fromCommitted.files.get(file);
    if (typeof a === 'string' || typeof b === 'string') {
      if (a !== b) differences[file] = changedLines(String(a), String(b));
    } else {
      const paths = jsonDiff(a, b);
      if (paths.length > 0) differences[file] = paths;
    }
  }
  return { draft, reviewed: reviewed.definition, committed, differences };
}

describe('opendata init round trip', () => {
  it('covid19-call-center: names and titles aside, the draft builds the committed package but for the unit 件, which the sheet does not write', async () => {
    const { draft, reviewed, committed, differences } = await roundTrip('covid19-call-center', 'made-up-covid19-call-center-2021-03-31.xlsx');
    expect(draft.guessed).toEqual(expect.arrayContaining(['columns[0].rule', 'columns[5].sumOf', 'totalsRow', 'primaryKey']));
    // What init guessed beyond names is what the committed definition declares.
    expect(reviewed.columns).toEqual(committed.columns);
    expect({ primaryKey: reviewed.primaryKey, totalsRow: reviewed.totalsRow, totals: reviewed.totals }).toEqual({ primaryKey: committed.primaryKey, totalsRow: committed.totalsRow, totals: committed.totals });
    // The data files (CSV, JSON, Excel CSV), the attribution and CKAN's data are the same; only the unit differs.
    const units = [0, 1, 2].flatMap((r) => [3, 4, 5, 6, 7].map((f) => `resources[${r}].schema.fields[${f}].unit`));
    expect(Object.keys(differences).sort()).toEqual(['999997_covid19_call_center_ckan.json', '999997_covid19_call_center_dcat.jsonld', '999997_covid19_call_center_dictionary.md', 'datapackage.json']);
    expect(differences['datapackage.json']).toEqual(units);
    expect(differences['999997_covid19_call_center_ckan.json']).toEqual(units);
    expect(differences['999997_covid19_call_center_dictionary.md']).toHaveLength(5);
    for (const [mine, theirs] of pairs(differences['999997_covid19_call_center_dictionary.md']!)) expect(theirs.replace('| integer | 件 |', '| integer |  |')).toBe(mine);
    for (const [mine, theirs] of pairs(differences['999997_covid19_call_center_dcat.jsonld']!)) expect([mine, theirs].every((line) => /"@value": "[0-9a-f]+",?$/u.test(line))).toBe(true);
  });

  it('covid19-measures: names and titles aside, the draft builds the committed package but for 対策名 (guessed enum, declared text) and the summary order', async () => {
    const { reviewed, committed, differences } = await roundTrip('covid19-measures', 'hiratsuka-covid19-measures-2020-09-01.xlsx');
    const rules = (d: Definition) => d.columns.map((c) => `${c.label}:${c.rule}`);
    expect(rules(reviewed)).toEqual(rules(committed).map((r) => (r === '対策名:text' ? '対策名:enum' : r)));
    expect(reviewed.columns.filter((c) => c.label !== '対策名')).toEqual(committed.columns.filter((c) => c.label !== '対策名'));
    expect({ primaryKey: reviewed.primaryKey, totals: reviewed.totals }).toEqual({ primaryKey: committed.primaryKey, totals: committed.totals });
    const measurePackage = [0, 1, 2].flatMap((r) => [`resources[${r}].schema.fields[3].constraints.enum`, `resources[${r}].schema.fields[3].constraints.minLength`]);
    expect(Object.keys(differences).sort()).toEqual([
      '142034_covid19_measures_ckan.json',
      '142034_covid19_measures_dcat.jsonld',
      '142034_covid19_measures_dictionary.md',
      '142034_covid19_measures_summary.csv',
      'datapackage.json',
    ]);
    expect(differences['datapackage.json']).toEqual([...measurePackage, 'resources[3].hash']);
    expect(differences['142034_covid19_measures_ckan.json']).toEqual([...measurePackage, 'resources[3].hash']);
    // The summary holds the same rows; init groups in column order (対策名, 大柱・施策, 取組状況), the committed one by 取組状況 first.
    const summary = pairs(differences['142034_covid19_measures_summary.csv']!);
    expect(summary.map(([mine]) => mine).sort()).toEqual(summary.map(([, theirs]) => theirs).sort());
    expect(reviewed.summary?.groupBy).toEqual(['measure_package', 'pillar', 'status']);
    expect(committed.summary?.groupBy).toEqual(['status', 'measure_package', 'pillar']);
  });
});

/** Lines that differ between two texts, as `mine\u0000theirs`. */
function changedLines(mine: string, theirs: string): string[] {
  const a = mine.split('\n');
  const b = theirs.split('\n');
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i] ?? '', b[i] ?? ''] as const)
    .filter(([x, y]) => x !== y)
    .map(([x, y]) => `${x}\u0000${y}`);
}

const pairs = (lines: string[]) => lines.map((line) => line.split('\u0000') as [string, string]);
