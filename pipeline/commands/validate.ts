import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { annotate, writeSummary } from '../github/actions.ts';
import { shownProblem } from '../report/format.ts';
import { renderGithub } from '../report/github.ts';
import { renderJson } from '../report/json.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { Report } from '../report/Report.ts';
import { renderText } from '../report/text.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { processFile } from './readSource.ts';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(report: Report, format: ReportFormat): string {
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'github') return renderGithub(report);
  return renderText(report);
}

export interface ValidateOptions {
  file: string;
  dataset: Dataset;
  format: ReportFormat;
  /** Append the markdown report to the Actions job summary (only when GITHUB_STEP_SUMMARY is set). */
  summary?: boolean;
  /** Emit one GitHub annotation per problem on the workbook. */
  annotations?: boolean;
  /** Write report.json and report.md into this folder (created if missing). */
  reportDir?: string;
}

/** Writes report.json and report.md; a folder that cannot be written is the caller's mistake, said plainly. */
function writeReportDir(io: Io, dir: string, report: Report): boolean {
  const absolute = path.resolve(io.cwd, dir);
  try {
    mkdirSync(absolute, { recursive: true });
    writeFileSync(path.join(absolute, 'report.json'), renderJson(report));
    writeFileSync(path.join(absolute, 'report.md'), renderMarkdown(report));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    io.stderr(`opendata: --report-dir ${dir} にレポートを書き込めません（${code}）/ cannot write the report into ${dir} (${code})\n`);
    return false;
  }
}

/** Validates one workbook; the report goes to stdout in `format`, and where the options say. Exit 1 when invalid. */
export async function validateCommand(io: Io, options: ValidateOptions): Promise<ExitCode> {
  const { report } = processFile(options.file, options.dataset, io.cwd);
  io.stdout(renderReport(report, options.format));
  if (options.reportDir !== undefined && !writeReportDir(io, options.reportDir, report)) return EXIT.usage;
  if (options.annotations) annotate([...report.errors, ...report.warnings].map((p) => shownProblem(p)), report.file);
  if (options.summary && io.env.GITHUB_STEP_SUMMARY) await writeSummary(renderMarkdown(report));
  return report.valid ? EXIT.ok : EXIT.invalid;
}
