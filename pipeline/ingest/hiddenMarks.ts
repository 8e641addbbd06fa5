/**
 * Hidden rows, columns and sheets, kept on the workbook in SheetJS's own shape: a sheet's `!rows[r]`
 * and `!cols[c]` with `hidden: true`, and `Workbook.Sheets[i].Hidden` (1 hidden, 2 very hidden).
 * SheetJS fills the sheets' states itself, but reads rows and columns only with `cellStyles`, which
 * also expands every `<col min max>` into one object per column (a hostile max is a hang). So for
 * xlsx both readers take them from the XML here: the streaming reader tag by tag, the careful path
 * from the inflated parts; for .ods (where SheetJS reads no visibility) from content.xml. .xls is
 * left to SheetJS: it gives hidden sheets and rows, but not hidden columns. Hiding is how staff keep
 * back what must not go out; ingest decides.
 */
import type * as XLSX from 'xlsx';
import { cellColumns } from './sheetCells.ts';
import { SHEET_LIMITS } from './sheetLimits.ts';

/** One object for every hidden row or column: a sheet may hide a million rows. */
const HIDDEN: Readonly<XLSX.RowInfo & XLSX.ColInfo> = Object.freeze({ hidden: true });

/** xsd:boolean as a `hidden` attribute carries it; anything but a clear "no" counts as hidden. */
export function isHiddenValue(value: string | undefined): boolean {
  return value !== undefined && value !== '0' && value !== 'false';
}

/** Marks the 1-based row hidden. */
export function hideRow(rows: XLSX.RowInfo[], row: number): void {
  if (row >= 1 && row <= SHEET_LIMITS.maxRows) rows[row - 1] = HIDDEN;
}

/**
 * `!cols` for the hidden `<col min max>` ranges (1-based, inclusive), within Excel's columns: one
 * pass over at most 16,384 columns, however many ranges the file lists or however far they claim.
 */
export function hiddenColumns(ranges: readonly (readonly [number, number])[]): XLSX.ColInfo[] | undefined {
  if (ranges.length === 0) return undefined;
  const hidden = new Uint8Array(SHEET_LIMITS.maxColumns + 1);
  // Left to right, each column marked once: a file listing the same wide range many times costs no more.
  let reach = 0;
  for (const [min, max] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (!(min >= 1 && max >= min)) continue;
    const to = Math.min(max, SHEET_LIMITS.maxColumns);
    for (let c = Math.max(min, reach + 1); c <= to; c++) hidden[c] = 1;
    reach = Math.max(reach, to);
  }
  const cols: XLSX.ColInfo[] = [];
  for (let c = 1; c <= SHEET_LIMITS.maxColumns; c++) if (hidden[c] === 1) cols[c - 1] = HIDDEN;
  return cols.length > 0 ? cols : undefined;
}

// ---------------------------------------------------------------------------
// The careful path: the inflated parts of an xlsx that SheetJS has read

const ATTRIBUTE = /\s(?:[\w.-]+:)?([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) out.set(m[1]!, m[2] ?? m[3] ?? '');
  return out;
}

const latin1 = new TextDecoder('latin1');

/** The XML of a part as text: tags and attribute values are ASCII, so latin1 finds them as UTF-8 would, faster. */
function partText(files: Record<string, Uint8Array>, name: string): string | undefined {
  const bytes = Object.hasOwn(files, name) ? files[name] : undefined;
  return bytes && latin1.decode(bytes);
}

/** The worksheet part of each `<sheet>` in workbook.xml, in order (as SheetJS lists SheetNames). */
function sheetParts(files: Record<string, Uint8Array>): (string | undefined)[] {
  const workbook = partText(files, 'xl/workbook.xml') ?? '';
  const rels = partText(files, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const rel = attributes(m[0]);
    targets.set(rel.get('Id') ?? '', rel.get('Target') ?? '');
  }
  return [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const target = targets.get(attributes(m[0]).get('id') ?? '');
    if (target === undefined) return undefined;
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  });
}

