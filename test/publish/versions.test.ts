import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../pipeline/publish/diff/ChangeSet.ts';
import type { DatasetIndex } from '../../pipeline/publish/VersionIndex.ts';
import { correctedSnapshot, laterSnapshot, makeProject, MADE_UP_NOTE, replaceSource } from '../fixtures/snapshots.ts';
import { checkDist } from '../helpers/checkDist.ts';
import { measuresDataset, readTree, runCli, SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';
import { processWorkbook } from '../../pipeline/process.ts';

type Project = ReturnType<typeof makeProject>;

const publish = (project: Project, ...extra: string[]) =>
  runCli(['publish', '--schema', project.schema, '--sources', project.sources, '--dist', project.dist, ...extra], path.dirname(project.dist));
const index = (project: Project) => JSON.parse(readFileSync(path.join(project.dist, 'covid19-measures/index.json'), 'utf8')) as DatasetIndex;
const changes = (project: Project, version: string) =>
  JSON.parse(readFileSync(path.join(project.dist, 'covid19-measures', version, 'changes.json'), 'utf8')) as ChangeSet;

/** Removes the 取組概要 column from the project's definition and record schema: a breaking change. */
function dropSummaryField(project: Project): void {
  const definitionFile = path.join(project.schema, 'datasets/covid19-measures.yaml');
  writeFileSync(definitionFile, readFileSync(definitionFile, 'utf8').replace(/^ {2}- \{ label: 取組概要.*\n/mu, ''));
  const schemaFile = path.join(project.schema, 'datasets/covid19-measures.record.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { required: string[]; properties: Record<string, unknown> };
  delete schema.properties.summary;
  schema.required = schema.required.filter((f) => f !== 'summary');
  writeFileSync(schemaFile, JSON.stringify(schema, null, 2));
}

async function publishSequence(dir: string): Promise<{ project: Project; outputs: string[] }> {
  const project = makeProject(dir, readFileSync(SOURCE_WORKBOOK));
  const outputs: string[] = [];
  const step = async (prepare: () => void) => {
    prepare();
    const result = await publish(project);
    expect(result.code, result.stderr).toBe(0);
    outputs.push(result.stdout);
  };
  await step(() => {});
  await step(() => replaceSource(project, laterSnapshot()));
  await step(() => replaceSource(project, correctedSnapshot()));
  await step(() => dropSummaryField(project));
  return { project, outputs };
}

describe('versioned publishing', () => {
  it('walks 1.0.0 → 1.1.0 → 1.1.1 → 2.0.0 and then stays put', async () => {
    const { project, outputs } = await publishSequence(tempDir());
    expect(index(project).versions.map((v) => [v.version, v.bump])).toEqual([
      ['2.0.0', 'major'],
      ['1.1.1', 'patch'],
      ['1.1.0', 'minor'],
      ['1.0.0', 'initial'],
    ]);
    expect(outputs[0]).toContain('1.0.0: 公開');

    const minor = changes(project, '1.1.0');
    expect(minor.asOf).toEqual({ before: '2020-09-01', after: '2020-10-01' });
    expect(minor.added.map((r) => r.key)).toEqual(['86', '87']);
    expect(minor.transitions).toMatchObject([{ field: 'status', from: '着手', to: '完了', rows: [{ key: '1' }, { key: '2' }] }]);
    expect(minor.totals[0]).toMatchObject({ before: { all: 4976921, withoutRelisted: 4666421 }, after: { all: 4988921, withoutRelisted: 4678421 } });

    const patch = changes(project, '1.1.1');
    expect(patch.bump).toBe('patch');
    expect(patch.deltas).toMatchObject([{ field: 'budget_thousand_yen', delta: 500, rows: [{ key: '87', old: 7000, new: 7500 }] }]);

    const major = changes(project, '2.0.0');
    expect(major.schema).toContainEqual(expect.objectContaining({ kind: 'field-removed', field: 'summary', breaking: true }));

    const changelog = readFileSync(path.join(project.dist, 'covid19-measures/CHANGELOG.md'), 'utf8');
    expect(changelog.indexOf('2.0.0')).toBeLessThan(changelog.indexOf('1.1.1'));
    expect(changelog).toContain('着手 → 完了');
    expect(changelog).toContain('(架空)オンライン申請の拡充');

    const page = readFileSync(path.join(project.dist, 'covid19-measures/index.html'), 'utf8');
    for (const version of ['2.0.0', '1.1.1', '1.1.0', '1.0.0']) expect(page).toContain(version);
    expect(readFileSync(path.join(project.dist, 'index.html'), 'utf8')).toContain('covid19-measures/index.html');

    const before = readTree(project.dist);
    const again = await publish(project);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('up to date');
    expect(readTree(project.dist)).toEqual(before);
    expect(checkDist(project.dist)).toEqual([]);
  });

  it('says in the made-up snapshots themselves that they are made up', () => {
    const { report } = processWorkbook(laterSnapshot(), 'later.xlsx', measuresDataset());
    expect(report.valid).toBe(true);
    expect(report.notes.map((n) => n.text)).toEqual([MADE_UP_NOTE]);
    expect(MADE_UP_NOTE).toContain('架空');
  });

  it('is byte-identical when the same sources are published twice', async () => {
    const first = await publishSequence(tempDir());
    const second = await publishSequence(tempDir());
    expect(readTree(second.project.dist)).toEqual(readTree(first.project.dist));
  });

  it('refuses to overwrite a published version with different content, writing nothing', async () => {
    const project = makeProject(tempDir(), readFileSync(SOURCE_WORKBOOK));
    expect((await publish(project)).code).toBe(0);
    replaceSource(project, laterSnapshot());
    mkdirSync(path.join(project.dist, 'covid19-measures/1.1.0'));
    writeFileSync(path.join(project.dist, 'covid19-measures/1.1.0/datapackage.json'), '{}');
    const before = readTree(project.dist);
    const result = await publish(project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('書き換えません');
    expect(readTree(project.dist)).toEqual(before);
  });

  it('writes nothing on a dry run, and nothing when the source is invalid', async () => {
    const project = makeProject(tempDir(), readFileSync(SOURCE_WORKBOOK));
    const dry = await publish(project, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would publish');
    expect(() => readTree(project.dist)).toThrow();
    replaceSource(project, new TextEncoder().encode('not a workbook'));
    expect((await publish(project)).code).toBe(1);
    expect(() => readTree(project.dist)).toThrow();
  });

  it('zips each version deterministically with the package inside one folder', async () => {
    const project = makeProject(tempDir(), readFileSync(SOURCE_WORKBOOK));
    await publish(project);
    const zip = unzipSync(readFileSync(path.join(project.dist, 'covid19-measures/1.0.0/covid19-measures-1.0.0.zip')));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['covid19-measures-1.0.0/datapackage.json', 'covid19-measures-1.0.0/changes.json']));
    const descriptor = readFileSync(path.join(project.dist, 'covid19-measures/1.0.0/datapackage.json'));
    expect(Buffer.from(zip['covid19-measures-1.0.0/datapackage.json']!).equals(descriptor)).toBe(true);
  });

  it('lists published versions for the release step', async () => {
    const project = makeProject(tempDir(), readFileSync(SOURCE_WORKBOOK));
    const file = path.join(path.dirname(project.dist), 'published.json');
    expect((await publish(project, '--published-file', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([
      { dataset: 'covid19-measures', version: '1.0.0', tag: 'covid19-measures-v1.0.0', notesFile: 'dist/covid19-measures/1.0.0/CHANGES.md', zipFile: 'dist/covid19-measures/1.0.0/covid19-measures-1.0.0.zip' },
    ]);
    expect((await publish(project, '--published-file', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('opendata diff', () => {
  it('compares two workbooks by primary key and names the next version', async () => {
    const dir = tempDir();
    const later = path.join(dir, 'later.xlsx');
    writeFileSync(later, laterSnapshot());
    const result = await runCli(['diff', SOURCE_WORKBOOK, later, '--format', 'json']);
    expect(result.code).toBe(0);
    const change = JSON.parse(result.stdout) as ChangeSet;
    expect(change).toMatchObject({ fromVersion: '1.0.0', toVersion: '1.1.0', bump: 'minor' });
    expect(change.added).toHaveLength(2);
    const markdown = await runCli(['diff', SOURCE_WORKBOOK, later, '--format', 'markdown']);
    expect(markdown.stdout).toContain('| 取組状況 | 着手 → 完了 | 2 |');
  });
});
