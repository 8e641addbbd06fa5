/**
 * The repository's own publication, whatever datasets it declares: the examples here, a city's own in a fork
 * (which deletes the examples, and has published nothing yet). These are the only tests that read the repository's
 * schema/datasets/, sources/ and dist/ (test/core/noShippedExamples.test.ts keeps it so).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../../pipeline/commands/readSource.ts';
import { sourceCandidates } from '../../pipeline/commands/sourceFiles.ts';
import { loadAllDatasets } from '../../pipeline/dataset/load.ts';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import type { CatalogIndex, DatasetIndex } from '../../pipeline/publish/VersionIndex.ts';
import { AED_FILE } from '../fixtures/build-aed-workbook.ts';
import { CALL_CENTER_FILE } from '../fixtures/build-call-center-workbook.ts';
import { checkDist } from '../helpers/checkDist.ts';
import { readTree, ROOT, runCli, tempDir } from '../helpers/project.ts';
import { scriptWorkbook } from '../helpers/scriptWorkbook.ts';

const DIST = path.join(ROOT, 'dist');
const declared = loadAllDatasets({ schemaDir: path.join(ROOT, 'schema'), sourcesDir: path.join(ROOT, 'sources') });
/** The datasets with a folder in dist/. A declared dataset is published by the workflow once merged: until then it has none. */
const published = existsSync(DIST) ? readdirSync(DIST).filter((name) => statSync(path.join(DIST, name)).isDirectory()).sort() : [];
const latestOf = (name: string): string => (JSON.parse(readFileSync(path.join(DIST, name, 'index.json'), 'utf8')) as DatasetIndex).latest;
const datasetNamed = (name: string) => declared.datasets.find((d) => d.name === name)!;
/** Workbooks in sources/ that a script under test/fixtures/ builds: the script and the function that makes the bytes. */
const BUILT_BY_SCRIPT: Record<string, [string, string]> = {
  [CALL_CENTER_FILE]: ['test/fixtures/build-call-center-workbook.ts', 'callCenterWorkbook'],
  [AED_FILE]: ['test/fixtures/build-aed-workbook.ts', 'aedWorkbook'],
};

/** A copy of the repository's schema/, sources/ and dist/ with only the published datasets' definitions and workbooks. */
function copyOfPublication(): string {
  const dir = tempDir('opendata-committed-');
  for (const folder of ['schema', 'dist']) {
    if (existsSync(path.join(ROOT, folder))) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  }
  mkdirSync(path.join(dir, 'sources'));
  for (const dataset of declared.datasets) {
    if (published.includes(dataset.name)) {
      for (const file of sourceCandidates(dataset)) cpSync(path.join(ROOT, 'sources', file), path.join(dir, 'sources', file));
    } else {
      rmSync(path.join(dir, 'schema', path.relative(path.join(ROOT, 'schema'), dataset.definitionPath)));
    }
  }
  return dir;
}

describe('the committed publication in dist/', () => {
  for (const file of existsSync(path.join(ROOT, 'sources')) ? readdirSync(path.join(ROOT, 'sources')) : []) {
    const script = BUILT_BY_SCRIPT[file];
    if (!script) continue;
    it(`sources/${file} is what its script under test/fixtures/ builds`, () => {
      expect(scriptWorkbook(...script).equals(readFileSync(path.join(ROOT, 'sources', file)))).toBe(true);
    });
  }

  it('has a folder for declared datasets only, each in the catalogue, and every indexed file matches its size and sha256', () => {
    expect(declared.problems).toEqual([]);
    const names = declared.datasets.map((d) => d.name);
    expect(published.filter((name) => !names.includes(name)), 'folders in dist/ that no definition declares').toEqual([]);
    const catalogue = path.join(DIST, 'index.json');
    const catalogued = existsSync(catalogue) ? (JSON.parse(readFileSync(catalogue, 'utf8')) as CatalogIndex).datasets : [];
    const listed = catalogued.map((d) => d.name).sort();
    expect(listed).toEqual(published);
    expect(published.length > 0 ? checkDist(DIST) : []).toEqual([]);
  });

  it('is what publishing the committed sources again writes: no file of dist/ changes, none is added', async () => {
    const dir = copyOfPublication();
    const before = existsSync(DIST) ? readTree(DIST) : new Map<string, string>();
    const result = await runCli(['publish'], dir);
    expect(result.code, result.stderr).toBe(0);
    const upToDate = published.map((name) => `${name} ${latestOf(name)}: 変更なし / up to date`);
    expect(result.stdout.trim().split('\n').filter(Boolean)).toEqual(upToDate);
    const after = readTree(path.join(dir, 'dist'));
    expect([...before].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file)).toEqual([]);
    // Where nothing is published yet, publishing writes the empty catalogue and its page.
    expect([...after.keys()].filter((file) => !before.has(file))).toEqual(before.size === 0 ? ['index.html', 'index.json'] : []);
  });

  for (const name of published) {
    it(`${name}: its latest version is what the package build makes from the committed source, file for file`, () => {
      const dataset = datasetNamed(name);
      const { report, records } = processSource(dataset, ROOT);
      expect(report.errors).toEqual([]);
      const built = buildPackage({ dataset, records, asOf: report.asOf!, version: latestOf(name) });
      expect(built.files.length).toBeGreaterThan(0);
      const committed = path.join(DIST, name, latestOf(name));
      const same = (file: { path: string; bytes: Uint8Array }) =>
        existsSync(path.join(committed, file.path)) && readFileSync(path.join(committed, file.path)).equals(file.bytes);
      const differing = built.files.filter((file) => !same(file));
      expect(differing.map((file) => file.path)).toEqual([]);
    });
  }

});
