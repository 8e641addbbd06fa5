import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectPaths } from '../dataset/load.ts';
import { DEFAULT_LIMITS } from '../ingest/container.ts';
import { readWorkbook } from '../ingest/readWorkbook.ts';
import { draftDataset } from '../init/draftDataset.ts';
import { renderDefinition, renderRecordSchema } from '../init/renderDraft.ts';
import { problem, type Problem } from '../problem/Problem.ts';
import { makeReport } from '../report/Report.ts';
import { renderText } from '../report/text.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { readSourceFile } from './sourceFiles.ts';

export const DATASET_NAME = /^[a-z0-9][a-z0-9-]*$/u;

export interface InitOptions {
  file: string;
  name: string;
  paths: ProjectPaths;
  /** Folder to write into; default: the schema folder's datasets/. */
  out?: string;
  force: boolean;
  sheet?: string;
}

function fail(io: Io, options: InitOptions, found: Problem): ExitCode {
  io.stderr(renderText(makeReport({ dataset: options.name, file: options.file, rows: 0, asOf: null, problems: [found] })));
  return EXIT.invalid;
}

/** `opendata init <workbook> --dataset NAME`: drafts a definition and record schema, every guess marked for review. */
export function initCommand(io: Io, options: InitOptions): ExitCode {
  const absolute = path.resolve(io.cwd, options.file);
  const fileName = path.basename(absolute);
  const bytes = readSourceFile(absolute, options.file, { sourcesDir: options.paths.sourcesDir, maxBytes: DEFAULT_LIMITS.maxUncompressedBytes });
  if (!bytes.ok) return fail(io, options, bytes.problem);
  const read = readWorkbook(bytes.bytes, fileName);
  if (!read.ok) return fail(io, options, read.problem);
  const draft = draftDataset(read.workbook, { name: options.name, fileName, ...(options.sheet ? { sheet: options.sheet } : {}) });
  if (!draft) {
    return fail(io, options, problem('init-no-header', 'error', { value: options.sheet ?? fileName }, {
      ja: `見出しの行が見つかりません。最初の30行に、2つ以上の見出しが並び、その下にデータが続く行が必要です${options.sheet ? `（シート「${options.sheet}」）` : ''}。`,
      en: `No header row was found: one of the first 30 rows must hold two or more labels with data below${options.sheet ? ` (sheet "${options.sheet}")` : ''}.`,
    }, { ja: '表の上に見出しの行を入れてください。', en: 'Put a header row above the data.' }));
  }
  const dir = path.resolve(io.cwd, options.out ?? path.join(options.paths.schemaDir, 'datasets'));
  const files = [
    { path: path.join(dir, `${options.name}.yaml`), text: renderDefinition(draft, path.relative(io.cwd, absolute) || fileName) },
    { path: path.join(dir, draft.definition.recordSchema), text: renderRecordSchema(draft) },
  ];
  const present = files.filter((f) => existsSync(f.path)).map((f) => path.relative(io.cwd, f.path));
  if (present.length > 0 && !options.force) {
    return fail(io, options, problem('init-exists', 'error', { value: present.join(', ') }, {
      ja: `${present.join('、')} はもうあります。上書きしませんでした。`,
      en: `${present.join(', ')} already exists; nothing was overwritten.`,
    }, { ja: '上書きするときは --force を付けてください。別の場所に書くときは --out DIR。', en: 'Add --force to overwrite, or write elsewhere with --out DIR.' }));
  }
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(file.path, file.text);
  const source = path.join(options.paths.sourcesDir, fileName);
  io.stdout(
    [
      `${files.map((f) => path.relative(io.cwd, f.path)).join(' と ')} を書きました / wrote ${files.map((f) => path.relative(io.cwd, f.path)).join(', ')}`,
      `シート「${draft.sheet}」: ${draft.headerRow}行目が見出し、データ${draft.rows}行 / sheet "${draft.sheet}": header on row ${draft.headerRow}, ${draft.rows} data rows`,
      ...draft.definition.columns.map((c) => `  ${c.label} → ${c.rule}`),
      `推測 ${draft.definition.guessed.length}か所（# 推測 / guessed）を確かめてから guessed: を消してください / review the ${draft.definition.guessed.length} guesses, then delete guessed:`,
      ...(existsSync(source) ? [] : [`ブックを ${path.relative(io.cwd, source)} に置いてください / put the workbook at ${path.relative(io.cwd, source)}`]),
      `試す / try: opendata validate ${path.relative(io.cwd, source)} --dataset ${options.name}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
