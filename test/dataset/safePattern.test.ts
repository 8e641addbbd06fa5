import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileOnce } from '../../pipeline/dataset/ajv.ts';
import { loadDataset } from '../../pipeline/dataset/load.ts';
import { precompileProject } from '../../pipeline/dataset/precompile.ts';
import { precompiledValidator, validatorFile } from '../../pipeline/dataset/precompiled.ts';
import { declaredProject, madeUpDefinition } from '../fixtures/declaredProject.ts';
import { ROOT } from '../helpers/project.ts';

// Nested quantifiers: on the backtracking RegExp a 40-character value that does not match takes
// 2^39 steps (hours); on re2js it is one pass over the text.
const PHONE = '^([0-9]+-?)+$';
const BAD_PHONE = `${'0'.repeat(39)}x`;

const recordSchema = (pattern: string) => ({
  type: 'object',
  required: ['no'],
  properties: { no: { type: 'integer' }, phone: { type: ['string', 'null'], pattern } },
});

function project(pattern: string, dir?: string) {
  return declaredProject({
    name: 'patterns',
    definition: madeUpDefinition('patterns', 'patterns.xlsx', {
      primaryKey: 'no',
      columns: [
        { label: '番号', field: 'no', rule: 'integer' },
        { label: '電話', field: 'phone', rule: 'text' },
      ],
    }),
    recordSchema: recordSchema(pattern),
    ...(dir !== undefined ? { dir } : {}),
  });
}

const load = (pattern: string) => {
  const declared = project(pattern);
  return loadDataset(declared.definitionPath, { schemaDir: declared.schema, sourcesDir: declared.sources });
};

describe('a pattern the linear-time engine cannot run', () => {
  for (const [what, pattern] of [
    ['a backreference', '^(\\d)\\1$'],
    ['a lookbehind', '^(?<=0)\\d+$'],
    ['a lookahead', '^(?=0)\\d+$'],
  ] as const) {
    it(`(${what}) is a clear definition error when the definition loads`, () => {
      const result = load(pattern);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toHaveLength(1);
      const [problem] = result.problems;
      expect(problem).toMatchObject({ code: 'definition-error', severity: 'error', value: 'patterns.record.schema.json' });
      expect(problem!.message.en).toContain(`pattern "${pattern}" cannot run on the linear-time engine (no backreferences, lookahead or lookbehind)`);
      expect(problem!.message.ja).toContain(`pattern「${pattern}」は安全な正規表現として使えません`);
    });
  }

  it('(\\s, which would let a full-width space through) is refused with what to write instead', () => {
    const result = load('^\\S+$');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message.en).toContain('\\s and \\S cannot be used');
    expect(result.problems[0]!.message.ja).toContain('[ 　\\t] のように');
  });

  it('is not refused for an escaped backslash followed by s', () => {
    expect(load('^[a-z\\\\]s$').ok).toBe(true);
  });
});

describe('precompiled (standalone) validators', () => {
  // Inside the repository: the generated modules require ajv's runtime and re2js from its node_modules.
  mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'test-output', 'safe-pattern-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('load re2js themselves and answer as the in-process validator does', () => {
    const declared = project(PHONE, path.join(dir, 'project'));
    const validators = path.join(dir, 'validators');
    expect(precompileProject(declared.schema, { validators, definitions: path.join(dir, 'definitions') }).skipped).toEqual([]);
    const schemaText = JSON.stringify(recordSchema(PHONE));
    expect(readFileSync(validatorFile(schemaText, validators), 'utf8')).toContain('require("re2js")');
    const validate = precompiledValidator(schemaText, validators)!;
    expect(validate({ no: 1, phone: BAD_PHONE })).toBe(false);
    expect(validate.errors).toMatchObject([{ instancePath: '/phone', keyword: 'pattern' }]);
    expect(validate({ no: 1, phone: '0463-21-8765' })).toBe(true);
  });
});

// Last: on the backtracking engine the first of these never returned.
describe('record-schema patterns run in linear time', () => {
  it('reject a 40-character value that a nested-quantifier pattern cannot match, and accept a good one', () => {
    const validate = compileOnce(recordSchema(PHONE));
    expect(validate({ no: 1, phone: BAD_PHONE })).toBe(false);
    expect(validate.errors).toMatchObject([{ instancePath: '/phone', keyword: 'pattern', params: { pattern: PHONE } }]);
    expect(validate({ no: 1, phone: '0463-21-8765' })).toBe(true);
  });

  it('keep JSON Schema (ECMAScript) escapes: \\u3040-style ranges and \\d', () => {
    const validate = compileOnce(recordSchema('^[\\u3041-\\u3096]+\\d?$'));
    expect(validate({ no: 1, phone: 'ひらがな1' })).toBe(true);
    expect(validate({ no: 1, phone: 'カタカナ' })).toBe(false);
  });

  it('give each pattern its own matcher (no two patterns of one schema share one)', () => {
    const validate = compileOnce({ type: 'object', properties: { a: { type: 'string', pattern: '^a+$' }, b: { type: 'string', pattern: '^b+$' } } });
    expect(validate({ a: 'aa', b: 'bb' })).toBe(true);
    expect(validate({ a: 'aa', b: 'aa' })).toBe(false);
  });
});
