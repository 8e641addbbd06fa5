/**
 * A made-up project for the publishing fault tests: one declared dataset with 1.0.0 already published and
 * a later snapshot (one row changed, one added) waiting in sources/ to become 1.1.0. Nothing here is real data.
 */
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { main } from '../../pipeline/cli.ts';
import type { FileOps } from '../../pipeline/publish/fileOps.ts';
import { declaredProject, madeUpDefinition, type DeclaredProject } from '../fixtures/declaredProject.ts';
import { readTree, tempDir, type CliRun } from '../helpers/project.ts';

const NAME = 'fault-demo';
const SOURCE = 'fault-demo.xlsx';

const definition = madeUpDefinition(NAME, SOURCE, {
  primaryKey: 'no',
  columns: [
    { label: '番号', field: 'no', rule: 'integer' },
    { label: '名称', field: 'name', rule: 'text' },
    { label: '件数', field: 'count', rule: 'integer' },
  ],
});

const recordSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['no', 'name', 'count'],
  properties: {
    no: { type: 'integer', minimum: 1, title: '番号' },
    name: { type: 'string', title: '名称' },
    count: { type: 'integer', minimum: 0, title: '件数' },
  },
};

function workbook(date: string, rows: (string | number)[][]): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet([[`架空の窓口の件数（${date}時点）※架空のデータ`], [], ['番号', '名称', '件数'], ...rows]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '一覧');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const FIRST = workbook('令和2年7月1日', [[1, '電話相談', 10], [2, '窓口相談', 20]]);
const LATER = workbook('令和2年8月1日', [[1, '電話相談', 15], [2, '窓口相談', 20], [3, 'メール相談', 5]]);

export const PUBLISH_ARGS = ['publish', '--schema', 'schema', '--sources', 'sources', '--dist', 'dist'];

/** Runs the CLI in `dir` as a person would, with publishing's file operations given (the real ones when not). */
export async function publishIn(dir: string, fileOps?: FileOps): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = { cwd: dir, env: {}, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), fileOps };
  const code = await main(PUBLISH_ARGS, io);
  return { code, stdout, stderr };
}

export interface PublishedProject {
  /** A fresh copy of the project with 1.0.0 published and the later snapshot in sources/. */
  copy(): DeclaredProject;
  /** Every file of dist/ once the later snapshot is published (relative path → sha256). */
  expected: Map<string, string>;
}

export async function publishedProject(): Promise<PublishedProject> {
  const base = declaredProject({ name: NAME, definition, recordSchema, workbooks: { [SOURCE]: FIRST } });
  const first = await publishIn(base.dir);
  if (first.code !== 0) throw new Error(first.stderr);
  writeFileSync(path.join(base.sources, SOURCE), LATER);
  const copy = (): DeclaredProject => {
    const dir = tempDir();
    cpSync(base.dir, dir, { recursive: true });
    return { ...base, dir, schema: path.join(dir, 'schema'), sources: path.join(dir, 'sources'), dist: path.join(dir, 'dist') };
  };
  const done = copy();
  const later = await publishIn(done.dir);
  if (later.code !== 0 || !later.stdout.includes('1.1.0')) throw new Error(later.stdout + later.stderr);
  return { copy, expected: readTree(done.dist) };
}

/** Hidden files and folders anywhere under dir: staging, retired and temporary siblings, the lock. */
export function hiddenEntries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((rel) => rel.split(path.sep).some((part) => part.startsWith('.')));
}

export const DATASET = NAME;
