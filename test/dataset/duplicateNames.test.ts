/**
 * Dataset names and source files are unique across definitions: a copied YAML (same name) or two
 * definitions claiming the same workbook are a definition error naming both files, and publish
 * stops before anything is read or written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '../../pipeline/dataset/load.ts';
import { COUNTS, countsDefinition, countsProject, countsWorkbook } from '../fixtures/countsProject.ts';
import { runCli } from '../helpers/project.ts';

/** A second definition may share the record schema (it is not what makes a definition a duplicate). */
const SHARED_SCHEMA = { recordSchema: `${COUNTS}.record.schema.json` };

/** The counts project with a second definition file `copy.yaml` holding `definition`. */
function withSecondDefinition(definition: object) {
  const project = countsProject('counts-*.xlsx', { 'counts-2021.xlsx': countsWorkbook('令和3年4月1日時点') });
  writeFileSync(path.join(project.schema, 'datasets', 'copy.yaml'), stringify(definition));
  return project;
}

const load = (project: ReturnType<typeof countsProject>) => loadAllDatasets({ schemaDir: project.schema, sourcesDir: project.sources });

describe('definitions that are not unique', () => {
  it('two with the same name: publish names both files, exits 1 and writes nothing', async () => {
    const project = withSecondDefinition(countsDefinition('others-*.xlsx'));
    writeFileSync(path.join(project.sources, 'others-2021.xlsx'), countsWorkbook('令和3年4月1日時点'));
    const { problems } = load(project);
    expect(problems).toEqual([expect.objectContaining({ code: 'definition-duplicate-name', field: 'name', value: COUNTS })]);
    const published = await runCli(['publish'], project.dir);
    expect(published.code).toBe(1);
    expect(published.stderr).toMatch(new RegExp(`データセット名「${COUNTS}」が二つの定義（\\S*/schema/datasets/copy.yaml, \\S*/schema/datasets/${COUNTS}.yaml）に書かれています`, 'u'));
    expect(existsSync(project.dist)).toBe(false);
  });

  it('two claiming the same workbook, by name or by overlapping patterns: an error naming both', async () => {
    for (const file of ['counts-2021.xlsx', '*-2021.xlsx', 'counts-*.xlsx']) {
      const project = withSecondDefinition(countsDefinition(file, 'copied-counts', SHARED_SCHEMA));
      const { problems } = load(project);
      expect(problems, file).toEqual([expect.objectContaining({ code: 'definition-duplicate-source', field: 'source.file' })]);
      expect(problems[0]!.message.en).toMatch(new RegExp(`\\(\\S*/schema/datasets/copy.yaml, \\S*/schema/datasets/${COUNTS}.yaml\\)`, 'u'));
      const published = await runCli(['publish'], project.dir);
      expect(published.code).toBe(1);
      expect(existsSync(project.dist)).toBe(false);
    }
  });

  it('two with their own names and workbooks load side by side', () => {
    const project = withSecondDefinition(countsDefinition('others-*.xlsx', 'other-counts', SHARED_SCHEMA));
    const { datasets, problems } = load(project);
    expect(problems).toEqual([]);
    expect(datasets.map((d) => d.name)).toEqual(['other-counts', COUNTS]);
  });
});
