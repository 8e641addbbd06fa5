import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { processWorkbook } from '../../pipeline/process.ts';
import { writeTemp } from '../fixtures/workbooks.ts';
import { measuresDataset, runCli, SOURCE_WORKBOOK } from '../helpers/project.ts';

const dataset = measuresDataset();
const source = readFileSync(SOURCE_WORKBOOK);
const expected = processWorkbook(source, 'source.xlsx', dataset).records;
const workbook = XLSX.read(source, { type: 'buffer', cellNF: true, cellFormula: true });
/** The sheet as Excel's "Save as CSV" writes it: title, blank row, header, data; numbers as displayed (1,424,746). */
const csv = XLSX.utils.sheet_to_csv(workbook.Sheets[workbook.SheetNames[0]!]!);

const shiftJis = (text: string): Uint8Array => {
  const encoded = cptable.utils.encode(932, text);
  if (typeof encoded === 'string') throw new Error('fixture: cptable returned a string');
  return Uint8Array.from(encoded);
};

const variants: [string, () => Uint8Array, string][] = [
  ['.xls (BIFF8)', () => XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer, 'list.xls'],
  ['.ods', () => XLSX.write(workbook, { type: 'buffer', bookType: 'ods' }) as Buffer, 'list.ods'],
  ['CSV in UTF-8', () => new TextEncoder().encode(csv), 'list.csv'],
  ['CSV in UTF-8 with a BOM', () => new TextEncoder().encode(`\uFEFF${csv}`), 'list.csv'],
  ['CSV in Shift_JIS (CP932), as Excel saves it', () => shiftJis(csv), 'list.csv'],
];

describe('the committed workbook saved in other formats reads the same, end to end', () => {
  it('the CSV really starts with the title, a blank row and the header, and Shift_JIS is really two-byte', () => {
    expect(csv.split('\n').slice(0, 3)).toEqual([expect.stringMatching(/^平塚市新型コロナウイルス/u), ',,,,,,,,', expect.stringMatching(/^No\.,対策名,/u)]);
    expect(shiftJis(csv).length).toBeLessThan(new TextEncoder().encode(csv).length);
  });

  for (const [name, bytes, file] of variants) {
    it(name, async () => {
      const data = bytes();
      const { report, records } = processWorkbook(data, file, dataset);
      expect(report.errors).toEqual([]);
      expect(records).toEqual(expected);
      const result = await runCli(['validate', writeTemp(data, file), '--dataset', 'covid19-measures', '--format', 'json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, rows: 85, asOf: '2020-09-01' });
    });
  }
});