/** Sets `!rows` and `!cols` on every sheet of an xlsx SheetJS has read, from its inflated XML parts. */
export function markHiddenXlsx(workbook: XLSX.WorkBook, files: Record<string, Uint8Array>): void {
  const parts = sheetParts(files);
  // Sheets are matched by position; when the lists disagree nothing can be said of any sheet.
  if (parts.length !== workbook.SheetNames.length) return;
  workbook.SheetNames.forEach((name, i) => {
    const sheet = Object.hasOwn(workbook.Sheets, name) ? workbook.Sheets[name] : undefined;
    const xml = parts[i] === undefined ? undefined : partText(files, parts[i]);
    if (!sheet || xml === undefined) return;
    const rows: XLSX.RowInfo[] = [];
    let row = 0;
    for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*>/g)) {
      const tag = attributes(m[0]);
      // As SheetJS numbers them: a row without `r` follows the one before.
      row = tag.has('r') ? parseInt(tag.get('r')!, 10) : row + 1;
      if (isHiddenValue(tag.get('hidden'))) hideRow(rows, row);
    }
    const ranges: [number, number][] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
      const tag = attributes(m[0]);
      if (isHiddenValue(tag.get('hidden'))) ranges.push([parseInt(tag.get('min') ?? '', 10), parseInt(tag.get('max') ?? '', 10)]);
    }
    if (rows.length > 0) sheet['!rows'] = rows;
    const cols = hiddenColumns(ranges);
    if (cols) sheet['!cols'] = cols;
  });
}

// ---------------------------------------------------------------------------
// OpenDocument: SheetJS reads no visibility at all, so content.xml is read here

const ODS_TAG = /<(\/?)table:(table|table-row|table-column)(?=[\s>/])[^>]*>|<style:style\b[^>]*>|<style:table-properties\b[^>]*>/g;

/** Sets `!rows`, `!cols` and the sheet states of an .ods SheetJS has read, from its content.xml. */
export function markHiddenOds(workbook: XLSX.WorkBook, files: Record<string, Uint8Array>): void {
  const bytes = Object.hasOwn(files, 'content.xml') ? files['content.xml'] : undefined;
  if (!bytes) return;
  const xml = new TextDecoder().decode(bytes);
  const hiddenStyles = new Set<string>();
  let style = '';
  const states: { name: string; Hidden: 0 | 1 }[] = [];
  let depth = 0;
  let table: { name: string; row: number; col: number; rows: [number, number][]; cols: [number, number][] } | undefined;
  for (const m of xml.matchAll(ODS_TAG)) {
    const tag = m[0];
    if (tag.startsWith('<style:style')) {
      style = attributes(tag).get('name') ?? '';
      continue;
    }
    if (tag.startsWith('<style:table-properties')) {
      if (attributes(tag).get('display') === 'false') hiddenStyles.add(style);
      continue;
    }
    const [, closing, kind] = m;
    if (kind === 'table') {
      depth += closing ? -1 : 1;
      if (closing && depth === 0 && table) markOdsTable(workbook, table);
      if (!closing && depth === 1) {
        const attrs = attributes(tag);
        table = { name: unescapeName(attrs.get('name') ?? ''), row: 0, col: 0, rows: [], cols: [] };
        states.push({ name: table.name, Hidden: hiddenStyles.has(attrs.get('style-name') ?? '') ? 1 : 0 });
      }
      continue;
    }
    if (depth !== 1 || !table || closing) continue;
    const attrs = attributes(tag);
    const hidden = (attrs.get('visibility') ?? 'visible') !== 'visible';
    const repeated = Math.max(1, parseInt(attrs.get(kind === 'table-row' ? 'number-rows-repeated' : 'number-columns-repeated') ?? '1', 10) || 1);
    const at = kind === 'table-row' ? table.row : table.col;
    if (hidden) (kind === 'table-row' ? table.rows : table.cols).push([at + 1, at + repeated]);
    if (kind === 'table-row') table.row += repeated;
    else table.col += repeated;
  }
  if (states.some((s) => s.Hidden !== 0)) workbook.Workbook = { ...workbook.Workbook, Sheets: states };
}

function unescapeName(name: string): string {
  return name.replace(/&(quot|apos|gt|lt|amp);/g, (_, e: string) => ({ quot: '"', apos: "'", gt: '>', lt: '<', amp: '&' })[e]!);
}

/** Marks the rows (only those holding cells: a repeat may span a million) and columns hidden in one table. */
function markOdsTable(workbook: XLSX.WorkBook, table: { name: string; rows: [number, number][]; cols: [number, number][] }): void {
  const sheet = Object.hasOwn(workbook.Sheets, table.name) ? workbook.Sheets[table.name] : undefined;
  if (!sheet) return;
  const rows: XLSX.RowInfo[] = [];
  if (table.rows.length > 0) {
    for (const r of cellColumns(sheet['!data'] ?? [])) {
      // Runs come in order: the last run starting at or before the row is the only one that may hold it.
      let lo = 0;
      let hi = table.rows.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (table.rows[mid]![0] <= r + 1) lo = mid;
        else hi = mid - 1;
      }
      const [from, to] = table.rows[lo]!;
      if (from <= r + 1 && r + 1 <= to) hideRow(rows, r + 1);
    }
  }
  if (rows.length > 0) sheet['!rows'] = rows;
  const cols = hiddenColumns(table.cols);
  if (cols) sheet['!cols'] = cols;
}
