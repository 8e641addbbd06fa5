import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { loadAllDatasets, type ProjectPaths } from '../dataset/load.ts';
import { matchesSource } from '../dataset/sourcePattern.ts';
import type { Problem } from '../problem/Problem.ts';

export interface ProjectOptions {
  schema?: string;
  sources?: string;
}

export function projectPaths(cwd: string, options: ProjectOptions): ProjectPaths {
  return {
    schemaDir: path.resolve(cwd, options.schema ?? 'schema'),
    sourcesDir: path.resolve(cwd, options.sources ?? 'sources'),
  };
}

export type DatasetChoice = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[]; usage?: string };

/**
 * The dataset named by --dataset, or the only declared one, or the one whose declared source file
 * (a name or a pattern) matches the name of a workbook given on the command line (`opendata validate sources/<its file>`).
 */
export function chooseDataset(paths: ProjectPaths, name: string | undefined, files: string[] = []): DatasetChoice {
  const { datasets, problems } = loadAllDatasets(paths);
  if (problems.length > 0) return { ok: false, problems };
  if (name !== undefined) {
    const dataset = datasets.find((d) => d.name === name);
    if (dataset) return { ok: true, dataset };
    return { ok: false, problems: [], usage: `unknown dataset "${name}" (declared: ${datasets.map((d) => d.name).join(', ') || 'none'})` };
  }
  if (datasets.length === 1) return { ok: true, dataset: datasets[0]! };
  const names = files.map((file) => path.basename(file));
  const bySource = datasets.filter((d) => names.some((name) => matchesSource(d.source.file, name)));
  if (bySource.length === 1) return { ok: true, dataset: bySource[0]! };
  return {
    ok: false,
    problems: [],
    usage: datasets.length === 0 ? `no dataset is declared under ${paths.schemaDir}/datasets` : `several datasets are declared: choose one with --dataset (${datasets.map((d) => d.name).join(', ')})`,
  };
}
