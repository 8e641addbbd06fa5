/** Every built descriptor is checked against the official Data Package v2 profiles (vendored); one that fails is never written. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import { descriptorProblems } from '../../pipeline/package/checkDescriptor.ts';
import type { DataPackage } from '../../pipeline/package/DataPackage.ts';
import { createProfileAjv, PROFILE_DIR } from '../../pipeline/package/profileAjv.ts';
import { processWorkbook } from '../../pipeline/process.ts';
import { declaredProject, loadDeclared, madeUpDefinition } from '../fixtures/declaredProject.ts';
import { runCli, tempDir } from '../helpers/project.ts';

const NAME = 'ward-counts';
const FILE = 'wards.xlsx';
const PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

const recordSchema = {
  type: 'object',
  required: ['ward', 'kind', 'people'],
  properties: {
    ward: { type: 'string', title: '区' },
    kind: { type: 'string', enum: ['大人', '子ども'], 'x-enum-en': ['adults', 'children'], title: '区分' },
    people: { type: ['integer', 'null'], minimum: 0, title: '人数', 'x-unit': '人' },
  },
};

function definition(extra: object = {}): object {
  return madeUpDefinition(NAME, FILE, {
    keywords: ['人数'],
    asOf: '2021-04-01',
    primaryKey: 'ward',
    columns: [
      { label: '区', field: 'ward', rule: 'text' },
      { label: '区分', field: 'kind', rule: 'enum' },
      { label: '人数', field: 'people', rule: 'integer' },
    ],
    totals: ['people'],
    summary: { groupBy: ['kind'], sum: 'people' },
    ...extra,
  });
}

function workbook(): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([['区別の人数（架空のデータ）'], ['区', '区分', '人数'], ['東区', '大人', 10], ['西区', '子ども', 20]]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '人数');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const project = (extra: object = {}) => declaredProject({ name: NAME, definition: definition(extra), recordSchema, workbooks: { [FILE]: workbook() } });

function built(extra: object = {}) {
  const dataset = loadDeclared(project(extra));
  const { report, records } = processWorkbook(workbook(), FILE, dataset);
  expect(report.errors).toEqual([]);
  return buildPackage({ dataset, records, asOf: report.asOf!, version: '1.0.0' });
}

const profile = (name: string) => JSON.parse(readFileSync(path.join(PROFILE_DIR, name), 'utf8')) as Record<string, unknown>;
/** A profile as it is held inside another: the same but for its `$schema` default and its place in an editor. */
const embedded = ({ $schema: _, propertyOrder: __, ...rest }: Record<string, unknown>) => rest;
const where = { file: 'datapackage.json', definition: `schema/datasets/${NAME}.yaml` };

