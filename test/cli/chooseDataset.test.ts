import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredProject, madeUpDefinition } from '../fixtures/declaredProject.ts';
import { EXAMPLES, runCli, SOURCE_WORKBOOK } from '../helpers/project.ts';
import { TITLE, row, standardRows, workbookBytes } from '../fixtures/workbooks.ts';

/** A project declaring the Hiratsuka list and a second, made-up dataset. */
function twoDatasets() {
  const project = declaredProject({
    name: 'other',
    definition: madeUpDefinition('other', 'other.xlsx', { primaryKey: 'no', columns: [{ label: '番号', field: 'no', rule: 'integer' }] }),
    recordSchema: { type: 'object', required: ['no'], properties: { no: { type: 'integer' } } },
  });
  for (const file of ['datasets/covid19-measures.yaml', 'datasets/covid19-measures.record.schema.json']) cpSync(path.join(EXAMPLES, 'schema', file), path.join(project.schema, file));
  cpSync(SOURCE_WORKBOOK, path.join(project.sources, path.basename(SOURCE_WORKBOOK)));
  return project;
}

describe('choosing the dataset when several are declared', () => {
  const project = twoDatasets();
  const flags = ['--schema', project.schema, '--sources', project.sources];

  it('takes the dataset whose declared source file has the workbook\'s name', async () => {
    const result = await runCli(['validate', path.join(project.sources, path.basename(SOURCE_WORKBOOK)), '--format', 'json', ...flags], project.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ dataset: 'covid19-measures', valid: true });
  });

  it('asks for --dataset when the name says nothing, and follows it when given', async () => {
    const file = path.join(project.dir, 'copy.xlsx');
    writeFileSync(file, workbookBytes({ rows: standardRows([row(1)], TITLE) }));
    const unnamed = await runCli(['validate', file, ...flags], project.dir);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('--dataset (covid19-measures, other)');
    const named = await runCli(['validate', file, '--dataset', 'covid19-measures', ...flags], project.dir);
    expect(named.code, named.stdout).toBe(0);
  });
});
