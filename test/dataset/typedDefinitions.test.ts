/** Definitions of typed columns that cannot work are refused when loaded, one plain message each. */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../pipeline/dataset/load.ts';
import { declaredProject, madeUpDefinition } from '../fixtures/declaredProject.ts';

const schemaOf = (properties: Record<string, object>) => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', required: Object.keys(properties), properties });

function load(column: object, properties: Record<string, object>, extra: object = {}) {
  const project = declaredProject({ name: 'typed-def', definition: madeUpDefinition('typed-def', 'x.xlsx', { primaryKey: 'id', columns: [{ label: 'ID', field: 'id', rule: 'code' }, column], ...extra }), recordSchema: schemaOf({ id: { type: 'string' }, ...properties }) });
  const result = loadDataset(project.definitionPath, { schemaDir: project.schema, sourcesDir: project.sources });
  return result.ok ? [] : result.problems.map((p) => `${p.message.ja} / ${p.message.en}`);
}

describe('typed column declarations', () => {
  it('a boolean column needs its true and false words, and no word on both sides', () => {
    expect(load({ label: '有無', field: 'has', rule: 'boolean' }, { has: { type: 'boolean' } }).join('\n')).toMatch(/trueValues/u);
    expect(load({ label: '有無', field: 'has', rule: 'boolean', trueValues: ['有'], falseValues: ['無', '有'] }, { has: { type: 'boolean' } }).join('\n')).toContain('trueValues と falseValues の両方');
    expect(load({ label: '有無', field: 'has', rule: 'boolean', trueValues: ['有'], falseValues: ['無'] }, { has: { type: 'boolean' } })).toEqual([]);
  });

  it('words and allow24 belong to their own rules', () => {
    expect(load({ label: '名称', field: 'name', rule: 'text', trueValues: ['有'] }, { name: { type: 'string' } }).join('\n')).toContain('trueValues は rule が boolean の列だけ');
    expect(load({ label: '時刻', field: 'at', rule: 'text', allow24: true }, { at: { type: 'string' } }).join('\n')).toContain('allow24 は rule が time の列だけ');
    expect(load({ label: '時刻', field: 'at', rule: 'time', allow24: true }, { at: { type: 'string' } })).toEqual([]);
  });

  it('each typed rule needs the JSON type it gives', () => {
    expect(load({ label: '緯度', field: 'lat', rule: 'latitude' }, { lat: { type: 'string' } }).join('\n')).toContain('number');
    expect(load({ label: '年度', field: 'fy', rule: 'fiscal-year' }, { fy: { type: 'string' } }).join('\n')).toContain('integer');
    expect(load({ label: '有無', field: 'has', rule: 'boolean', trueValues: ['有'], falseValues: ['無'] }, { has: { type: 'string' } }).join('\n')).toContain('boolean');
  });

  it('a sheet code column as lg_code must be read as a checked local government code', () => {
    expect(load({ label: '団体コード', field: 'lg_code', rule: 'code' }, { lg_code: { type: 'string' } }).join('\n')).toContain('rule は lg-code');
    expect(load({ label: '団体コード', field: 'lg_code', rule: 'lg-code' }, { lg_code: { type: 'string' } })).toEqual([]);
  });

  it("the publisher's code has a valid check digit, and init's placeholders are refused", () => {
    const publisher = (lgCode: string, name = '架空市') => ({ publisher: { name: { ja: name, en: name }, lgCode } });
    const text = { label: '名称', field: 'name', rule: 'text' };
    expect(load(text, { name: { type: 'string' } }, publisher('142035')).join('\n')).toContain('検査数字は 4');
    expect(load(text, { name: { type: 'string' } }, publisher('000000')).join('\n')).toContain('仮の値 000000');
    expect(load(text, { name: { type: 'string' } }, publisher('142034', '（団体名）')).join('\n')).toContain('publisher.name が仮の値');
    expect(load(text, { name: { type: 'string' } }, publisher('142034'))).toEqual([]);
  });
});
