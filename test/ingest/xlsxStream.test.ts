import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { DEFAULT_LIMITS, inspectContainer } from '../../pipeline/ingest/container.ts';
import { readWorkbook } from '../../pipeline/ingest/readWorkbook.ts';
import { readXlsxStream } from '../../pipeline/ingest/xlsxStream.ts';
import { generateWorkbook } from '../bench/generate.ts';
import { withPictureAndShape } from '../fixtures/objects.ts';
import { normalXlsx, zipBomb } from '../fixtures/hostile.ts';
import { declareSizes, lyingZipBomb } from '../fixtures/lyingZip.ts';
import { row, sourceWith, standardRows, workbookBytes } from '../fixtures/workbooks.ts';
import { SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';
import { readBoth } from '../helpers/sameWorkbook.ts';

/** Rewrites parts of an xlsx (the first sheet and the shared strings by default). */
function edit(xlsx: Uint8Array, change: (files: Record<string, string>) => void): Uint8Array {
  const files = unzipSync(xlsx);
  const text: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml') || name.endsWith('.rels')) text[name] = strFromU8(data);
  change(text);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = data;
  for (const [name, value] of Object.entries(text)) out[name] = strToU8(value);
  return zipSync(out);
}

/** A workbook written with a shared-strings table, as Excel writes them. */
function sstWorkbook(rows: (string | number | boolean | null)[][], merges: string[] = []): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((v) => (v === null ? undefined : v))));
  if (merges.length > 0) sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '取組状況一覧');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true }) as ArrayBuffer);
}

function expectSame(bytes: Uint8Array, streamed = true): void {
  const both = readBoth(bytes);
  expect(both.difference).toBeUndefined();
  if (streamed) expect(both.streamed, `left to SheetJS: ${both.reason}`).toBeDefined();
  else expect(both.streamed).toBeUndefined();
}

