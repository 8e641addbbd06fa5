import { existsSync, lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { loadAllDatasets, type ProjectPaths } from '../dataset/load.ts';
import { matchesSource } from '../dataset/sourcePattern.ts';
import { problemLines } from '../github/commandResult.ts';
import { makeReport } from '../report/Report.ts';
import { renderText } from '../report/text.ts';
import { isRevision, runGit } from './git.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { sourceNotDeclared } from './sourceFiles.ts';

/** Repository paths whose change can alter every dataset's result: the code and its dependencies. */
const EVERYTHING_PREFIXES = ['pipeline/'];
const EVERYTHING_FILES = ['package.json', 'package-lock.json'];

export interface ChangedSelection {
  /** Names of the datasets to validate, in declaration order. */
  names: string[];
  /** Changed files under sources/ that no definition declares (e.g. a workbook uploaded under a new name): an error. */
  unclaimed: string[];
}

/** `abs` relative to the repository root, with `/`; symlinked temp folders resolve like git's paths. */
function repoPath(root: string, abs: string): string {
  const dir = path.dirname(abs);
  const real = existsSync(dir) ? realpathSync(dir) : dir;
  return path.relative(root, path.join(real, path.basename(abs))).split(path.sep).join('/');
}

/** The files that make up one dataset besides its workbooks: its definition and its record schema. */
function definitionFiles(dataset: Dataset): string[] {
  const definition = path.resolve(process.cwd(), dataset.definitionPath);
  return [definition, path.join(path.dirname(definition), dataset.recordSchema)];
}

/** Whether anything, a dangling link included, is at `file` in the working tree. */
function present(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which datasets a change touches. `changed` holds repository paths (as `git diff --name-only`
 * prints them); a dataset deleted in the new tree is simply no longer declared, so it is skipped.
 * A workbook added, changed or deleted under a name the dataset's source.file (a name or a pattern)
 * stands for changes that dataset: with a pattern, which workbook is the newest may have changed.
 */
export function selectChanged(datasets: readonly Dataset[], changed: readonly string[], root: string, paths: ProjectPaths): ChangedSelection {
  const everythingFiles = [...EVERYTHING_FILES, repoPath(root, path.join(paths.schemaDir, 'dataset.schema.json'))];
  const touchesEverything = changed.some((f) => everythingFiles.includes(f) || EVERYTHING_PREFIXES.some((p) => f.startsWith(p)));
  const sourcesPrefix = `${repoPath(root, paths.sourcesDir)}/`;
  // Names inside sources/ (hidden files such as .gitkeep are not workbooks).
  const sources = changed.filter((f) => f.startsWith(sourcesPrefix)).map((f) => f.slice(sourcesPrefix.length)).filter((f) => !/(^|\/)\./u.test(f));
  const isSourceOf = (dataset: Dataset, name: string) => !name.includes('/') && matchesSource(dataset.source.file, name);
  const touches = (dataset: Dataset) =>
    touchesEverything || definitionFiles(dataset).some((f) => changed.includes(repoPath(root, f))) || sources.some((name) => isSourceOf(dataset, name));
  const names = datasets.filter(touches).map((d) => d.name);
  const unclaimed = sources
    .filter((name) => !datasets.some((d) => isSourceOf(d, name)) && present(path.join(root, sourcesPrefix, name)))
    .map((name) => `${sourcesPrefix}${name}`);
  return { names, unclaimed };
}

/**
 * `opendata changed-datasets --base SHA --head SHA`: prints one JSON array (one line) of the
 * datasets whose definition, record schema or workbook changed on the branch (`base...head`,
 * i.e. since the merge base), or every dataset when the pipeline or its dependencies changed.
 * Exits 1, naming them, when the branch adds files to sources/ that no definition declares.
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
  for (const file of selection.unclaimed) io.stderr(`${problemLines(sourceNotDeclared(file)).join('\n')}\n`);
  io.stdout(`${JSON.stringify(selection.names)}\n`);
  // An upload no definition declares would never be validated or published: the check fails, saying so.
  return selection.unclaimed.length > 0 ? EXIT.invalid : EXIT.ok;
}
