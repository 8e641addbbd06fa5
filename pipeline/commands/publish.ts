import path from 'node:path';
import { unreviewedGuesses } from '../dataset/guesses.ts';
import { loadAllDatasets, type ProjectPaths } from '../dataset/load.ts';
import { setOutputs } from '../github/actions.ts';
import { problemLines } from '../github/commandResult.ts';
import { tagFor, type PublishedVersion } from '../github/publishedVersions.ts';
import { publishDatasets, type DatasetRecords } from '../publish/publishDatasets.ts';
import { writeIfChanged } from '../publish/writeVersion.ts';
import { renderChangesText } from '../report/changes/text.ts';
import { makeReport } from '../report/Report.ts';
import { renderText } from '../report/text.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { processSource } from './readSource.ts';
import { undeclaredSources } from './sourceFiles.ts';

export interface PublishOptions {
  paths: ProjectPaths;
  dist: string;
  dryRun: boolean;
  /** Write the list of new versions here (JSON, `[]` when none), for the release step. */
  publishedFile?: string;
  /** Set GitHub Actions outputs `count` and `published`. */
  githubOutput?: boolean;
}

/** Validates and builds every dataset, decides each next version, and writes dist/ (or only says what it would). */
export async function publishCommand(io: Io, options: PublishOptions): Promise<ExitCode> {
  const loaded = loadAllDatasets(options.paths);
  const { datasets } = loaded;
  // A definition drafted by opendata init is published only once a person has reviewed its guesses,
  // and nothing is published while sources/ holds a file no definition declares (an upload going nowhere);
  // that is looked for once every definition loads, as a file's definition may be the one that failed.
  const problems = [
    ...loaded.problems,
    ...datasets.flatMap((d) => unreviewedGuesses(d, 'error') ?? []),
    ...(loaded.problems.length === 0 ? undeclaredSources(datasets, options.paths.sourcesDir, io.cwd) : []),
  ];
  if (problems.length > 0) {
    io.stderr(renderText(makeReport({ dataset: 'schema', file: options.paths.schemaDir, rows: 0, asOf: null, problems })));
    return EXIT.invalid;
  }
  const inputs: DatasetRecords[] = [];
  for (const dataset of datasets) {
    const { report, records } = processSource(dataset, io.cwd);
    if (report.valid && report.asOf !== null) inputs.push({ dataset, records, asOf: report.asOf });
    else io.stderr(renderText(report));
  }
  // Nothing is written unless every dataset is valid.
  if (inputs.length < datasets.length) return EXIT.invalid;

  const dist = path.resolve(io.cwd, options.dist);
  const outcome = publishDatasets(inputs, dist, { dryRun: options.dryRun, fileOps: io.fileOps });
  if (outcome.busy) {
    io.stderr(`${problemLines(outcome.busy).join('\n')}\n`);
    return EXIT.invalid;
  }
  for (const plan of outcome.conflicts) {
    io.stderr(
      `${plan.dataset.name} ${plan.version}: この版はすでに別の内容で公開されています。公開済みの版は書き換えません。\n` +
        `  refusing to overwrite the published version ${plan.version} with different content (${path.relative(io.cwd, path.join(dist, plan.dataset.name, plan.version))})\n`,
    );
  }
  if (outcome.conflicts.length > 0) return EXIT.invalid;

  const published: PublishedVersion[] = [];
  for (const plan of outcome.plans) {
    const fresh = plan.status !== 'up-to-date';
    const verb = !fresh ? '変更なし / up to date' : options.dryRun ? '公開予定 / would publish' : '公開 / published';
    io.stdout(`${plan.dataset.name} ${plan.version}: ${verb}\n`);
    if (!fresh) continue;
    io.stdout(renderChangesText(plan.change));
    published.push({
      dataset: plan.dataset.name,
      version: plan.version,
      tag: tagFor(plan.dataset.name, plan.version),
      notesFile: path.relative(io.cwd, plan.notesFile),
      zipFile: path.relative(io.cwd, plan.zipFile),
    });
  }
  if (options.dryRun) return EXIT.ok;
  if (options.publishedFile) {
    writeIfChanged(path.resolve(io.cwd, options.publishedFile), `${JSON.stringify(published, null, 2)}\n`, io.fileOps);
  }
  if (options.githubOutput) setOutputs({ count: published.length, published });
  return EXIT.ok;
}
