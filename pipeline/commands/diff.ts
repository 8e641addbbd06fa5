import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { buildPackage } from '../package/buildPackage.ts';
import type { ChangeSet } from '../publish/diff/ChangeSet.ts';
import { diffPackages, type PublishedPackage } from '../publish/diff/diffPackages.ts';
import { asPublished, FIRST_VERSION, planVersion } from '../publish/planVersion.ts';
import { readPackageDir } from '../publish/published.ts';
import { renderChangesMarkdown } from '../report/changes/markdown.ts';
import { renderChangesText } from '../report/changes/text.ts';
import { renderText } from '../report/text.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { processFile } from './readSource.ts';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

type Side = { ok: true; pkg: PublishedPackage } | { ok: false; code: ExitCode };

function renderChange(change: ChangeSet, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(change, null, 2)}\n`;
  if (format === 'markdown') return renderChangesMarkdown(change, { level: 3, limit: 100 });
  return renderChangesText(change);
}

/** A package directory as published, or a workbook built the way publish would build it. */
function loadSide(io: Io, target: string, dataset: Dataset, version: string): Side {
  const absolute = path.resolve(io.cwd, target);
  if (existsSync(absolute) && statSync(absolute).isDirectory()) {
    const pkg = readPackageDir(absolute);
    if (pkg) return { ok: true, pkg };
    io.stderr(`${target}: datapackage.json がありません / not a data package directory\n`);
    return { ok: false, code: EXIT.invalid };
  }
  const { report, records } = processFile(target, dataset, io.cwd);
  if (!report.valid || report.asOf === null) {
    io.stderr(renderText(report));
    return { ok: false, code: EXIT.invalid };
  }
  return { ok: true, pkg: asPublished(buildPackage({ dataset, records, asOf: report.asOf, version })) };
}

/** `opendata diff <old> <new>`: two workbooks or package directories, compared by primary key. */
export function diffCommand(io: Io, options: { old: string; new: string; dataset: Dataset; format: DiffFormat }): ExitCode {
  const before = loadSide(io, options.old, options.dataset, FIRST_VERSION);
  if (!before.ok) return before.code;
  const previous = before.pkg.descriptor.version;
  const after = loadSide(io, options.new, options.dataset, previous);
  if (!after.ok) return after.code;
  const change = diffPackages(before.pkg, after.pkg);
  const toVersion = change.bump === 'none' || change.bump === 'initial' ? previous : (semver.inc(previous, change.bump) ?? previous);
  io.stdout(renderChange({ ...change, toVersion }, options.format));
  return EXIT.ok;
}

/** `opendata diff --dataset NAME`: the dataset's source workbook against its latest published version. */
export function diffSourceCommand(io: Io, options: { dataset: Dataset; dist: string; format: DiffFormat }): ExitCode {
  const { report, records } = processFile(options.dataset.sourcePath, options.dataset, io.cwd);
  if (!report.valid || report.asOf === null) {
    io.stderr(renderText(report));
    return EXIT.invalid;
  }
  const datasetDir = path.join(path.resolve(io.cwd, options.dist), options.dataset.name);
  const plan = planVersion({ dataset: options.dataset, records, asOf: report.asOf, datasetDir });
  io.stdout(renderChange(plan.change, options.format));
  return EXIT.ok;
}
