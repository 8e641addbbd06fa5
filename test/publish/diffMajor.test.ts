/** A pull request that breaks consumers is told so before merge: `opendata diff --dataset` names MAJOR and the version. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from '../fixtures/snapshots.ts';
import { runCli, SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';

type Project = ReturnType<typeof makeProject>;

const flags = (project: Project) => ['--schema', project.schema, '--sources', project.sources, '--dist', project.dist];
const cwd = (project: Project) => path.dirname(project.dist);

/** Edits the project's definition and record schema the way a pull request would. */
function editDefinition(project: Project, edit: { definition: (yaml: string) => string; schema: (schema: { required: string[]; properties: Record<string, unknown> }) => void }): void {
  const definitionFile = path.join(project.schema, 'datasets/covid19-measures.yaml');
  writeFileSync(definitionFile, edit.definition(readFileSync(definitionFile, 'utf8')));
  const schemaFile = path.join(project.schema, 'datasets/covid19-measures.record.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { required: string[]; properties: Record<string, unknown> };
  edit.schema(schema);
  writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
}

async function published(): Promise<Project> {
  const project = makeProject(tempDir(), readFileSync(SOURCE_WORKBOOK));
  const result = await runCli(['publish', ...flags(project)], cwd(project));
  expect(result.code, result.stderr).toBe(0);
  return project;
}

describe('opendata diff --dataset before merge', () => {
  let unchanged: string;
  beforeAll(async () => {
    const project = await published();
    unchanged = (await runCli(['diff', '--dataset', 'covid19-measures', '--format', 'markdown', ...flags(project)], cwd(project))).stdout;
  });

  it('says nothing changed when nothing did', () => {
    expect(unchanged).toContain('変更なし / no change');
    expect(unchanged).not.toContain('MAJOR');
  });

  it('reports a removed field as MAJOR and names 2.0.0', async () => {
    const project = await published();
    editDefinition(project, {
      definition: (yaml) => yaml.replace(/^ {2}- \{ label: 取組概要.*\n/mu, ''),
      schema: (schema) => {
        delete schema.properties.summary;
        schema.required = schema.required.filter((f) => f !== 'summary');
      },
    });
    const result = await runCli(['diff', '--dataset', 'covid19-measures', '--format', 'markdown', ...flags(project)], cwd(project));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('### covid19-measures 2.0.0');
    expect(result.stdout).toContain('MAJOR（互換性のない変更 / breaking）（1.0.0 から / from 1.0.0）');
    expect(result.stdout).toMatch(/\| .*summary.* \| ❌ なし（MAJOR） \|/u);
  });

  it('reports a renamed field as MAJOR too: consumers reading the old name break', async () => {
    const project = await published();
    editDefinition(project, {
      definition: (yaml) => yaml.replace('{ label: 取組概要, field: summary, rule: text }', '{ label: 取組概要, field: overview, rule: text }'),
      schema: (schema) => {
        const { summary, ...rest } = schema.properties;
        schema.properties = { ...rest, overview: summary };
        schema.required = schema.required.map((f) => (f === 'summary' ? 'overview' : f));
      },
    });
    const result = await runCli(['diff', '--dataset', 'covid19-measures', '--format', 'json', ...flags(project)], cwd(project));
    expect(result.code, result.stderr).toBe(0);
    const change = JSON.parse(result.stdout) as { bump: string; toVersion: string; schema: { kind: string; field: string; breaking: boolean }[] };
    expect(change).toMatchObject({ bump: 'major', toVersion: '2.0.0' });
    expect(change.schema).toContainEqual(expect.objectContaining({ field: 'summary', breaking: true }));
    const markdown = await runCli(['diff', '--dataset', 'covid19-measures', '--format', 'markdown', ...flags(project)], cwd(project));
    expect(markdown.stdout).toContain('2.0.0');
    expect(markdown.stdout).toContain('MAJOR');
  });
});
