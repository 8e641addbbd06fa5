import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { loadAllDatasets, type ProjectPaths } from '../dataset/load.ts';
import { problemLines } from '../github/commandResult.ts';
import { problem, type Problem } from '../problem/Problem.ts';
import { makeReport } from '../report/Report.ts';
import { renderText } from '../report/text.ts';
import { isRevision, runGit } from './git.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';

/** Repository paths whose change can alter every dataset's result: the code and its dependencies. */
const EVERYTHING_PREFIXES = ['pipeline/'];
const EVERYTHING_FILES = ['package.json', 'package-lock.json'];

export interface ChangedSelection {
  /** Names of the datasets to validate, in declaration order. */
  names: string[];
  /** Changed files under sources/ that no definition names (e.g. a workbook uploaded under a new name). */
  unclaimed: string[];
}

/** `abs` relative to the repository root, with `/`; symlinked temp folders resolve like git's paths. */
function repoPath(root: string, abs: string): string {
  const dir = path.dirname(abs);
  const real = existsSync(dir) ? realpathSync(dir) : dir;
  return path.relative(root, path.join(real, path.basename(abs))).split(path.sep).join('/');
}

/** The files that make up one dataset: its definition, its record schema and its source workbook. */
function datasetFiles(dataset: Dataset): string[] {
  const definition = path.resolve(process.cwd(), dataset.definitionPath);
  return [definition, path.join(path.dirname(definition), dataset.recordSchema), dataset.sourcePath];
}

/**
 * Which datasets a change touches. `changed` holds repository paths (as `git diff --name-only`
 * prints them); a dataset deleted in the new tree is simply no longer declared, so it is skipped.
 */
export function selectChanged(datasets: readonly Dataset[], changed: readonly string[], root: string, paths: ProjectPaths): ChangedSelection {
  const everythingFiles = [...EVERYTHING_FILES, repoPath(root, path.join(paths.schemaDir, 'dataset.schema.json'))];
  const touchesEverything = changed.some((f) => everythingFiles.includes(f) || EVERYTHING_PREFIXES.some((p) => f.startsWith(p)));
  const owned = new Map(datasets.map((d) => [d.name, datasetFiles(d).map((f) => repoPath(root, f))]));
  const names = datasets.filter((d) => touchesEverything || owned.get(d.name)!.some((f) => changed.includes(f))).map((d) => d.name);
  const claimed = new Set([...owned.values()].flat());
  const sourcesPrefix = `${repoPath(root, paths.sourcesDir)}/`;
  const unclaimed = changed.filter((f) => f.startsWith(sourcesPrefix) && !claimed.has(f) && existsSync(path.join(root, f)));
  return { names, unclaimed };
}

const unclaimedWarning = (file: string): Problem =>
  problem(
    'source-not-declared',
    'warning',
    { value: file },
    {
      ja: `${file} はどのデータセット定義（schema/datasets/*.yaml の source.file）にも書かれていないため、検証も公開もされません。`,
      en: `${file} is not the source.file of any dataset definition, so it is neither validated nor published.`,
    },
    {
      ja: '既存のデータセットを更新するときは、元と同じファイル名でアップロードしてください。',
      en: 'To update a dataset, upload the workbook under its existing file name.',
    },
  );

/**
 * `opendata changed-datasets --base SHA --head SHA`: prints one JSON array (one line) of the
 * datasets whose definition, record schema or workbook changed on the branch (`base...head`,
 * i.e. since the merge base), or every dataset when the pipeline or its dependencies changed.
 */
export async function changedDatasetsCommand(io: Io, options: { paths: ProjectPaths; base: string; head: string }): Promise<ExitCode> {
  for (const [flag, value] of [['--base', options.base], ['--head', options.head]] as const) {
    if (!isRevision(value)) {
      io.stderr(`opendata: ${flag} must be a commit (got ${JSON.stringify(value)})\n`);
      return EXIT.usage;
    }
  }
  const top = await runGit(['rev-parse', '--show-toplevel'], io.cwd);
  const diff = top.ok ? await runGit(['diff', '--name-only', '--no-renames', '-z', `${options.base}...${options.head}`, '--'], io.cwd) : top;
  if (!diff.ok) {
    io.stderr(`${problemLines(diff.problem).join('\n')}\n`);
    return EXIT.invalid;
  }
  const { datasets, problems } = loadAllDatasets(options.paths);
  if (problems.length > 0) {
    io.stderr(renderText(makeReport({ dataset: 'schema', file: options.paths.schemaDir, rows: 0, asOf: null, problems })));
    return EXIT.invalid;
  }
  const root = realpathSync(top.ok ? top.stdout.trim() : io.cwd);
  const changed = diff.stdout.split('\0').filter((f) => f !== '');
  const selection = selectChanged(datasets, changed, root, options.paths);
  for (const file of selection.unclaimed) io.stderr(`${problemLines(unclaimedWarning(file)).join('\n')}\n`);
  io.stdout(`${JSON.stringify(selection.names)}\n`);
  return EXIT.ok;
}