describe('the streaming xlsx reader reads what SheetJS reads', () => {
  it('the city’s source workbook', () => {
    expectSame(readFileSync(SOURCE_WORKBOOK));
  });

  it('benchmark workbooks: line breaks, full-width digits, 【再掲】, merged cells, #,##0 budgets, a bad status', () => {
    const dir = tempDir();
    try {
      for (const variant of ['good', 'bad'] as const) {
        const file = path.join(dir, `${variant}.xlsx`);
        generateWorkbook(file, 400, { seed: 7, variant });
        expectSame(readFileSync(file));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('workbooks SheetJS writes, with and without a shared-strings table', () => {
    expectSame(workbookBytes({ rows: standardRows([row(1), row(2, { 取組名: 'A&B <c> "d" \'e\'' }), row(3, { '事業費（千円）': '１２，０００' })]), merges: ['B4:B5'] }));
    expectSame(normalXlsx());
    expectSame(sstWorkbook([['a', 1, true, false], ['  spaced  ', 'two\r\nlines', 'tab\there', -0.5], ['😀絵文字', '_x000D_', 1e21, null]], ['A3:B3']));
    expectSame(sourceWith({ H4: { t: 'b', v: true }, H5: { t: 'e', v: 0x07 }, H6: { t: 'n', v: 44075, z: 'yyyy/m/d' }, G7: { t: 's', v: '全角　スペース\n改行' } }));
  });

  it('pictures and drawings do not matter', () => {
    expectSame(withPictureAndShape(normalXlsx()));
  });

  it('rich text and phonetic runs in the shared strings', () => {
    const bytes = edit(sstWorkbook([['平塚市', 'x']]), (files) => {
      files['xl/sharedStrings.xml'] = files['xl/sharedStrings.xml']!
        .replace('<si><t>平塚市</t></si>', '<si><t>平塚市</t><rPh sb="0" eb="3"><t>ヒラツカシ</t></rPh><phoneticPr fontId="1"/></si>')
        .replace('<si><t>x</t></si>', '<si><r><rPr><b/></rPr><t>太字</t></r><r><t xml:space="preserve"> と &amp;#x41; &#x41;</t></r><rPh sb="0" eb="2"><t>フトジ</t></rPh></si>');
    });
    const both = readBoth(bytes);
    expect(both.streamed).toBeDefined();
    expect(both.difference).toBeUndefined();
    const cells = both.streamed!.Sheets['取組状況一覧']!['!data']![0]!;
    expect(cells.map((c) => c?.v)).toEqual(['平塚市', '太字 と &#x41; A']);
  });

  it('styled empty cells, an empty second sheet and custom number formats', () => {
    const bytes = edit(sstWorkbook([['見出し', 1000]]), (files) => {
      files['xl/worksheets/sheet1.xml'] = files['xl/worksheets/sheet1.xml']!.replace('</sheetData>', '<row r="5"><c r="C5" s="1"/><c r="D5" s="1"></c></row></sheetData>');
      files['xl/styles.xml'] = files['xl/styles.xml']!
        .replace(/<numFmts[^]*?<\/numFmts>/, '')
        .replace('<fonts', '<numFmts count="1"><numFmt numFmtId="176" formatCode="#,##0&quot;円&quot;"/></numFmts><fonts')
        .replace(/<cellXfs count="\d+">/, '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellXfs_unused>')
        .replace('<cellXfs_unused>', '')
        .replace(/<\/cellXfs>(?=[^]*<\/cellXfs>)/, '');
      files['xl/worksheets/sheet1.xml'] = files['xl/worksheets/sheet1.xml']!.replace(/<c r="B1"([^>]*)>/, '<c r="B1" s="1"$1>');
    });
    const both = readBoth(bytes);
    expect(both.difference).toBeUndefined();
    expect(both.streamed?.Sheets['取組状況一覧']!['!data']![0]![1]).toMatchObject({ t: 'n', v: 1000, z: '#,##0"円"' });
  });

  it('leaves formulas, inline strings, comments and hyperlinks to SheetJS', () => {
    expectSame(workbookBytes({ rows: standardRows([row(1)]), cells: { H4: { t: 'n', v: 3, f: 'SUM(1,2)' } } }), false);
    const inline = edit(sstWorkbook([['a']]), (files) => {
      files['xl/worksheets/sheet1.xml'] = files['xl/worksheets/sheet1.xml']!.replace(/<c r="A1"[^>]*>.*?<\/c>/, '<c r="A1" t="inlineStr"><is><t>inline</t></is></c>');
    });
    expectSame(inline, false);
    const commented = XLSX.utils.aoa_to_sheet([['a']]);
    XLSX.utils.cell_add_comment(commented['A1']!, '注記です', '職員');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, commented, 'シート');
    expectSame(new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), false);
  });

  it('refusals stay the careful path’s: a zip bomb and a lying zip are never read here', () => {
    for (const bomb of [zipBomb(), lyingZipBomb(60)]) {
      const check = inspectContainer(bomb, 'bomb.xlsx');
      if (check.ok && check.parts) expect(readXlsxStream(bomb, check.parts, DEFAULT_LIMITS)).toBeUndefined();
      const read = readWorkbook(bomb, 'bomb.xlsx');
      expect(read.ok).toBe(false);
    }
    // A workbook that declares small sizes but unpacks past the cap: the careful path decides (and words the refusal).
    const big = declareSizes(workbookBytes({ rows: standardRows(Array.from({ length: 2000 }, (_, i) => row(i + 1))) }), 1024);
    const limits = { ...DEFAULT_LIMITS, maxUncompressedBytes: 100_000 };
    const check = inspectContainer(big, 'big.xlsx', limits);
    expect(check.ok).toBe(true);
    if (check.ok && check.parts) expect(readXlsxStream(big, check.parts, limits)).toBeUndefined();
    expect(readWorkbook(big, 'big.xlsx', limits).ok).toBe(false);
  });
});
