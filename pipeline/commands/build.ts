import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { completePackage, packageData } from '../package/buildPackage.ts';
import type { BuiltPackage } from '../package/DataPackage.ts';
import { writeDirectoryAtomic } from '../publish/writeDirectory.ts';
import { makeReport, reportTotals } from '../report/Report.ts';
import { renderText } from '../report/text.ts';
import { timed, timingsLine } from '../timings.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { processFile } from './readSource.ts';

export const INITIAL_VERSION = '1.0.0';

/** One workbook → one package directory; nothing is written when the input is invalid. */
export function buildCommand(io: Io, options: { file: string; out: string; dataset: Dataset; version?: string }): ExitCode {
  const { report, records } = processFile(options.file, options.dataset, io.cwd);
  if (!report.valid || report.asOf === null) {
    io.stderr(renderText(report));
    return EXIT.invalid;
  }
  const asOf = report.asOf;
  const data = timed('package', () => packageData({ dataset: options.dataset, records, asOf, version: options.version ?? INITIAL_VERSION }));
  const out = path.resolve(io.cwd, options.out);
  // The record files go to disk as they are made (so "write" includes making them); the descriptor
  // and the rest follow, with their sizes and hashes.
  // A descriptor that fails the official profiles is refused before anything appears at `out`.
  let built: BuiltPackage | undefined;
  const written = timed('write', () =>
    writeDirectoryAtomic(out, [data.csv, data.json, data.excel], () => {
      built = completePackage(data);
      return built.problems.length > 0 ? null : built.files;
    }),
  );
  if (!built) throw new Error('the package was not completed');
  if (!written) {
    io.stderr(renderText(makeReport({ dataset: options.dataset.name, file: options.file, rows: report.rows, asOf, problems: built.problems })));
    return EXIT.invalid;
  }
  if (io.env.OPENDATA_TIMINGS === '1') io.stderr(timingsLine());
  io.stdout(`${options.dataset.name} ${built.descriptor.version}: ${report.rows}行 → ${path.relative(io.cwd, out) || '.'} (${built.files.map((f) => f.path).join(', ')})\n`);
  const warnings = reportTotals(report).warnings;
  if (warnings > 0) io.stderr(`警告 ${warnings}件 / ${warnings} warnings (opendata validate で詳しく見られます)\n`);
  return EXIT.ok;
}
