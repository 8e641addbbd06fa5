import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadAllDatasets, type ProjectPaths } from '../dataset/load.ts';
import { buildPackage } from '../package/buildPackage.ts';
import type { BuiltPackage } from '../package/DataPackage.ts';
import { writeDirectoryAtomic } from '../publish/writeDirectory.ts';
import { renderText } from '../report/text.ts';
import { makeReport } from '../report/Report.ts';
import { INITIAL_VERSION } from './build.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { processFile } from './readSource.ts';

function sameContent(dir: string, built: BuiltPackage): boolean {
  if (!existsSync(dir)) return false;
  const names = readdirSync(dir).sort();
  if (names.join('\n') !== built.files.map((f) => f.path).sort().join('\n')) return false;
  return built.files.every((f) => Buffer.from(f.bytes).equals(readFileSync(path.join(dir, f.path))));
}

/** Validates and builds every declared dataset, then writes each version directory and `latest/`. */
export function publishCommand(io: Io, options: { paths: ProjectPaths; dist: string; dryRun: boolean }): ExitCode {
  const { datasets, problems } = loadAllDatasets(options.paths);
  if (problems.length > 0) {
    io.stderr(renderText(makeReport({ dataset: 'schema', file: options.paths.schemaDir, rows: 0, asOf: null, problems })));
    return EXIT.invalid;
  }
  const builds: { name: string; built: BuiltPackage }[] = [];
  let invalid = false;
  for (const dataset of datasets) {
    const { report, records } = processFile(dataset.sourcePath, dataset, io.cwd);
    if (!report.valid || report.asOf === null) {
      io.stderr(renderText(report));
      invalid = true;
      continue;
    }
    builds.push({ name: dataset.name, built: buildPackage({ dataset, records, asOf: report.asOf, version: INITIAL_VERSION }) });
  }
  // Nothing is written unless every dataset is valid.
  if (invalid) return EXIT.invalid;
  const dist = path.resolve(io.cwd, options.dist);
  for (const { name, built } of builds) {
    const versionDir = path.join(dist, name, built.descriptor.version);
    if (sameContent(versionDir, built)) {
      io.stdout(`${name} ${built.descriptor.version}: 変更なし / up to date\n`);
      continue;
    }
    if (existsSync(versionDir)) {
      io.stderr(`${name} ${built.descriptor.version}: 公開済みの版と内容が違うため上書きしません / refusing to overwrite a published version with different content\n`);
      return EXIT.invalid;
    }
    if (options.dryRun) {
      io.stdout(`${name} ${built.descriptor.version}: 公開します（dry run）/ would publish\n`);
      continue;
    }
    writeDirectoryAtomic(versionDir, built.files);
    writeDirectoryAtomic(path.join(dist, name, 'latest'), built.files);
    io.stdout(`${name} ${built.descriptor.version}: 公開しました / published → ${path.relative(io.cwd, versionDir)}\n`);
  }
  return EXIT.ok;
}
