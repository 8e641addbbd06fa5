/**
 * Files that are not what their name says, made by SheetJS from one small workbook: an HTML table
 * saved as .xls or .csv, XML Spreadsheet 2003, SYLK, DIF and RTF. SheetJS would read each of them by
 * its first bytes; the pipeline refuses them, saying what they are.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readWorkbook } from '../../pipeline/ingest/readWorkbook.ts';
import { sampleWorkbook } from '../fixtures/hostile.ts';

const written = (bookType: XLSX.BookType) => String(XLSX.write(sampleWorkbook(), { type: 'string', bookType }));
const bytes = (text: string) => new TextEncoder().encode(text);

const disguised: [name: string, file: string, text: () => string, is: RegExp][] = [
  ['an HTML table (as SheetJS and Excel write it) saved as .xls', 'list.xls', () => written('html'), /web page \(HTML\)/],
  ['an HTML table without <html> (as web systems write it) saved as .csv', 'list.csv', () => written('html').replace(/^<html><head>/, ''), /web page \(HTML\)/],
  ['an HTML table behind a comment and a BOM saved as .xlsx', 'list.xlsx', () => `\uFEFF<!-- exported -->\n${written('html')}`, /web page \(HTML\)/],
  ['XML Spreadsheet 2003 saved as .xls', 'list.xls', () => written('xlml'), /XML Spreadsheet 2003/],
  ['XML Spreadsheet 2003 led by its processing instruction, as .csv', 'list.csv', () => written('xlml').replace(/^<\?xml[^>]*>\s*/, '<?mso-application progid="Excel.Sheet"?>\r\n'), /XML Spreadsheet 2003/],
  ['SYLK saved as .csv', 'list.csv', () => written('sylk'), /SYLK/],
  ['DIF saved as .csv', 'list.csv', () => written('dif'), /DIF/],
  ['RTF saved as .xls', 'list.xls', () => written('rtf'), /rich text \(RTF\)/],
];

describe('a file that is not what its name says is refused for what it is', () => {
  it.each(disguised)('%s', (_, file, text, is) => {
    const read = readWorkbook(bytes(text()), file);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const extension = file.slice(file.lastIndexOf('.'));
    expect(read.problem).toMatchObject({ code: 'format-error', severity: 'error', value: file });
    expect(read.problem.message.en).toMatch(is);
    expect(read.problem.message.en).toContain(`not the ${extension} its name says`);
    expect(read.problem.message.ja).toContain(`名前は ${extension} でも`);
    expect(read.problem.fix?.ja).toContain('「Excel ブック (*.xlsx)」を選んで保存し直し');
  });
});

describe('what it may be is still read', () => {
  it.each([
    ['a CSV whose first column is ID', 'list.csv', 'ID,施設名\r\n1,中央公民館\r\n'],
    ['a semicolon-separated CSV whose first column is ID', 'list.csv', 'ID;施設名\r\n1;中央公民館\r\n'],
    ['a CSV led by blank lines', 'list.csv', '\r\n\r\nNo.,施設名\r\n1,中央公民館\r\n'],
  ])('%s', (_, file, text) => {
    const read = readWorkbook(bytes(text), file);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const rows = XLSX.utils.sheet_to_json<string[]>(read.workbook.Sheets[read.workbook.SheetNames[0]!]!, { header: 1 });
    expect(rows.at(-1)).toEqual(['1', '中央公民館']);
  });

  it('an xlsx and an HTML page named .html are not this check’s business', () => {
    expect(readWorkbook(XLSX.write(sampleWorkbook(), { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'list.xlsx').ok).toBe(true);
    const page = readWorkbook(bytes(written('html')), 'list.html');
    expect(page.ok).toBe(false);
    if (!page.ok) expect(page.problem.message.en).not.toContain('its name says');
  });
});
