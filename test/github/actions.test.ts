import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotate, setOutputs, writeSummary } from '../../pipeline/github/actions.ts';
import { problem } from '../../pipeline/problem/Problem.ts';

let stdout: string[];
let dir: string;
beforeEach(() => {
  stdout = [];
  dir = mkdtempSync(join(tmpdir(), 'actions-'));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('annotate', () => {
  it('writes one error or warning annotation per problem, titled by cell, on the workbook', () => {
    annotate(
      [
        problem('type-error', 'error', { sheet: '人口', cell: 'C7', row: 7 }, { ja: '数値ではありません', en: 'Not a number' }, { ja: '数値を入力', en: 'Enter a number' }),
        problem('blank-row', 'warning', { sheet: '人口' }, { ja: '空行', en: 'Blank row' }),
      ],
      'sources/population.xlsx',
    );
    expect(stdout).toEqual([
      '::error title=人口!C7,file=sources/population.xlsx::数値ではありません%0ANot a number%0A数値を入力%0AEnter a number\n',
      '::warning title=人口,file=sources/population.xlsx::空行%0ABlank row\n',
    ]);
  });
});

describe('writeSummary', () => {
  it('appends to GITHUB_STEP_SUMMARY', async () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, '');
    vi.stubEnv('GITHUB_STEP_SUMMARY', file);
    expect(await writeSummary('## 結果 / Result')).toBe(true);
    expect(await writeSummary('ok')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('## 結果 / Result\nok\n');
  });

  it('does nothing outside Actions', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    expect(await writeSummary('x')).toBe(false);
  });
});

describe('setOutputs', () => {
  it('writes each output to GITHUB_OUTPUT, objects as JSON', () => {
    const file = join(dir, 'output');
    writeFileSync(file, '');
    vi.stubEnv('GITHUB_OUTPUT', file);
    setOutputs({ count: 2, published: true, datasets: ['a', 'b'] });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^count<<ghadelimiter_[\w-]+\n2\n/);
    expect(text).toContain('\ntrue\n');
    expect(text).toContain('\n["a","b"]\n');
  });
});
