import { describe, it, expect } from 'vitest';
import { DEFAULT_LIMITS, inspectContainer, type ContainerCheck } from '../../pipeline/ingest/container.ts';
import type { Problem } from '../../pipeline/problem/Problem.ts';
import * as H from '../fixtures/hostile.ts';

const MB = 1024 * 1024;

function refused(check: ContainerCheck): Problem {
  if (check.ok) throw new Error(`expected a refusal, got ${JSON.stringify(check)}`);
  return check.problem;
}

/** Every refusal is one bilingual error with a fix, naming the file. */
function expectProblem(check: ContainerCheck, code: string, fileName: string): Problem {
  const p = refused(check);
  expect(p.code).toBe(code);
  expect(p.severity).toBe('error');
  expect(p.value).toBe(fileName);
  expect(p.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
  expect(p.message.en).toMatch(/[a-z]/);
  expect(p.fix?.ja).toBeTruthy();
  expect(p.fix?.en).toBeTruthy();
  return p;
}

/** RSS growth across one call, in MB. */
function rssGrowth(run: () => ContainerCheck): { check: ContainerCheck; grownMb: number } {
  const before = process.memoryUsage().rss;
  const check = run();
  return { check, grownMb: (process.memoryUsage().rss - before) / MB };
}

describe('inspectContainer: spreadsheets pass', () => {
  it('accepts a normal SheetJS-written xlsx as xlsx', () => {
    expect(inspectContainer(H.normalXlsx(), '施設一覧.xlsx')).toMatchObject({ ok: true, kind: 'xlsx' });
  });

  it('accepts a SheetJS-written legacy .xls (BIFF8) as xls', () => {
    expect(inspectContainer(H.legacyXls(), '施設一覧.xls')).toEqual({ ok: true, kind: 'xls' });
  });

  it('accepts a SheetJS-written .ods as ods', () => {
    expect(inspectContainer(H.ods(), '施設一覧.ods')).toMatchObject({ ok: true, kind: 'ods' });
  });

  it('decodes UTF-8 CSV', () => {
    expect(inspectContainer(H.csvUtf8(), '施設一覧.csv')).toEqual({ ok: true, kind: 'csv', encoding: 'utf-8', text: H.CSV_TEXT });
  });

  it('decodes UTF-8 CSV with a BOM and drops the BOM', () => {
    expect(inspectContainer(H.csvUtf8Bom(), '施設一覧.csv')).toEqual({ ok: true, kind: 'csv', encoding: 'utf-8-bom', text: H.CSV_TEXT });
  });

  it('decodes Shift_JIS CSV', () => {
    const bytes = H.csvShiftJis();
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(H.CSV_TEXT).length); // really 2-byte kanji
    expect(inspectContainer(bytes, '施設一覧.csv')).toEqual({ ok: true, kind: 'csv', encoding: 'shift_jis', text: H.CSV_TEXT });
  });

  it('treats text content as CSV whatever its extension', () => {
    expect(inspectContainer(H.csvUtf8(), 'export')).toMatchObject({ ok: true, kind: 'csv', encoding: 'utf-8' });
  });
});

