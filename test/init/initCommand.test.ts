import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLES, runCli, tempDir } from '../helpers/project.ts';

const WORKBOOK = 'made-up-covid19-call-center-2021-03-31.xlsx';

/** A project with dataset.schema.json, the Hiratsuka list (its definition gives the publisher) and the call center workbook. */
function project() {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'schema/datasets'), { recursive: true });
  mkdirSync(path.join(dir, 'sources'));
  for (const file of ['dataset.schema.json', 'datasets/covid19-measures.yaml', 'datasets/covid19-measures.record.schema.json']) copyFileSync(path.join(EXAMPLES, 'schema', file), path.join(dir, 'schema', file));
  for (const file of [WORKBOOK, 'hiratsuka-covid19-measures-2020-09-01.xlsx']) copyFileSync(path.join(EXAMPLES, 'sources', file), path.join(dir, 'sources', file));
  return dir;
}

const init = (dir: string, ...args: string[]) => runCli(['init', `sources/${WORKBOOK}`, '--dataset', 'calls', ...args], dir);

describe('opendata init', () => {
  it('writes a draft into schema/datasets that validates, warns while guesses remain, and is not published until reviewed', async () => {
    const dir = project();
    const result = await init(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('schema/datasets/calls.yaml');
    expect(result.stdout).toContain('月 → month');
    const yaml = readFileSync(path.join(dir, 'schema/datasets/calls.yaml'), 'utf8');
    expect(yaml).toContain('# 推測 / guessed: rule: 12件すべてが年月');
    expect(yaml).toMatch(/^guessed: \[/mu);
    // The publisher is never copied from another definition (covid19-measures is 平塚市, 142034): the name
    // comes from the title, and without a code column the code is a placeholder that stops validate.
    const definition = parse(yaml) as { publisher: { name: { ja: string }; lgCode: string }; keywords: string[]; guessed: string[] };
    expect(definition.publisher).toMatchObject({ name: { ja: '架空市' }, lgCode: '000000' });
    expect(yaml).not.toContain('142034');
    expect(yaml).toContain('publisher.lgCode の 000000 を自分の団体のコード');
    expect(definition.keywords.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'schema/datasets/calls.record.schema.json'), 'utf8')).properties.month).toMatchObject({ type: 'string', format: 'year-month', title: '月' });

    const refused = await runCli(['validate', `sources/${WORKBOOK}`, '--dataset', 'calls'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr + refused.stdout).toContain('publisher.lgCode が opendata init の仮の値 000000 のままです');

    // The code entered: valid, with a warning while the guesses remain, and not published until reviewed.
    const coded = yaml.replace('lgCode: "000000"', 'lgCode: "999997"');
    writeFileSync(path.join(dir, 'schema/datasets/calls.yaml'), coded);
    const validate = await runCli(['validate', `sources/${WORKBOOK}`, '--dataset', 'calls', '--format', 'json'], dir);
    expect(validate.code, validate.stdout).toBe(0);
    const report = JSON.parse(validate.stdout) as { warnings: { code: string }[]; rows: number };
    expect(report.rows).toBe(12);
    expect(report.warnings.map((w) => w.code)).toContain('definition-unreviewed');

    const publish = await runCli(['publish', '--dist', 'dist'], dir);
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain('確かめるまで公開しません');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);

    // Reviewed: the guessed: list deleted, the rest left as drafted.
    writeFileSync(path.join(dir, 'schema/datasets/calls.yaml'), coded.replace(/^guessed: .*$/mu, ''));
    const reviewed = await runCli(['publish', '--dist', 'dist'], dir);
    expect(reviewed.code, reviewed.stderr).toBe(0);
    expect(reviewed.stdout).toContain('calls 1.0.0');
  });

  it('refuses to overwrite without --force, and writes elsewhere with --out', async () => {
    const dir = project();
    expect((await init(dir)).code).toBe(0);
    const before = readFileSync(path.join(dir, 'schema/datasets/calls.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'schema/datasets/calls.yaml'), `${before}# reviewed by hand\n`);
    const again = await init(dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('上書きしませんでした');
    expect(readFileSync(path.join(dir, 'schema/datasets/calls.yaml'), 'utf8')).toContain('# reviewed by hand');
    expect((await init(dir, '--force')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'schema/datasets/calls.yaml'), 'utf8')).toBe(before);
    expect((await init(dir, '--out', 'drafts')).code).toBe(0);
    expect(existsSync(path.join(dir, 'drafts/calls.record.schema.json'))).toBe(true);
  });

  it('says plainly when the file cannot be read or has no header row (exit 1), and when it is used wrongly (exit 2)', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'notes.xlsx'), 'just some text, not a workbook');
    const unreadable = await runCli(['init', 'notes.xlsx', '--dataset', 'notes'], dir);
    expect(unreadable.code).toBe(1);
    writeFileSync(path.join(dir, 'one.csv'), 'ただの一行\n');
    const headerless = await runCli(['init', 'one.csv', '--dataset', 'one'], dir);
    expect(headerless.code).toBe(1);
    expect(headerless.stderr).toContain('見出しの行が見つかりません');
    const missing = await runCli(['init', 'nothing.xlsx', '--dataset', 'x'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('見つかりません');
    for (const args of [['init', `sources/${WORKBOOK}`], ['init', '--dataset', 'calls'], ['init', `sources/${WORKBOOK}`, '--dataset', 'Calls_2']]) {
      const usage = await runCli(args, dir);
      expect(usage.code, args.join(' ')).toBe(2);
      expect(usage.stderr).toContain('usage');
    }
    expect(existsSync(path.join(dir, 'schema/datasets/notes.yaml'))).toBe(false);
  });
});
