/**
 * The second dataset (made-up): a monthly table of another shape, declared by configuration alone.
 * Builds, validates and publishes end to end; its totals row is checked, never published.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Dataset } from '../../pipeline/dataset/DatasetDefinition.ts';
import { loadAllDatasets } from '../../pipeline/dataset/load.ts';
import type { DataPackage } from '../../pipeline/package/DataPackage.ts';
import { processWorkbook } from '../../pipeline/process.ts';
import { CALL_CENTER_COUNTS, CALL_CENTER_FILE, CALL_CENTER_NOTE, CALL_CENTER_TITLE } from '../fixtures/build-call-center-workbook.ts';
import { checkDist } from '../helpers/checkDist.ts';
import { EXAMPLES, ROOT, runCli, tempDir } from '../helpers/project.ts';
import { scriptWorkbook } from '../helpers/scriptWorkbook.ts';

const SOURCE = path.join(EXAMPLES, 'sources', CALL_CENTER_FILE);
const DATASET_FILES = ['schema/datasets/covid19-call-center.yaml', 'schema/datasets/covid19-call-center.record.schema.json', `sources/${CALL_CENTER_FILE}`];

function callCenterDataset(): Dataset {
  const { datasets, problems } = loadAllDatasets({ schemaDir: path.join(EXAMPLES, 'schema'), sourcesDir: path.join(EXAMPLES, 'sources') });
  expect(problems).toEqual([]);
  const dataset = datasets.find((d) => d.name === 'covid19-call-center');
  if (!dataset) throw new Error('covid19-call-center is not declared');
  return dataset;
}

/** A temporary project with the call center's files only (or both examples', with `all`). */
function project(all = false): { dir: string; flags: string[]; dist: string } {
  const dir = tempDir();
  if (all) {
    cpSync(path.join(EXAMPLES, 'schema'), path.join(dir, 'schema'), { recursive: true });
    cpSync(path.join(EXAMPLES, 'sources'), path.join(dir, 'sources'), { recursive: true });
  } else {
    for (const file of ['schema/dataset.schema.json', ...DATASET_FILES]) cpSync(path.join(EXAMPLES, file), path.join(dir, file));
  }
  const dist = path.join(dir, 'dist');
  return { dir, dist, flags: ['--schema', path.join(dir, 'schema'), '--sources', path.join(dir, 'sources'), '--dist', dist] };
}

