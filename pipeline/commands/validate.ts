import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { renderJson } from '../report/json.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { Report } from '../report/Report.ts';
import { renderText } from '../report/text.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { processFile } from './readSource.ts';

export const REPORT_FORMATS = ['text', 'json', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(report: Report, format: ReportFormat): string {
  if (format === 'json') return renderJson(report);
  if (format === 'markdown') return renderMarkdown(report);
  return renderText(report);
}

export function validateCommand(io: Io, options: { file: string; dataset: Dataset; format: ReportFormat }): ExitCode {
  const { report } = processFile(options.file, options.dataset, io.cwd);
  io.stdout(renderReport(report, options.format));
  return report.valid ? EXIT.ok : EXIT.invalid;
}
