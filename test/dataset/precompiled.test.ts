import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileOnce, compileWithAjv, createAjv } from '../../pipeline/dataset/ajv.ts';
import { precompileProject } from '../../pipeline/dataset/precompile.ts';
import { precompiledValidator, validatorFile, VALIDATORS_DIR } from '../../pipeline/dataset/precompiled.ts';
import { precompileExamplesIntoBuild } from '../helpers/precompiledExamples.ts';
import { EXAMPLES, ROOT } from '../helpers/project.ts';

const readJson = (file: string) => JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as Record<string, unknown>;
const definitionSchema = readJson('schema/dataset.schema.json');
const measuresSchema = readJson('schema/datasets/covid19-measures.record.schema.json');
const callCenterSchema = readJson('schema/datasets/covid19-call-center.record.schema.json');
const measures = parseYaml(readFileSync(path.join(EXAMPLES, 'schema/datasets/covid19-measures.yaml'), 'utf8')) as Record<string, unknown>;

const measuresRecord = {
  no: 1, measure_package: '緊急対策', pillar_no: 1, pillar: '市民生活への支援', sub_pillar_no: null, sub_pillar: null,
  name: '相談窓口', summary: '電話で相談を受ける', budget_thousand_yen: 1000, status: '実施中', relisted_from: null,
};

/** Each schema with data that passes and data that fails in as many ways as the schema has keywords. */
const cases: [string, Record<string, unknown>, unknown[]][] = [
  ['dataset.schema.json', definitionSchema, [
    measures,
    { ...measures, name: 'Not A Name' },
    { ...measures, title: { ja: '' } },
    { ...measures, license: { ...(measures.license as object), path: 'not a uri' } },
    { ...measures, extra: true, columns: 'none' },
    { name: 1 },
    [],
  ]],
  ['covid19-measures.record.schema.json', measuresSchema, [
    measuresRecord,
    { ...measuresRecord, no: 0, name: '', budget_thousand_yen: '千円' },
    { ...measuresRecord, pillar_no: 1.5, unknown: 'x' },
    { no: null },
  ]],
  ['covid19-call-center.record.schema.json', callCenterSchema, [
    { month: '2020-04', medical_consultations: 1, living_support: 2, business_support: 3, other: 4, total: 10 },
    { month: '2020-13', medical_consultations: -1, living_support: 2, business_support: 3, other: 4, total: 'x' },
    { month: '令和2年4月' },
  ]],
];

describe('validators precompiled by the build', () => {
  // Inside the repository: the generated modules require ajv's runtime from its node_modules.
  mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'test-output', 'precompiled-'));
  const dirs = { validators: path.join(dir, 'validators'), definitions: path.join(dir, 'definitions') };
  let written: string[] = [];
  beforeAll(() => {
    const result = precompileProject(path.join(EXAMPLES, 'schema'), dirs);
    expect(result.skipped).toEqual([]);
    written = result.written;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are made for dataset.schema.json and every declared record schema', () => {
    for (const [, schema] of cases) expect(written).toContain(validatorFile(JSON.stringify(schema), dirs.validators));
  });

  for (const [name, schema, data] of cases) {
    it(`give what ajv compiling ${name} gives: the same result and the same error objects`, () => {
      const precompiled = precompiledValidator(JSON.stringify(schema), dirs.validators);
      const compiled = createAjv().compile(schema);
      expect(precompiled).toBeTypeOf('function');
      for (const value of data) {
        const ok = compiled(value);
        expect(precompiled!(value)).toBe(ok);
        expect(precompiled!.errors).toEqual(compiled.errors);
      }
      expect(data.some((value) => !compiled(value))).toBe(true);
    });
  }

  it('are what compileOnce gives for the committed schemas (what npm run build makes, put in .build/ by the test)', () => {
    precompileExamplesIntoBuild();
    const file = validatorFile(JSON.stringify(definitionSchema));
    expect(existsSync(file), `${file} is missing`).toBe(true);
    expect(path.dirname(file)).toBe(VALIDATORS_DIR);
    expect(compileOnce(definitionSchema)).toBe(precompiledValidator(JSON.stringify(definitionSchema)));
  });
});

describe('a schema edited after the build', () => {
  it('finds no precompiled validator and is compiled, and checked, as it now reads', () => {
    const edited = { ...callCenterSchema, properties: { ...(callCenterSchema.properties as object), total: { type: 'integer', minimum: 100 } } };
    expect(precompiledValidator(JSON.stringify(edited))).toBeUndefined();
    const validate = compileOnce(edited);
    const record = { month: '2020-04', medical_consultations: 1, living_support: 2, business_support: 3, other: 4, total: 10 };
    expect(validate(record)).toBe(false);
    expect(validate.errors).toEqual(createAjv().compile(edited).errors ?? expect.anything());
    expect(validate.errors).toMatchObject([{ instancePath: '/total', keyword: 'minimum', params: { comparison: '>=', limit: 100 } }]);
  });

  it('that breaks the meta-schema or strict mode still throws as ajv throws', () => {
    const badType = { ...callCenterSchema, properties: { total: { type: 'whole number' } } };
    const unknownKeyword = { ...callCenterSchema, properties: { total: { type: 'integer', minimun: 0 } } };
    for (const schema of [badType, unknownKeyword]) {
      expect(precompiledValidator(JSON.stringify(schema))).toBeUndefined();
      const message = (() => {
        try {
          createAjv().compile(schema);
        } catch (error) {
          return (error as Error).message;
        }
        return 'compiled';
      })();
      expect(message).not.toBe('compiled');
      expect(() => compileOnce(schema)).toThrow(message);
      expect(() => compileWithAjv(schema)).toThrow(message);
    }
  });
});