describe('the vendored Data Package v2 profiles', () => {
  it('are the four official profiles, the package profile holding the other three unchanged (so one check applies all four)', () => {
    expect(readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(['datapackage.json', 'dataresource.json', 'tabledialect.json', 'tableschema.json']);
    const resource = (profile('datapackage.json').properties as { resources: { items: Record<string, unknown> } }).resources.items;
    expect(embedded(resource)).toEqual(embedded(profile('dataresource.json')));
    const parts = resource.properties as Record<string, Record<string, unknown>>;
    expect(embedded(parts.schema!)).toEqual(embedded(profile('tableschema.json')));
    expect(embedded(parts.dialect!)).toEqual(embedded(profile('tabledialect.json')));
  });

  it('are draft-07, refer to no other file, and compile with no keyword ajv does not know', () => {
    for (const name of ['datapackage.json', 'dataresource.json', 'tabledialect.json', 'tableschema.json']) {
      expect(profile(name).$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(readFileSync(path.join(PROFILE_DIR, name), 'utf8')).not.toContain('"$ref"');
    }
    expect(() => createProfileAjv().compile(profile('tabledialect.json'))).not.toThrow();
  });
});

describe('a built descriptor', () => {
  it('meets the profiles: every resource, dialect and table schema, the derived summary included', () => {
    const pkg = built();
    expect(pkg.descriptor.resources.map((r) => r.name)).toContain(`${NAME}-summary`);
    expect(pkg.problems).toEqual([]);
  });

  it('with keywords: [] is refused naming /keywords and the profile, with a fix in the definition', () => {
    const pkg = built({ keywords: [] });
    expect(pkg.problems).toHaveLength(1);
    const [problem] = pkg.problems;
    expect(problem).toMatchObject({ code: 'descriptor-profile', severity: 'error', value: '[]' });
    expect(problem!.message.ja).toContain('/keywords');
    expect(problem!.message.en).toContain(`/keywords does not meet the official Data Package v2 profile ${PROFILE}`);
    expect(problem!.fix!.ja).toContain('keywords');
  });

  it('with a licence name that is not an identifier (CC BY 4.0) is refused naming /licenses/0/name', () => {
    const pkg = built({ license: { name: 'CC BY 4.0', title: 'CC BY 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' } });
    expect(pkg.problems.map((p) => [p.message.en.split(' does not')[0], p.value])).toEqual([['datapackage.json /licenses/0/name', '"CC BY 4.0"']]);
    expect(pkg.problems[0]!.fix!.en).toContain('license');
  });

  it('without keywords leaves the key out rather than writing an empty list', () => {
    const pkg = built({ keywords: undefined });
    expect(pkg.descriptor).not.toHaveProperty('keywords');
    expect(pkg.problems).toEqual([]);
  });
});

describe('the problems of a descriptor that fails inside a table schema', () => {
  const base = built().descriptor;
  const failing = (change: (d: DataPackage) => void) => {
    const descriptor = structuredClone(base);
    // The record resources share one table schema object: the change is made to the first resource's only.
    descriptor.resources[0]!.schema = structuredClone(descriptor.resources[0]!.schema);
    change(descriptor);
    return descriptorProblems(descriptor, where).map((p) => p.message.en);
  };

  it('name the table schema profile and say a field type once, with every type allowed', () => {
    const [message, ...rest] = failing((d) => ((d.resources[0]!.schema!.fields[2] as { type: string }).type = 'float'));
    expect(rest).toEqual([]);
    expect(message).toContain('/resources/0/schema/fields/2/type does not meet the official Data Package v2 profile https://datapackage.org/profiles/2.0/tableschema.json');
    expect(message).toContain('must be one of string, number, integer, date, time');
  });

  it('give the reason of the field type that matched, not fifteen', () => {
    expect(failing((d) => delete (d.resources[0]!.schema!.fields[2] as { name?: string }).name)).toEqual([
      'datapackage.json /resources/0/schema/fields/2 does not meet the official Data Package v2 profile https://datapackage.org/profiles/2.0/tableschema.json: the key "name" is missing.',
    ]);
  });

  it('name the dialect profile for a dialect', () => {
    expect(failing((d) => (d.resources[0]!.dialect!.header = 'yes'))).toEqual([
      'datapackage.json /resources/0/dialect/header does not meet the official Data Package v2 profile https://datapackage.org/profiles/2.0/tabledialect.json: must be boolean.',
    ]);
  });
});

describe('a definition whose descriptor fails the profiles', () => {
  it('is refused by build: exit 1, the path in the report, nothing at --out (an earlier build there left as it was)', async () => {
    const { dir, sources } = project({ keywords: [] });
    const out = path.join(tempDir(), 'out');
    const run = await runCli(['build', path.join(sources, FILE), '--dataset', NAME, '--out', out], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('/keywords');
    expect(run.stderr).toContain('datapackage.json');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);

    mkdirSync(out);
    writeFileSync(path.join(out, 'earlier.txt'), 'an earlier build');
    expect((await runCli(['build', path.join(sources, FILE), '--dataset', NAME, '--out', out], dir)).code).toBe(1);
    expect(readdirSync(path.dirname(out))).toEqual(['out']);
    expect(readdirSync(out)).toEqual(['earlier.txt']);
  });

  it('is refused by publish and its dry run: exit 1, the path in the report, nothing in dist/', async () => {
    const { dir, dist } = project({ keywords: [] });
    const dry = await runCli(['publish', '--dry-run'], dir);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('/keywords');
    const run = await runCli(['publish'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`/keywords does not meet the official Data Package v2 profile ${PROFILE}`);
    // dist/ may hold publishing's lock while it plans; no version, page or catalog is written.
    expect(existsSync(dist) ? readdirSync(dist) : []).toEqual([]);
  });

  it('builds once the definition is corrected', async () => {
    const { dir, sources } = project();
    const out = path.join(tempDir(), 'out');
    const run = await runCli(['build', path.join(sources, FILE), '--dataset', NAME, '--out', out], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'datapackage.json'), 'utf8'))).toHaveProperty('keywords', ['人数']);
  });
});
