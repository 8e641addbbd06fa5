import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { loadAllDatasets, type ProjectPaths } from '../dataset/load.ts';
import { setOutputs } from '../github/actions.ts';
import { tagFor, type PublishedVersion } from '../github/publishedVersions.ts';
import { planVersion, type VersionPlan } from '../publish/planVersion.ts';
import type { CatalogIndex } from '../publish/VersionIndex.ts';
import { writeCatalog, writeIfChanged, writeVersion } from '../publish/writeVersion.ts';
import { renderChangesText } from '../report/changes/text.ts';
import { makeReport } from '../report/Report.ts';
import { renderText } from '../report/text.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { processFile } from './readSource.ts';

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
  const { datasets, problems } = loadAllDatasets(options.paths);
  if (problems.length > 0) {
    io.stderr(renderText(makeReport({ dataset: 'schema', file: options.paths.schemaDir, rows: 0, asOf: null, problems })));
    return EXIT.invalid;
  }
  const dist = path.resolve(io.cwd, options.dist);
  const plans: VersionPlan[] = [];
  let invalid = false;
  for (const dataset of datasets) {
    const { report, records } = processFile(dataset.sourcePath, dataset, io.cwd);
    if (!report.valid || report.asOf === null) {
      io.stderr(renderText(report));
      invalid = true;
      continue;
    }
    plans.push(planVersion({ dataset, records, asOf: report.asOf, datasetDir: path.join(dist, dataset.name) }));
  }
  // Nothing is written unless every dataset is valid and no published version would be overwritten.
  if (invalid) return EXIT.invalid;
  const conflicts = plans.filter((p) => p.status === 'conflict');
  for (const plan of conflicts) {
    io.stderr(
      `${plan.dataset.name} ${plan.version}: この版はすでに別の内容で公開されています。公開済みの版は書き換えません。\n` +
        `  refusing to overwrite the published version ${plan.version} with different content (${path.relative(io.cwd, path.join(dist, plan.dataset.name, plan.version))})\n`,
    );
  }
  if (conflicts.length > 0) return EXIT.invalid;

  for (const plan of plans) {
    const verb = plan.status === 'up-to-date' ? '変更なし / up to date' : options.dryRun ? '公開予定 / would publish' : '公開 / published';
    io.stdout(`${plan.dataset.name} ${plan.version}: ${verb}\n`);
    if (plan.status !== 'up-to-date') io.stdout(renderChangesText(plan.change));
  }
  if (options.dryRun) return EXIT.ok;

  const catalog: CatalogIndex['datasets'] = [];
  const published: PublishedVersion[] = [];
  for (const plan of plans) {
    const datasetDir = path.join(dist, plan.dataset.name);
    const index = writeVersion(plan, datasetDir, plan.dataset.title);
    const latest = index.versions.find((v) => v.version === index.latest)!;
    catalog.push(catalogEntry(plan.dataset, index.latest, latest.asOf));
    if (plan.status !== 'up-to-date') {
      published.push({ dataset: plan.dataset.name, version: plan.version, tag: tagFor(plan.dataset.name, plan.version), notesFile: path.relative(io.cwd, plan.notesFile), zipFile: path.relative(io.cwd, plan.zipFile) });
    }
  }
  writeCatalog(dist, catalog);
  if (options.publishedFile) writeIfChanged(path.resolve(io.cwd, options.publishedFile), `${JSON.stringify(published, null, 2)}\n`);
  if (options.githubOutput) setOutputs({ count: published.length, published });
  return EXIT.ok;
}

function catalogEntry(dataset: Dataset, latest: string, asOf: string): CatalogIndex['datasets'][number] {
  const publisher = { ja: `${dataset.publisher.prefecture?.ja ?? ''}${dataset.publisher.name.ja}`, en: dataset.publisher.name.en };
  return { name: dataset.name, title: dataset.title, latest, asOf, publisher, path: `${dataset.name}/` };
}
