/** `opendata changed-datasets`: the validate matrix, from `git diff` and the declared definitions. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from '../fixtures/snapshots.ts';
import { EXAMPLES, ROOT, runCli, SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';
import { git } from './workflow/gitRepo.ts';

const MEASURES = 'covid19-measures';
const COPY = 'measures-copy';
/** The copy's workbook has a Japanese name: git must not quote it. */
const COPY_SOURCE = '平塚市_写し.xlsx';

let repo: string;
let base: string;

/** A commit on top of `base` that applies `change`; returns its SHA and leaves main at `base`. */
function commitOnBranch(change: (dir: string) => void): string {
  git(repo, 'checkout', '--quiet', '-B', 'topic', base);
  change(repo);
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '--allow-empty', '-m', 'change');
  return git(repo, 'rev-parse', 'HEAD');
}

const changed = (head: string, extra: string[] = []) => runCli(['changed-datasets', '--base', base, '--head', head, ...extra], repo);
const write = (file: string, content: string | Uint8Array) => (dir: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
};

beforeAll(() => {
  repo = tempDir('changed-');
  makeProject(repo, readFileSync(SOURCE_WORKBOOK));
  // A second dataset sharing the record schema, declared under another name and workbook.
  const definition = readFileSync(path.join(repo, 'schema/datasets', `${MEASURES}.yaml`), 'utf8')
    .replace(/^name: .*$/m, `name: ${COPY}`)
    .replace(/^ {2}file: .*$/m, `  file: ${COPY_SOURCE}`);
  writeFileSync(path.join(repo, 'schema/datasets', `${COPY}.yaml`), definition);
  writeFileSync(path.join(repo, 'sources', COPY_SOURCE), readFileSync(SOURCE_WORKBOOK));
  writeFileSync(path.join(repo, 'README.md'), '# data\n');
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '-m', 'base');
  base = git(repo, 'rev-parse', 'HEAD');
});

describe('opendata changed-datasets', () => {
  it.each([
    ['the workbook', [COPY], write(`sources/${COPY_SOURCE}`, 'new bytes')],
    ['the definition', [MEASURES], write(`schema/datasets/${MEASURES}.yaml`, readFileSync(path.join(EXAMPLES, 'schema/datasets', `${MEASURES}.yaml`), 'utf8') + '\n# note\n')],
    ['the shared record schema', [MEASURES, COPY], write(`schema/datasets/${MEASURES}.record.schema.json`, readFileSync(path.join(EXAMPLES, 'schema/datasets', `${MEASURES}.record.schema.json`), 'utf8') + '\n')],
    ['only the README', [], write('README.md', '# changed\n')],
    ['the pipeline code', [MEASURES, COPY], write('pipeline/normalize/rule.ts', 'export {};\n')],
    ['the definition schema', [MEASURES, COPY], write('schema/dataset.schema.json', readFileSync(path.join(ROOT, 'schema/dataset.schema.json'), 'utf8') + '\n')],
    ['package-lock.json', [MEASURES, COPY], write('package-lock.json', '{}\n')],
  ] as const)('a change to %s selects %j', async (_what, expected, change) => {
    const head = commitOnBranch(change);
    const result = await changed(head);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify(expected)}\n`);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('skips a dataset deleted on the branch without failing', async () => {
    const head = commitOnBranch((dir) => {
      rmSync(path.join(dir, 'schema/datasets', `${COPY}.yaml`));
      rmSync(path.join(dir, 'sources', COPY_SOURCE));
    });
    const result = await changed(head);
    expect(result).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('fails, in both languages, for a workbook uploaded under a name no dataset declares', async () => {
    const head = commitOnBranch(write('sources/hiratsuka-2020-10-01.xlsx', readFileSync(SOURCE_WORKBOOK)));
    const result = await changed(head);
    expect(result).toMatchObject({ code: 1, stdout: '[]\n' });
    expect(result.stderr).toContain('sources/hiratsuka-2020-10-01.xlsx はどのデータセット定義');
    expect(result.stderr).toContain('matches the source.file of no dataset definition');
  });

  it('compares with the merge base: what main gained meanwhile is not the branch’s change', async () => {
    const head = commitOnBranch(write(`sources/${COPY_SOURCE}`, 'branch bytes'));
    git(repo, 'checkout', '--quiet', '-B', 'main-later', base);
    write(`schema/datasets/${MEASURES}.yaml`, '# rewritten on main\n')(repo);
    git(repo, 'commit', '--quiet', '-am', 'main moves on');
    const mainLater = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'checkout', '--quiet', head);
    const result = await runCli(['changed-datasets', '--base', mainLater, '--head', head], repo);
    expect(result).toMatchObject({ code: 0, stdout: `${JSON.stringify([COPY])}\n` });
  });

  it('fails with a bilingual message for an unknown commit, and refuses an option as a commit', async () => {
    const unknown = await runCli(['changed-datasets', '--base', 'f'.repeat(40), '--head', base], repo);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('git の実行に失敗しました');
    expect(unknown.stderr).toContain('fetch-depth: 0');
    const option = await runCli(['changed-datasets', '--base=--output=/tmp/x', '--head', base], repo);
    expect(option.code).toBe(2);
    const missing = await runCli(['changed-datasets', '--base', base], repo);
    expect(missing.code).toBe(2);
  });
});
