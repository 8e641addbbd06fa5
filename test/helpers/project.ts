import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../pipeline/dataset/DatasetDefinition.ts';
import { loadAllDatasets } from '../../pipeline/dataset/load.ts';
import { main } from '../../pipeline/cli.ts';
import { assembleExamples } from './examples.ts';

/** The repository: its code, guides and schema/dataset.schema.json. Its own datasets are for test/publish/committedDist only. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The project of the two example datasets the tests use (see examples.ts), laid out like the repository. */
export const EXAMPLES = assembleExamples(ROOT);
export const SOURCE_WORKBOOK = path.join(EXAMPLES, 'sources/hiratsuka-covid19-measures-2020-09-01.xlsx');

/** One of the example datasets, loaded the way the CLI loads it. */
export function exampleDataset(name: string): Dataset {
  const { datasets, problems } = loadAllDatasets({ schemaDir: path.join(EXAMPLES, 'schema'), sourcesDir: path.join(EXAMPLES, 'sources') });
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  const dataset = datasets.find((d) => d.name === name);
  if (!dataset) throw new Error(`${name} is not declared`);
  return dataset;
}

export const measuresDataset = (): Dataset => exampleDataset('covid19-measures');

// Every temporary folder a test file made is removed when its worker ends (they were left in /tmp).
const made = new Set<string>();
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'opendata-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process in the examples' project (or `cwd`), capturing its output. */
export async function runCli(args: string[], cwd = EXAMPLES, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** Every file under dir, relative path → sha256 of its bytes, for comparing trees quickly. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else files.set(rel, createHash('sha256').update(readFileSync(path.join(dir, rel))).digest('hex'));
    }
  };
  walk('');
  return files;
}