describe('inspectContainer: hostile and broken files are refused', () => {
  it('refuses an empty file (source-error)', () => {
    const p = expectProblem(inspectContainer(H.emptyFile(), 'empty.csv'), 'source-error', 'empty.csv');
    expect(p.message.ja).toContain('空');
  });

  it('refuses a zip bomb by its declared size, without inflating it', () => {
    const bomb = H.zipBomb(60);
    expect(bomb.length).toBeLessThan(1 * MB);
    const { check, grownMb } = rssGrowth(() => inspectContainer(bomb, 'bomb.xlsx'));
    const p = expectProblem(check, 'compression-error', 'bomb.xlsx');
    expect(p.message.ja).toContain('60 MB');
    expect(p.message.ja).toContain('50 MB');
    expect(p.message.en).toContain('60 MB');
    expect(p.message.en).toContain('50 MB');
    expect(grownMb).toBeLessThan(40);
  });

  it('refuses an entry under the total limit whose compression ratio is hostile', () => {
    const { check, grownMb } = rssGrowth(() => inspectContainer(H.zipBomb(20), 'ratio.xlsx'));
    const p = expectProblem(check, 'compression-error', 'ratio.xlsx');
    expect(p.message.en).toContain('xl/worksheets/sheet1.xml');
    expect(p.message.ja).toContain(`${DEFAULT_LIMITS.maxCompressionRatio} 倍`);
    expect(grownMb).toBeLessThan(40);
  });

  it('refuses a zip with more than 10,000 entries, without inflating them', () => {
    const many = H.manyEntries(10_050);
    const { check, grownMb } = rssGrowth(() => inspectContainer(many, 'many.xlsx'));
    const p = expectProblem(check, 'compression-error', 'many.xlsx');
    expect(p.message.ja).toContain('10,050');
    expect(p.message.ja).toContain('10,000');
    expect(grownMb).toBeLessThan(40);
  });

  it('honours custom limits', () => {
    const limits = { ...DEFAULT_LIMITS, maxEntries: 2 };
    expectProblem(inspectContainer(H.normalXlsx(), 'a.xlsx', limits), 'compression-error', 'a.xlsx');
  });

  it('refuses a truncated xlsx as damaged (format-error)', () => {
    const p = expectProblem(inspectContainer(H.truncatedXlsx(), 'half.xlsx'), 'format-error', 'half.xlsx');
    expect(p.message.ja).toContain('破損');
    expect(p.message.ja).toContain('名前を付けて保存');
  });

  it('refuses an xlsx whose central directory points outside the file as damaged', () => {
    const p = expectProblem(inspectContainer(H.centralDirectoryOutOfBounds(), 'bad.xlsx'), 'format-error', 'bad.xlsx');
    expect(p.message.ja).toContain('破損');
  });

  it('refuses a zip that is not a spreadsheet (format-error)', () => {
    const p = expectProblem(inspectContainer(H.plainZip(), 'archive.zip'), 'format-error', 'archive.zip');
    expect(p.message.ja).toContain('表計算ファイルではありません');
  });

  it('refuses an encrypted OOXML workbook (encrypted-workbook) and says how to remove the password', () => {
    const p = expectProblem(inspectContainer(H.encryptedWorkbook(), 'secret.xlsx'), 'encrypted-workbook', 'secret.xlsx');
    expect(p.message.ja).toContain('パスワードで保護されています');
    expect(p.fix?.ja).toContain('ファイル → 情報 → ブックの保護 → パスワードを使用して暗号化');
  });

  it('refuses a legacy .xls with a password to open (FILEPASS) as encrypted-workbook', () => {
    expectProblem(inspectContainer(H.encryptedXls(), 'secret.xls'), 'encrypted-workbook', 'secret.xls');
  });

  it('refuses a CFB file that is not a workbook (a Word .doc)', () => {
    expectProblem(inspectContainer(H.wordDoc(), 'memo.doc'), 'format-error', 'memo.doc');
  });

  it('refuses a truncated .xls as damaged', () => {
    const p = expectProblem(inspectContainer(H.truncatedXls(), 'half.xls'), 'format-error', 'half.xls');
    expect(p.message.ja).toContain('破損');
  });

  it('refuses random binary bytes as not a spreadsheet, naming the accepted formats', () => {
    for (const name of ['noise.bin', 'noise.csv']) {
      const p = expectProblem(inspectContainer(H.randomBytes(), name), 'format-error', name);
      expect(p.message.ja).toContain('表計算ファイルではありません');
      for (const ext of ['.xlsx', '.xls', '.ods', '.csv']) {
        expect(p.message.ja).toContain(ext);
        expect(p.message.en).toContain(ext);
      }
    }
  });

  it('refuses UTF-16 "Unicode text" with an encoding-error that says how to save as CSV UTF-8', () => {
    const p = expectProblem(inspectContainer(H.csvUtf16(), 'unicode.txt'), 'encoding-error', 'unicode.txt');
    expect(p.fix?.ja).toContain('CSV UTF-8');
  });

  it('refuses an HTML table saved under an .xls name', () => {
    expectProblem(inspectContainer(H.htmlAsXls(), 'report.xls'), 'format-error', 'report.xls');
  });

  it('never throws, whatever the bytes', () => {
    const sources = [H.normalXlsx(), H.legacyXls(), H.ods(), H.encryptedWorkbook()];
    for (const source of sources) {
      for (let cut = 1; cut < source.length; cut += Math.max(1, Math.floor(source.length / 97))) {
        expect(() => inspectContainer(source.subarray(0, cut), 'cut')).not.toThrow();
        const flipped = source.slice();
        flipped[cut] = flipped[cut]! ^ 0xff;
        expect(() => inspectContainer(flipped, 'flipped')).not.toThrow();
      }
    }
  });
});
