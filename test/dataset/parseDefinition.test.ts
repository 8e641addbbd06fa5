import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { definitionPaths } from '../../pipeline/dataset/load.ts';
import { parseDefinition, parsedDefinitionFile } from '../../pipeline/dataset/parseDefinition.ts';
import { definitionJson, precompileProject } from '../../pipeline/dataset/precompile.ts';
import { ROOT, tempDir } from '../helpers/project.ts';

const thrown = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'nothing thrown';
};

describe('definitions parsed by the build', () => {
  const dir = tempDir('opendata-definitions-');
  const dirs = { validators: path.join(dir, 'validators'), definitions: path.join(dir, 'definitions') };
  const { written } = precompileProject(path.join(ROOT, 'schema'), dirs);

  for (const file of definitionPaths(path.join(ROOT, 'schema'))) {
    it(`read ${path.basename(file)} exactly as yaml parses it`, () => {
      const text = readFileSync(file, 'utf8');
      expect(written).toContain(parsedDefinitionFile(text, dirs.definitions));
      expect(parseDefinition(text, dirs.definitions)).toEqual(parseYaml(text));
    });
  }

  it('are not used for a definition edited since, which is parsed as it now reads', () => {
    const text = readFileSync(path.join(ROOT, 'schema/datasets/covid19-measures.yaml'), 'utf8').replace('name: covid19-measures', 'name: edited');
    expect(parseDefinition(text, dirs.definitions)).toMatchObject({ name: 'edited' });
    expect(thrown(() => parseDefinition(`${text}\n  bad: [`, dirs.definitions))).toBe(thrown(() => parseYaml(`${text}\n  bad: [`)));
  });

  it('are not made where JSON would not give back what yaml gives, or yaml warns', () => {
    expect(definitionJson('a: .nan\n')).toBeUndefined();
    expect(definitionJson('a: .inf\n')).toBeUndefined();
    expect(definitionJson('%FOO bar\n---\na: 1\n')).toBeUndefined();
    expect(definitionJson('a: [\n')).toBeUndefined();
    expect(definitionJson('a: 1\nb: [x, null, true, 2.5]\n')).toBe('{"a":1,"b":["x",null,true,2.5]}');
  });
});