/** The committed workbook with cells replaced. */
function edited(cells: Record<string, XLSX.CellObject>): Buffer {
  const book = XLSX.read(readFileSync(SOURCE), { type: 'buffer', cellNF: true, cellFormula: true });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  Object.assign(sheet, cells);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('the made-up call center workbook', () => {
  it('is what its committed script builds, and says it is made up in the title and a footnote', () => {
    expect(scriptWorkbook('test/fixtures/build-call-center-workbook.ts', 'callCenterWorkbook').equals(readFileSync(SOURCE))).toBe(true);
    expect(CALL_CENTER_TITLE).toContain('架空のデータ');
    expect(CALL_CENTER_NOTE).toContain('架空のデータ');
    const dataset = callCenterDataset();
    expect(dataset.title.ja).toContain('架空のデータ');
    expect(dataset.description.en).toContain('MADE-UP');
  });

  it('validates: twelve months as YYYY-MM, the 合計 row checked but not data, nothing to fix', () => {
    const { report, records } = processWorkbook(readFileSync(SOURCE), CALL_CENTER_FILE, callCenterDataset());
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.asOf).toBe('2021-03-31');
    expect(records.map((r) => r.month)).toEqual(CALL_CENTER_COUNTS.map(([month]) => month));
    expect(records.map((r) => r.total)).toEqual(CALL_CENTER_COUNTS.map(([, ...counts]) => counts.reduce((a, b) => a + b, 0)));
    expect(records.some((r) => r.month === null || r.month === '合計')).toBe(false);
    expect(report.events).toContainEqual(expect.objectContaining({ kind: 'totals-row-skipped', row: 16, cell: 'A16' }));
    expect(report.notes.map((n) => n.text)).toContain(CALL_CENTER_NOTE);
  });

  it('reports a totals row that does not add up, and a 合計 column that does not', () => {
    const dataset = callCenterDataset();
    const wrongRow = processWorkbook(edited({ B16: { t: 'n', v: 15590, f: 'SUM(B4:B15)' } }), CALL_CENTER_FILE, dataset);
    expect(wrongRow.report.errors).toMatchObject([{ code: 'totals-mismatch', cell: 'B16', field: 'medical_consultations' }]);
    const wrongTotal = processWorkbook(edited({ F4: { t: 'n', v: 3316 } }), CALL_CENTER_FILE, dataset);
    expect(wrongTotal.report.errors.map((e) => [e.code, e.cell])).toEqual([
      ['row-total-mismatch', 'F4'],
      ['totals-mismatch', 'F16'],
    ]);
  });

  it('builds and publishes 1.0.0 end to end: yearmonth, national columns of the fictional city, totals', async () => {
    const p = project();
    const validate = await runCli(['validate', path.join(p.dir, 'sources', CALL_CENTER_FILE), ...p.flags.slice(0, 4)], p.dir);
    expect(validate.code, validate.stdout).toBe(0);
    const result = await runCli(['publish', ...p.flags], p.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('covid19-call-center 1.0.0: 公開');
    const descriptor = JSON.parse(readFileSync(path.join(p.dist, 'covid19-call-center/1.0.0/datapackage.json'), 'utf8')) as DataPackage;
    const fields = descriptor.resources[0]!.schema!.fields;
    expect(fields.map((f) => [f.name, f.type])).toEqual([
      ['lg_code', 'string'],
      ['lg_name', 'string'],
      ['month', 'yearmonth'],
      ['medical_consultations', 'integer'],
      ['living_support', 'integer'],
      ['business_support', 'integer'],
      ['other', 'integer'],
      ['total', 'integer'],
    ]);
    const grandTotal = CALL_CENTER_COUNTS.flatMap(([, ...counts]) => counts).reduce((a, b) => a + b, 0);
    expect(descriptor.summary).toMatchObject({ asOf: '2021-03-31', rows: 12, totals: { total: { all: grandTotal, withoutRelisted: grandTotal } } });
    const csv = readFileSync(path.join(p.dist, 'covid19-call-center/1.0.0', descriptor.resources[0]!.path), 'utf8').split('\r\n');
    expect(csv[1]).toBe('999997,架空県架空市,2020-04,2184,512,398,221,3315');
    expect(csv.some((line) => line.includes('合計'))).toBe(false);
    expect(checkDist(p.dist)).toEqual([]);
  });

  it('publishes alongside the Hiratsuka list from a copy of the examples’ project', async () => {
    const p = project(true);
    const result = await runCli(['publish', ...p.flags], p.dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('covid19-measures 1.0.0: 公開');
    expect(result.stdout).toContain('covid19-call-center 1.0.0: 公開');
    expect(checkDist(p.dist)).toEqual([]);
  });
});

describe('adding the second dataset', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

  it('changed no file under pipeline/ (checked against git history)', () => {
    expect(git('rev-parse', '--is-shallow-repository'), 'needs the full history (actions/checkout fetch-depth: 0)').toBe('false');
    const commits = git('log', '--diff-filter=A', '--format=%H', '--', ...DATASET_FILES).split('\n').filter(Boolean);
    expect(commits.length, 'the commits that added the dataset files').toBeGreaterThan(0);
    // A repository made with "Use this template" starts with one commit adding every file: it says nothing of how the dataset came.
    const first = git('rev-list', '--max-parents=0', 'HEAD').split('\n');
    for (const commit of commits.filter((c) => !first.includes(c))) {
      const changed = git('show', '--name-only', '--format=', commit).split('\n').filter(Boolean);
      expect(changed, commit).toEqual(expect.arrayContaining([expect.stringMatching(/^(schema|sources)\//u)]));
      expect(changed.filter((file) => file.startsWith('pipeline/')), `commit ${commit}`).toEqual([]);
    }
    // Every file of the dataset was added by one of those commits.
    for (const file of DATASET_FILES) expect(git('log', '--diff-filter=A', '--format=%H', '--', file), file).not.toBe('');
  });
});
