import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { definitionPaths, loadDataset } from '../../pipeline/dataset/load.ts';
import { parsedDefinitionFile, readDefinition } from '../../pipeline/dataset/parseDefinition.ts';
import { definitionJson, precompileProject } from '../../pipeline/dataset/precompile.ts';
import { validatorKey } from '../../pipeline/dataset/precompiled.ts';
import { precompileExamplesIntoBuild } from '../helpers/precompiledExamples.ts';
import { EXAMPLES, ROOT, tempDir } from '../helpers/project.ts';

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
  const { written } = precompileProject(path.join(EXAMPLES, 'schema'), dirs);

  const datasetSchemaKey = validatorKey(JSON.stringify(JSON.parse(readFileSync(path.join(ROOT, 'schema/dataset.schema.json'), 'utf8'))));

  for (const file of definitionPaths(path.join(EXAMPLES, 'schema'))) {
    it(`read ${path.basename(file)} exactly as yaml parses it, found valid against dataset.schema.json`, () => {
      const text = readFileSync(file, 'utf8');
      expect(written).toContain(parsedDefinitionFile(text, dirs.definitions));
      expect(readDefinition(text, dirs.definitions)).toEqual({ value: parseYaml(text), validAgainst: datasetSchemaKey });
    });
  }

  it('say nothing of validity for a definition dataset.schema.json refuses', () => {
    const project = tempDir('opendata-definitions-');
    mkdirSync(path.join(project, 'datasets'));
    cpSync(path.join(ROOT, 'schema/dataset.schema.json'), path.join(project, 'dataset.schema.json'));
    const text = readFileSync(path.join(EXAMPLES, 'schema/datasets/covid19-measures.yaml'), 'utf8').replace('name: covid19-measures', 'name: Not A Name');
    writeFileSync(path.join(project, 'datasets/bad.yaml'), text);
    const into = { validators: path.join(project, 'out/validators'), definitions: path.join(project, 'out/definitions') };
    precompileProject(project, into);
    expect(readDefinition(text, into.definitions)).toEqual({ value: parseYaml(text) });
  });

  it('are not used for a definition edited since, which is parsed as it now reads', () => {
    const text = readFileSync(path.join(EXAMPLES, 'schema/datasets/covid19-measures.yaml'), 'utf8').replace('name: covid19-measures', 'name: edited');
    expect(readDefinition(text, dirs.definitions)).toEqual({ value: parseYaml(text) });
    expect(thrown(() => readDefinition(`${text}\n  bad: [`, dirs.definitions))).toBe(thrown(() => parseYaml(`${text}\n  bad: [`)));
  });

  it('are not made where JSON would not give back what yaml gives, or yaml warns', () => {
    expect(definitionJson('a: .nan\n')).toBeUndefined();
    expect(definitionJson('a: .inf\n')).toBeUndefined();
    expect(definitionJson('%FOO bar\n---\na: 1\n')).toBeUndefined();
    expect(definitionJson('a: [\n')).toBeUndefined();
    expect(definitionJson('a: 1\nb: [x, null, true, 2.5]\n')).toBe('{"a":1,"b":["x",null,true,2.5]}');
  });
});

describe('a definition the build found valid', () => {
  it('is checked again when dataset.schema.json has changed since', () => {
    precompileExamplesIntoBuild();
    const project = tempDir('opendata-definitions-');
    cpSync(path.join(EXAMPLES, 'schema'), project, { recursive: true });
    const schemaFile = path.join(project, 'dataset.schema.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { properties: { name: Record<string, unknown> } };
    schema.properties.name = { ...schema.properties.name, maxLength: 5 };
    writeFileSync(schemaFile, JSON.stringify(schema));
    const definition = path.join(project, 'datasets/covid19-measures.yaml');
    // The same YAML text as the committed definition: the build's copy says it is valid against the committed schema.
    expect(readDefinition(readFileSync(definition, 'utf8')).validAgainst).toBeDefined();
    const result = loadDataset(definition, { schemaDir: project, sourcesDir: path.join(EXAMPLES, 'sources') });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('definition-error');
  });
});
