import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { unreviewedGuesses } from '../dataset/guesses.ts';
import { isPattern } from '../dataset/sourcePattern.ts';
import { processWorkbook, sourceLimits, type Processed } from '../process.ts';
import { problem, type Problem } from '../problem/Problem.ts';
import { makeReport } from '../report/Report.ts';
import { readSourceFile, sourceCandidates, sourceMissing } from './sourceFiles.ts';

const shownPath = (absolute: string, cwd: string) => path.relative(cwd, absolute) || absolute;

const unread = (dataset: Dataset, shown: string, problems: Problem[]): Processed => ({
  records: [],
  report: makeReport({ dataset: dataset.name, file: shown, rows: 0, asOf: null, problems }),
});

/**
 * Reads a workbook file and runs it through the stages; a file that cannot be read is a report too.
 * The dataset's declared source (its sourcePath, a name or a pattern) is the file processSource chooses.
 */
export function processFile(file: string, dataset: Dataset, cwd: string): Processed {
  const absolute = path.resolve(cwd, file);
  return absolute === dataset.sourcePath ? processSource(dataset, cwd) : withGuesses(dataset, processWorkbookFile(absolute, dataset, cwd));
}

/** A definition still holding `opendata init`'s guesses is read, with a warning saying so first. */
function withGuesses(dataset: Dataset, processed: Processed): Processed {
  const unreviewed = unreviewedGuesses(dataset, 'warning');
  return unreviewed ? { ...processed, report: { ...processed.report, warnings: [unreviewed, ...processed.report.warnings] } } : processed;
}

function processWorkbookFile(absolute: string, dataset: Dataset, cwd: string): Processed & { read: boolean } {
  const shown = shownPath(absolute, cwd);
  const read = readSourceFile(absolute, shown, { sourcesDir: path.dirname(dataset.sourcePath), maxBytes: sourceLimits(dataset).maxUncompressedBytes });
  return read.ok ? { ...processWorkbook(read.bytes, shown, dataset), read: true } : { ...unread(dataset, shown, [read.problem]), read: false };
}

/**
 * The dataset's source: the one file its source.file names, or of the files its pattern matches the
 * one with the newest as-of date (read by the stages, as for publishing). Every candidate must give its
 * date and no two the same one; otherwise which file is the newest is unknown, and that is the report.
 */
export function processSource(dataset: Dataset, cwd: string): Processed {
  const sourcesDir = path.dirname(dataset.sourcePath);
  const candidates = sourceCandidates(dataset).map((name) => path.join(sourcesDir, name));
  if (candidates.length === 0) {
    const shown = shownPath(dataset.sourcePath, cwd);
    return unread(dataset, shown, [sourceMissing(shown, isPattern(dataset.source.file))]);
  }
  if (candidates.length === 1) return withGuesses(dataset, processWorkbookFile(candidates[0]!, dataset, cwd));
  let newest: { asOf: string; processed: Processed } | undefined;
  const dated = new Map<string, string>();
  for (const file of candidates) {
    const { read, ...processed } = processWorkbookFile(file, dataset, cwd);
    if (!read) return processed;
    const { asOf } = processed.report;
    if (asOf === null) return withProblem(processed, undated(dataset, shownPath(file, cwd)));
    const same = dated.get(asOf);
    if (same !== undefined) return unread(dataset, shownPath(file, cwd), [sameAsOf(dataset, shownPath(same, cwd), shownPath(file, cwd), asOf)]);
    dated.set(asOf, file);
    if (!newest || asOf > newest.asOf) newest = { asOf, processed };
  }
  return withGuesses(dataset, newest!.processed);
}

function withProblem(processed: Processed, first: Problem): Processed {
  const { report } = processed;
  return { records: [], report: { ...report, valid: false, errors: [first, ...report.errors] } };
}

function undated(dataset: Dataset, shown: string): Problem {
  return problem('source-ambiguous', 'error', { value: shown }, {
    ja: `「${shown}」の時点が読めないため、「${dataset.source.file}」に当てはまるファイルのうちどれが最新か決められません。`,
    en: `The as-of date of "${shown}" cannot be read, so which of the files matching "${dataset.source.file}" is the newest is unknown.`,
  }, {
    ja: 'このファイルの表題に「令和○年○月○日時点」を書くか、古い要らないファイルなら消してください。',
    en: 'Write the date in its title row (e.g. 令和2年9月1日時点), or delete it if it is an old file no longer needed.',
  });
}

function sameAsOf(dataset: Dataset, first: string, second: string, asOf: string): Problem {
  return problem('source-ambiguous', 'error', { value: `${first}, ${second}` }, {
    ja: `「${first}」と「${second}」はどちらも「${dataset.source.file}」に当てはまり、時点も同じ ${asOf} なので、どちらを公開するか決められません。`,
    en: `"${first}" and "${second}" both match "${dataset.source.file}" and have the same as-of date ${asOf}, so which one to publish is unknown.`,
  }, {
    ja: '間違ってアップロードしたほうを消すか、表題の時点を直してください。',
    en: 'Delete the one uploaded by mistake, or correct the as-of date in its title.',
  });
}
