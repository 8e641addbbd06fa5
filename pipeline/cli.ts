import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DiffFormat } from './commands/diff.ts';
import { EXIT, type ExitCode, type Io } from './commands/Io.ts';
import { chooseDataset, projectPaths } from './commands/project.ts';
import { refusedOperationProblem } from './commands/refusedOperation.ts';
import type { ReportFormat } from './commands/validate.ts';
import { problemLines } from './github/commandResult.ts';
import { renderText } from './report/text.ts';
import { makeReport } from './report/Report.ts';
import { redactTokens } from './github/redact.ts';

// Each command's module is imported when that command runs (`build` never loads the GitHub client,
// the publisher or the init drafts), so start-up costs only what the command needs.

const usageText = async () => `使い方 / usage:
  opendata validate <file> [--dataset NAME] [--format text|json|markdown|github] [--summary] [--annotations] [--report-dir DIR]
  opendata validate --dataset NAME [--format …]     (the dataset's own source workbook)
  opendata build <file> --out <dir> [--dataset NAME]
  opendata publish [--sources DIR] [--dist DIR] [--schema DIR] [--dry-run] [--published-file FILE] [--github-output]
  opendata diff <old> <new> [--dataset NAME] [--format text|markdown|json]   (workbooks or package directories)
  opendata diff --dataset NAME [--dist DIR] [--format …]                      (source workbook vs latest published)
  opendata changed-datasets --base SHA --head SHA   (JSON array of the datasets a branch changes)
  opendata init <workbook> --dataset NAME [--out DIR] [--force] [--sheet NAME]   (draft a definition from a workbook)
${(await import('./commands/github.ts')).GITHUB_USAGE}`;

const COMMON = {
  dataset: { type: 'string' },
  schema: { type: 'string' },
  sources: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const COMMANDS = {
  validate: { ...COMMON, format: { type: 'string', default: 'text' }, summary: { type: 'boolean' }, annotations: { type: 'boolean' }, 'report-dir': { type: 'string' } },
  build: { ...COMMON, out: { type: 'string' }, version: { type: 'string' } },
  publish: { ...COMMON, dist: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'published-file': { type: 'string' }, 'github-output': { type: 'boolean' } },
  diff: { ...COMMON, dist: { type: 'string' }, format: { type: 'string', default: 'text' } },
  'changed-datasets': { ...COMMON, base: { type: 'string' }, head: { type: 'string' } },
  init: { ...COMMON, out: { type: 'string' }, force: { type: 'boolean' }, sheet: { type: 'string' } },
} as const satisfies Record<string, ParseArgsConfig['options']>;

class UsageError extends Error {}

async function usage(io: Io, message: string): Promise<ExitCode> {
  io.stderr(`opendata: ${message}\n\n${await usageText()}`);
  return EXIT.usage;
}

/** Runs one command; returns its exit code. Bad input never escapes as an exception. */
export async function main(argv: string[], io: Io): Promise<ExitCode> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout(await usageText());
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  // `github` has subcommands of its own, parsed in commands/github.ts.
  if (command === 'github') return (await import('./commands/github.ts')).githubCommand(rest, io);
  if (!Object.hasOwn(COMMANDS, command)) return usage(io, `unknown command "${command}"`);
  const name = command as keyof typeof COMMANDS;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: COMMANDS[name], allowPositionals: true, strict: true });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  if (values.help) {
    io.stdout(await usageText());
    return EXIT.ok;
  }
  try {
    return await run(name, values, positionals, io);
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    const refused = refusedOperationProblem(error, io.cwd);
    if (!refused) throw error;
    io.stderr(`${problemLines(refused).join('\n')}\n`);
    return EXIT.invalid;
  }
}

function requireString(values: Record<string, unknown>, key: string): string | undefined {
  const value = values[key];
  return typeof value === 'string' ? value : undefined;
}

