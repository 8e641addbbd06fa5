/** Two zip entries of one name (issue 16, item 9): readers differ on which wins, so the file is refused as ambiguous. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { inspectContainer } from '../../pipeline/ingest/container.ts';
import { readWorkbook } from '../../pipeline/ingest/readWorkbook.ts';
import { normalXlsx } from '../fixtures/hostile.ts';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;

/** Renames `from` to `to` (same length) in the local headers, the central directory, or both. */
function rename(zip: Uint8Array, from: string, to: string, where: 'local' | 'central' | 'both'): Uint8Array {
  if (from.length !== to.length) throw new Error('fixture: names must be as long');
  const bytes = zip.slice();
  const dv = new DataView(bytes.buffer);
  const name = strToU8(from);
  for (let at = 0; at + 4 <= bytes.length; at++) {
    const sig = dv.getUint32(at, true);
    const nameAt = sig === SIG_LOCAL && where !== 'central' ? at + 30 : sig === SIG_CENTRAL && where !== 'local' ? at + 46 : -1;
    if (nameAt === -1 || !name.every((b, i) => bytes[nameAt + i] === b)) continue;
    bytes.set(strToU8(to), nameAt);
  }
  return bytes;
}

/** A workbook with a second sheet part, which is then given the first one's name. */
function twoSheets(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['公開してよい表']]), 'A');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['差し替えられた表']]), 'B');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('duplicate zip entries', () => {
  it('the same name twice (with different content) is refused, naming the entry', () => {
    const bytes = rename(twoSheets(), 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml', 'both');
    const check = inspectContainer(bytes, 'twice.xlsx');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problem.code).toBe('format-error');
    expect(check.problem.message.ja).toContain('「xl/worksheets/sheet1.xml」');
    expect(check.problem.fix?.ja).toBeTruthy();
    expect(readWorkbook(bytes, 'twice.xlsx').ok).toBe(false);
  });

  it('names that differ only in case or a leading slash count as the same', () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'XL/Workbook.xml': strToU8('<x/>') });
    expect(inspectContainer(zip, 'case.xlsx').ok).toBe(false);
  });

  it('a local header naming another part than its directory entry is refused', () => {
    const bytes = rename(twoSheets(), 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml', 'local');
    const check = inspectContainer(bytes, 'local.xlsx');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem.message.ja).toContain('xl/worksheets/sheet2.xml');
  });

  it('an ordinary workbook is untouched', () => {
    expect(inspectContainer(normalXlsx(), 'ok.xlsx').ok).toBe(true);
  });
});
