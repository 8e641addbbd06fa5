import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { unreviewedGuesses } from '../dataset/guesses.ts';
import { processWorkbook, type Processed } from '../process.ts';
import { problem } from '../problem/Problem.ts';
import { makeReport } from '../report/Report.ts';

/** Reads a workbook file and runs it through the stages; a file that cannot be read is a report too. */
export function processFile(file: string, dataset: Dataset, cwd: string): Processed {
  const absolute = path.resolve(cwd, file);
  const shown = path.relative(cwd, absolute) || file;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const missing = code === 'ENOENT';
    return {
      records: [],
      report: makeReport({
        dataset: dataset.name,
        file: shown,
        rows: 0,
        asOf: null,
        problems: [
          problem('source-error', 'error', { value: shown }, {
            ja: missing ? `ファイル「${shown}」が見つかりません。` : `ファイル「${shown}」を開けません（${code}）。`,
            en: missing ? `The file "${shown}" does not exist.` : `The file "${shown}" cannot be opened (${code}).`,
          }, {
            ja: 'ファイル名と置き場所を確かめてください。',
            en: 'Check the file name and its folder.',
          }),
        ],
      }),
    };
  }
  const processed = processWorkbook(bytes, shown, dataset);
  const unreviewed = unreviewedGuesses(dataset, 'warning');
  return unreviewed ? { ...processed, report: { ...processed.report, warnings: [unreviewed, ...processed.report.warnings] } } : processed;
}