async function run(command: keyof typeof COMMANDS, values: Record<string, string | boolean | undefined>, positionals: string[], io: Io): Promise<ExitCode> {
  const paths = projectPaths(io.cwd, { schema: requireString(values, 'schema'), sources: requireString(values, 'sources') });
  if (command === 'publish') {
    if (positionals.length > 0) throw new UsageError(`publish takes no file (got ${positionals.join(' ')})`);
    const { publishCommand } = await import('./commands/publish.ts');
    return publishCommand(io, {
      paths,
      dist: requireString(values, 'dist') ?? 'dist',
      dryRun: values['dry-run'] === true,
      publishedFile: requireString(values, 'published-file'),
      githubOutput: values['github-output'] === true,
    });
  }
  if (command === 'diff') return runDiff(values, positionals, paths, io);
  if (command === 'init') {
    const { DATASET_NAME, initCommand } = await import('./commands/init.ts');
    const name = requireString(values, 'dataset');
    if (positionals.length !== 1 || name === undefined) throw new UsageError('init needs one workbook and --dataset NAME');
    if (!DATASET_NAME.test(name)) throw new UsageError(`--dataset ${name}: use lower-case letters, digits and hyphens (e.g. covid19-call-center)`);
    return initCommand(io, { file: positionals[0]!, name, paths, out: requireString(values, 'out'), force: values.force === true, sheet: requireString(values, 'sheet') });
  }
  if (command === 'changed-datasets') {
    const base = requireString(values, 'base');
    const head = requireString(values, 'head');
    if (base === undefined || head === undefined || positionals.length > 0) throw new UsageError('changed-datasets needs --base SHA --head SHA and nothing else');
    const { changedDatasetsCommand } = await import('./commands/changedDatasets.ts');
    return changedDatasetsCommand(io, { paths, base, head });
  }
  if (command === 'validate') {
    if (positionals.length > 1) throw new UsageError(`unexpected arguments: ${positionals.slice(1).join(' ')}`);
    return runValidate(values, positionals[0], paths, io);
  }
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(`${command} needs a workbook file`);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  const choice = chooseDataset(paths, requireString(values, 'dataset'), [file]);
  if (!choice.ok) {
    if (choice.usage) throw new UsageError(choice.usage);
    io.stderr(renderText(makeReport({ dataset: requireString(values, 'dataset') ?? '?', file, rows: 0, asOf: null, problems: choice.problems })));
    return EXIT.invalid;
  }
  const out = requireString(values, 'out');
  if (!out) throw new UsageError('build needs --out <dir>');
  const { buildCommand } = await import('./commands/build.ts');
  return buildCommand(io, { file, out, dataset: choice.dataset, version: requireString(values, 'version') });
}

/** `validate`: the file given, or with `--dataset` alone the dataset's declared source workbook. */
async function runValidate(values: Record<string, string | boolean | undefined>, file: string | undefined, paths: ReturnType<typeof projectPaths>, io: Io): Promise<ExitCode> {
  const { REPORT_FORMATS, validateCommand } = await import('./commands/validate.ts');
  const format = requireString(values, 'format') ?? 'text';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  const name = requireString(values, 'dataset');
  if (file === undefined && name === undefined) throw new UsageError('validate needs a workbook file, or --dataset NAME for its source workbook');
  const choice = chooseDataset(paths, name, file === undefined ? [] : [file]);
  if (!choice.ok) {
    if (choice.usage) throw new UsageError(choice.usage);
    io.stderr(renderText(makeReport({ dataset: name ?? '?', file: file ?? paths.schemaDir, rows: 0, asOf: null, problems: choice.problems })));
    return EXIT.invalid;
  }
  return validateCommand(io, {
    file: file ?? choice.dataset.sourcePath,
    dataset: choice.dataset,
    format: format as ReportFormat,
    summary: values.summary === true,
    annotations: values.annotations === true,
    reportDir: requireString(values, 'report-dir'),
  });
}

/** Entry point for the `opendata` binary. */
async function runDiff(values: Record<string, string | boolean | undefined>, positionals: string[], paths: ReturnType<typeof projectPaths>, io: Io): Promise<ExitCode> {
  const { DIFF_FORMATS, diffCommand, diffSourceCommand } = await import('./commands/diff.ts');
  const format = requireString(values, 'format') ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(', ')}`);
  if (positionals.length !== 0 && positionals.length !== 2) throw new UsageError('diff takes two workbooks or package directories, or --dataset alone');
  const name = requireString(values, 'dataset');
  if (positionals.length === 0 && name === undefined) throw new UsageError('diff needs <old> <new> or --dataset NAME');
  const choice = chooseDataset(paths, name, positionals);
  if (!choice.ok) {
    if (choice.usage) throw new UsageError(choice.usage);
    io.stderr(renderText(makeReport({ dataset: name ?? '?', file: paths.schemaDir, rows: 0, asOf: null, problems: choice.problems })));
    return EXIT.invalid;
  }
  if (positionals.length === 0) return diffSourceCommand(io, { dataset: choice.dataset, dist: requireString(values, 'dist') ?? 'dist', format: format as DiffFormat });
  return diffCommand(io, { old: positionals[0]!, new: positionals[1]!, dataset: choice.dataset, format: format as DiffFormat });
}

/** `edges`: what a test runner replaces (e.g. file operations that stop at a chosen step). */
export async function runFromProcess(edges: Partial<Io> = {}): Promise<void> {
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    ...edges,
  };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    // A bug, not bad input: say so plainly and keep the stack for developers.
    // Redacted like every other message: an error thrown from a request can carry the token.
    const secrets = [process.env.GITHUB_TOKEN, process.env.CKAN_API_TOKEN];
    process.stderr.write(redactTokens(`opendata: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`, secrets));
    process.exitCode = 70;
  }
}
