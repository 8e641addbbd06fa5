/**
 * A streaming reader for the xlsx workbooks Excel writes: plain values in shared strings and number
 * cells, styles, merged cells. It gives exactly the dense workbook `XLSX.read` gives with readWorkbook's
 * options (the same cells with the same `t`, `v` and `z`, the same merges, the same sheet names), in a
 * fraction of the time and memory: every part is inflated once, in small steps, under the same real byte
 * cap as inflateParts.ts, and the sheet XML is parsed as it comes out, never held whole. It also marks
 * hidden rows, columns and sheets, as hiddenMarks.ts does for the careful path (SheetJS reads rows and
 * columns only with cellStyles).
 *
 * It understands deliberately little. Anything else (formulas, inline or formula strings, dates, rich
 * cell types, comments, hyperlinks, namespace prefixes, external links, macros, odd zips, anything it
 * cannot be sure SheetJS reads the same way) makes it return `undefined`, and the caller reads the
 * workbook the careful way (inflateParts + SheetJS), which also words every refusal. So it can only
 * make reading faster, never different: test/ingest/xlsxStream.test.ts compares the two on every
 * workbook the tests build.
 */
import { Inflate } from 'fflate';
import type * as XLSX from 'xlsx';
import type { ContainerLimits, ZipEntry } from './container.ts';
import { hiddenColumns, hideRow, isHiddenValue } from './hiddenMarks.ts';
import { SHEET_LIMITS } from './sheetLimits.ts';

/** Thrown inside the reader when the workbook is outside what it understands; never escapes. */
class Unsupported extends Error {}

function unsupported(why: string): never {
  throw new Unsupported(why);
}

/** Why the last call returned undefined (for tests and the benchmark). */
export let lastFallbackReason = '';

/** Compressed bytes fed to the inflater per step (as inflateParts.ts). */
const STEP = 16 * 1024;

// ---------------------------------------------------------------------------
// SheetJS's text decoding, ported: entities (case-insensitive, as SheetJS matches them), `_xHHHH_`
// escapes, CDATA sections, and CRLF → LF for cell text.

const ENCODINGS: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;

function rawUnescape(text: string): string {
  const i = text.indexOf('<![CDATA[');
  if (i === -1) {
    return text
      .replace(ENTITY, (all: string, code: string) => ENCODINGS[all] || String.fromCharCode(parseInt(code, all.indexOf('x') > -1 ? 16 : 10)) || all)
      .replace(CODE, (_all: string, code: string) => String.fromCharCode(parseInt(code, 16)));
  }
  const j = text.indexOf(']]>');
  return rawUnescape(text.slice(0, i)) + text.slice(i + 9, j) + rawUnescape(text.slice(j + 3));
}

/** SheetJS `unescapexml`; skips the regular expressions when there is nothing to decode. */
function unescape(text: string, cellText: boolean): string {
  if (text.indexOf('&') === -1 && text.indexOf('_') === -1 && text.indexOf('<![CDATA[') === -1) {
    return cellText && text.indexOf('\r\n') !== -1 ? text.replace(/\r\n/g, '\n') : text;
  }
  const out = rawUnescape(text);
  return cellText ? out.replace(/\r\n/g, '\n') : out;
}

// ---------------------------------------------------------------------------
// Attributes, as SheetJS `parsexmltag` reads them (names without a prefix only).

const ATTRIBUTE = /\s([^"\s?>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    let name = m[1]!;
    const value = m[2] ?? m[3] ?? '';
    const colon = name.indexOf(':');
    if (colon === -1) {
      if (name.indexOf('_') > 0) name = name.slice(0, name.indexOf('_'));
    } else {
      // SheetJS keys a prefixed attribute by its local name (r:id → id), xmlns:x by xmlnsx.
      name = (colon === 5 && name.startsWith('xmlns') ? 'xmlns' : '') + name.slice(colon + 1);
    }
    out.set(name, value);
  }
  return out;
}

/** Every `<name …>` / `<name …/>` start tag in `xml`, with its attributes. */
function tags(xml: string, name: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  const pattern = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g');
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) out.push(attributes(m[0]));
  return out;
}

// ---------------------------------------------------------------------------
// The ZIP parts, inflated under the cap

class Budget {
  used = 0;
  /** Parts already inflated (and counted). */
  readonly read = new Set<string>();
  constructor(readonly limit: number) {}
  add(bytes: number): void {
    this.used += bytes;
    // The careful path says which part passed the cap, and how.
    if (this.used > this.limit) unsupported('over the unpacked size limit');
  }
}

/** Feeds `part`'s inflated bytes to `sink` in chunks, counting them against the budget. */
function inflatePart(bytes: Uint8Array, part: ZipEntry, budget: Budget, sink: (chunk: Uint8Array) => void): void {
  const raw = bytes.subarray(part.dataAt, part.dataAt + part.compressedSize);
  if (part.method === 0) {
    budget.read.add(part.name);
    for (let at = 0; at < raw.length; at += 1 << 20) {
      const chunk = raw.subarray(at, Math.min(at + (1 << 20), raw.length));
      budget.add(chunk.length);
      sink(chunk);
    }
    return;
  }
  if (part.method !== 8) unsupported(`compression method ${part.method}`);
  budget.read.add(part.name);
  const inflater = new Inflate((chunk) => {
    budget.add(chunk.length);
    sink(chunk);
  });
  for (let at = 0; at < raw.length || at === 0; at += STEP) {
    const end = Math.min(at + STEP, raw.length);
    inflater.push(raw.subarray(at, end), end === raw.length);
  }
}

/** A small part as text (content types, relationships, workbook, styles). */
function partText(bytes: Uint8Array, part: ZipEntry, budget: Budget): string {
  budget.read.add(part.name);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  inflatePart(bytes, part, budget, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  return text + decoder.decode();
}

// ---------------------------------------------------------------------------
// Workbook structure

const CT_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/content-types';
const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
/** Content types whose parts SheetJS reads without changing any cell (or does not read at all). */
const HARMLESS_TYPES = new Set([
  CT.worksheet,
  'application/vnd.openxmlformats-officedocument.theme+xml',
  'application/vnd.openxmlformats-package.core-properties+xml',
  'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings',
  'application/vnd.openxmlformats-officedocument.drawing+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.webExtensionTaskpanes+xml',
]);
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
/** Sheet relationships that put something into cells (comments) or that this reader does not follow. */
const CELL_RELS = /\/(comments|threadedComment|vmlDrawing|hyperlink|oleObject|control)$/i;

interface Structure {
  /** Hidden: 0 visible, 1 hidden, 2 very hidden (as SheetJS gives it). */
  sheets: { name: string; path: string; Hidden: 0 | 1 | 2 }[];
  sst?: string;
  styles?: string;
}

function readStructure(files: Map<string, ZipEntry>, bytes: Uint8Array, budget: Budget): Structure {
  const text = (name: string) => {
    const part = files.get(name);
    return part ? partText(bytes, part, budget) : undefined;
  };
  const contentTypes = text('[Content_Types].xml') ?? unsupported('no [Content_Types].xml');
  if (/<!--|<!\[CDATA\[|<\w+:/.test(contentTypes)) unsupported('content types: comments, CDATA or prefixes');
  const types = tags(contentTypes, 'Types');
  if (types.length !== 1 || types[0]!.get('xmlns') !== CT_NAMESPACE) unsupported('content types namespace');
  let sst: string | undefined;
  let styles: string | undefined;
  let workbooks = 0;
  for (const override of tags(contentTypes, 'Override')) {
    const partName = override.get('PartName') ?? '';
    const type = override.get('ContentType') ?? '';
    if (type === CT.workbook) {
      if (partName !== '/xl/workbook.xml') unsupported(`workbook at ${partName}`);
      workbooks++;
    } else if (type === CT.sharedStrings) {
      if (sst !== undefined || partName !== '/xl/sharedStrings.xml') unsupported('shared strings part');
      sst = 'xl/sharedStrings.xml';
    } else if (type === CT.styles) {
      if (styles !== undefined || partName !== '/xl/styles.xml') unsupported('styles part');
      styles = 'xl/styles.xml';
    } else if (!HARMLESS_TYPES.has(type)) {
      unsupported(`content type ${type}`);
    }
  }
  if (workbooks !== 1) unsupported('not exactly one workbook');

  const workbookXml = text('xl/workbook.xml') ?? unsupported('no xl/workbook.xml');
  const relsXml = text('xl/_rels/workbook.xml.rels') ?? unsupported('no workbook relationships');
  if (/<!--|<!\[CDATA\[/.test(workbookXml + relsXml) || /<\w+:(sheet|Relationship)\b/.test(workbookXml + relsXml)) unsupported('workbook: comments, CDATA or prefixes');
  const rels = new Map(tags(relsXml, 'Relationship').map((r) => [r.get('Id') ?? '', r]));
  const sheets = tags(workbookXml, 'sheet').map((sheet) => {
    const rel = rels.get(sheet.get('id') ?? '');
    const target = unescape(rel?.get('Target') ?? '', false);
    if (!rel || rel.get('Type') !== WORKSHEET_REL || rel.get('TargetMode') !== undefined) unsupported('sheet relationship');
    if (!/^(\/xl\/)?worksheets\/[A-Za-z0-9_.-]+\.xml$/.test(target)) unsupported(`sheet target ${target}`);
    const path = `xl/${target.replace(/^\/xl\//, '')}`;
    if (!files.has(path)) unsupported(`missing ${path}`);
    const name = sheet.get('name');
    if (name === undefined) unsupported('sheet without a name');
    const state = sheet.get('state');
    return { name: unescape(name, false), path, Hidden: state === 'hidden' ? 1 : state === 'veryHidden' ? 2 : 0 } as const;
  });
  if (sheets.length === 0) unsupported('no sheets');
  if (sst !== undefined && !files.has(sst)) unsupported('shared strings part missing');
  if (styles !== undefined && !files.has(styles)) unsupported('styles part missing');
  for (const { path } of sheets) {
    const relsPath = path.replace(/^(.*)(\/)([^/]*)$/, '$1/_rels/$3.rels');
    const sheetRels = text(relsPath);
    if (sheetRels !== undefined && tags(sheetRels, 'Relationship').some((r) => CELL_RELS.test(r.get('Type') ?? ''))) {
      unsupported('sheet with comments, hyperlinks or controls');
    }
  }
  return { sheets, ...(sst ? { sst } : {}), ...(styles ? { styles } : {}) };
}

// ---------------------------------------------------------------------------
// Styles: which number format each cell style has (SheetJS parse_numFmts + parse_cellXfs)

/** SheetJS's built-in number formats (SSF_init_table). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'm/d/yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@', 56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};
/** Formats SheetJS rewrites as it loads them (SSF__load's bad_formats). */
const BAD_FORMATS: Record<string, string> = { 'd.m': 'd\\.m' };

/** Number format of each cell style index (`s`), or undefined when the workbook has no cellXfs. */
function readStyles(xml: string | undefined): (string | undefined)[] | undefined {
  if (xml === undefined) return undefined;
  if (/<!--|<!\[CDATA\[|<!DOCTYPE|<\w+:(numFmt|xf|cellXfs)\b|AlternateContent/.test(xml)) unsupported('styles: comments or prefixes');
  const table: Record<number, string> = { ...BUILTIN_FORMATS };
  const numFmts = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(xml);
  if (numFmts) {
    for (const fmt of tags(numFmts[1]!, 'numFmt')) {
      const id = parseInt(fmt.get('numFmtId') ?? '', 10);
      const formatCode = fmt.get('formatCode');
      if (formatCode === undefined) unsupported('number format without a code');
      const code = unescape(formatCode, false);
      if (Number.isNaN(id)) continue;
      if (!(id >= 0 && id <= 0x188)) unsupported(`number format id ${id}`);
      if (id > 0) table[id] = BAD_FORMATS[code] ?? code;
    }
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!cellXfs) {
    if (/<cellXfs\b/.test(xml)) unsupported('empty cellXfs');
    return undefined;
  }
  return tags(cellXfs[1]!, 'xf').map((xf) => {
    const raw = xf.get('numFmtId');
    // SheetJS: a missing (or empty) numFmtId leaves the format at General; otherwise parseInt.
    const id = raw ? parseInt(raw, 10) : undefined;
    if (id !== undefined && !(id >= 0 && id <= 0x188)) unsupported(`style number format ${raw}`);
    return id === undefined || Number.isNaN(id) ? table[0] : table[id];
  });
}

// ---------------------------------------------------------------------------
// Shared strings (SheetJS parse_sst_xml + parse_si), parsed as they are inflated

const T_OPEN = /^\s*<(?:\w+:)?t[^>]*>/;
const T_CLOSE = /<\/(?:\w+:)?t>/;
const R_OPEN = /<(?:\w+:)?r\b[^<>]*>/;
const T_ELEMENT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const ANY_TAG = /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm;
const RPH_OPEN = /<(?:\w+:)?rPh\b[^<>]*>/g;
const RPH_CLOSE = /<\/(?:\w+:)?rPh>/g;

/** SheetJS str_remove_xml_ns_g(x, 'rPh'); a phonetic run that never closes is not followed. */
function removePhonetic(x: string): string {
  const out: string[] = [];
  RPH_OPEN.lastIndex = 0;
  let end = 0;
  for (let m = RPH_OPEN.exec(x); m; m = RPH_OPEN.exec(x)) {
    out.push(x.slice(end, m.index));
    RPH_CLOSE.lastIndex = RPH_OPEN.lastIndex;
    const close = RPH_CLOSE.exec(x);
    if (!close) unsupported('unclosed rPh');
    end = RPH_CLOSE.lastIndex;
    RPH_OPEN.lastIndex = end;
  }
  out.push(x.slice(end));
  return out.join('');
}

/** The text of one `<si>` item (its inner XML, trimmed); undefined where SheetJS finds no text. */
/**
 * The text as a string of its own. A string cut out of a larger one (as every item is cut out of the
 * XML read so far) keeps that larger string alive in V8: the shared strings of a million-row workbook
 * would keep the whole of the XML they were read from.
 */
function own(text: string | undefined): string | undefined {
  return text === undefined || text.length < 13 ? text : (' ' + text).slice(1);
}

function stringItem(x: string): string | undefined {
  if (!x) return '';
  // The usual item: <t>text</t>, perhaps followed by phonetic runs.
  if (x.charCodeAt(0) === 60 /* < */ && x.charCodeAt(1) === 116 /* t */ && (x.charCodeAt(2) === 62 /* > */ || x.charCodeAt(2) === 32)) {
    const start = x.indexOf('>') + 1;
    const close = x.indexOf('</', start);
    if (close !== -1 && x.startsWith('</t>', close) && x.indexOf('<![CDATA[') === -1) return unescape(x.slice(start, close), true);
  }
  if (T_OPEN.test(x)) return unescape(x.slice(x.indexOf('>') + 1).split(T_CLOSE)[0] || '', true);
  if (R_OPEN.test(x)) return unescape((removePhonetic(x).match(T_ELEMENT) ?? []).join('').replace(ANY_TAG, ''), true);
  return undefined;
}

function readSharedStrings(bytes: Uint8Array, part: ZipEntry, budget: Budget): (string | undefined)[] {
  const strings: (string | undefined)[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let buffer = '';
  let state = 'head' as 'head' | 'items' | 'done';
  const consume = (final: boolean) => {
    if (state === 'head') {
      const open = /<sst\b[^<>]*>/.exec(buffer);
      if (!open) {
        if (final || buffer.length > 1 << 16) unsupported('no <sst>');
        return;
      }
      if (open[0].endsWith('/>') || /<\w+:sst\b/.test(buffer.slice(0, open.index))) unsupported('odd <sst>');
      buffer = buffer.slice(open.index + open[0].length);
      state = 'items';
    }
    if (state !== 'items') return;
    let from = 0;
    // Where the table ends, if it is in the buffer yet (looked for once: the items end before it).
    const sstEnd = buffer.indexOf('</sst>');
    for (;;) {
      const close = buffer.indexOf('</si>', from);
      if (close !== -1 && (sstEnd === -1 || close < sstEnd)) {
        strings.push(item(buffer.slice(from, close)));
        from = close + 5;
        continue;
      }
      if (sstEnd !== -1) {
        // SheetJS parses what follows the last </si> as one more item (an empty text, normally).
        strings.push(item(buffer.slice(from, sstEnd)));
        state = 'done';
        from = sstEnd + 6;
      }
      break;
    }
    buffer = buffer.slice(from);
  };
  const item = (piece: string): string | undefined => own(itemText(piece));
  const itemText = (piece: string): string | undefined => {
    // SheetJS removes every bare <si> (and <sstItem>) tag, then trims.
    if (piece.indexOf('<sstItem') !== -1 || /<\w+:si\b|<si\s/.test(piece)) unsupported('odd string item');
    const inner = piece.indexOf('<si>') === -1 ? piece : piece.split('<si>').join('');
    return stringItem(inner.trim());
  };
  inflatePart(bytes, part, budget, (chunk) => {
    if (state === 'done') return;
    buffer += decoder.decode(chunk, { stream: true });
    consume(false);
  });
  buffer += decoder.decode();
  if (state !== 'done') consume(true);
  if (state !== 'done') unsupported('no </sst>');
  return strings;
}

// ---------------------------------------------------------------------------
// Worksheets (SheetJS parse_ws_xml + parse_ws_xml_data), parsed as they are inflated

const ERRORS: Record<string, number> = {
  '#NULL!': 0x00, '#DIV/0!': 0x07, '#VALUE!': 0x0f, '#REF!': 0x17, '#NAME?': 0x1d, '#NUM!': 0x24, '#N/A': 0x2a, '#GETTING_DATA': 0x2b, '#WTF?': 0xff,
};
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const MERGE = /<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g;

type Cell = { t: string; v: unknown; z: string | undefined };

interface SheetReader {
  feed(text: string): void;
  finish(): XLSX.WorkSheet;
}

function sheetReader(strings: (string | undefined)[] | undefined, formats: (string | undefined)[] | undefined): SheetReader {
  const data: Cell[][] = [];
  const rows: XLSX.RowInfo[] = [];
  let hiddenRanges: [number, number][] = [];
  let buffer = '';
  let state = 'head' as 'head' | 'data' | 'tail';
  let tail = '';
  let minR = Infinity;
  let minC = Infinity;
  let maxR = -1;
  let maxC = -1;
  const general = BUILTIN_FORMATS[0];
  // One cell object per shared string and format, however many cells show it: most text in a sheet
  // repeats, and nothing changes a parsed cell, so a million rows need not make a million copies.
  const sharedCells = new Map<string | undefined, Cell[]>();
  const sharedCell = (index: number, v: unknown, z: string | undefined): Cell => {
    let byIndex = sharedCells.get(z);
    if (!byIndex) sharedCells.set(z, (byIndex = []));
    return (byIndex[index] ??= { t: 's', v, z });
  };

  /** The number in x[from, to) when it is a plain decimal integer SheetJS's parseFloat reads the same; else NaN. */
  const integerAt = (x: string, from: number, to: number): number => {
    let i = from;
    const negative = x.charCodeAt(i) === 45; /* - */
    if (negative) i++;
    if (i === to || to - i > 15) return NaN;
    let n = 0;
    for (; i < to; i++) {
      const d = x.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return NaN;
      n = n * 10 + d;
    }
    return negative ? -n : n;
  };

  /**
   * One <c> element: its attributes are x[at, end), its content x[contentAt, contentEnd) (empty when
   * self-closing). Only the plainest spelling is read here; anything else is left to SheetJS.
   */
  const cell = (x: string, at: number, end: number, contentAt: number, contentEnd: number) => {
    let row = -1;
    let c = -1;
    let s: string | undefined;
    let t: string | undefined;
    let i = at;
    while (i < end) {
      const ch = x.charCodeAt(i);
      if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) unsupported('cell attributes');
      while (i < end && (x.charCodeAt(i) === 32 || x.charCodeAt(i) === 9 || x.charCodeAt(i) === 10 || x.charCodeAt(i) === 13)) i++;
      if (i === end) break;
      const nameAt = i;
      while (i < end && x.charCodeAt(i) !== 61 /* = */) i++;
      const nameEnd = i;
      const quote = x.charCodeAt(i + 1);
      if (i === end || (quote !== 34 && quote !== 39)) unsupported('cell attributes');
      const valueAt = i + 2;
      const valueEnd = x.indexOf(quote === 34 ? '"' : "'", valueAt);
      if (valueEnd === -1 || valueEnd >= end) unsupported('cell attributes');
      i = valueEnd + 1;
      const first = x.charCodeAt(nameAt);
      if (nameEnd - nameAt === 1 && first === 114 /* r */) {
        // A1-style reference: 1–3 capital letters, then a row number without leading zeros.
        let j = valueAt;
        c = 0;
        while (j < valueEnd && j - valueAt < 3 && x.charCodeAt(j) >= 65 && x.charCodeAt(j) <= 90) c = c * 26 + (x.charCodeAt(j++) - 64);
        c -= 1;
        const digits = j;
        row = 0;
        for (; j < valueEnd && j - digits < 7; j++) {
          const d = x.charCodeAt(j) - 48;
          if (d < 0 || d > 9) break;
          row = row * 10 + d;
        }
        if (c < 0 || j !== valueEnd || digits === valueEnd || x.charCodeAt(digits) === 48) unsupported('cell reference');
        row -= 1;
      } else if (nameEnd - nameAt === 1 && first === 115 /* s */) {
        s = x.slice(valueAt, valueEnd);
      } else if (nameEnd - nameAt === 1 && first === 116 /* t */) {
        t = x.slice(valueAt, valueEnd);
      } else {
        const name = x.slice(nameAt, nameEnd);
        // SheetJS also keys an attribute by its local name (xml:space → space), its lower case and
        // what precedes a `_`: anything that could land on r, s or t is left to it.
        if (!/^[A-Za-z][\w.:-]*$/.test(name) || /^[rst](_|$)/.test(name.slice(name.indexOf(':') + 1).toLowerCase())) unsupported(`cell attribute ${name}`);
      }
    }
    // The content: nothing, or <v>text</v> (<v xml:space="preserve">text</v> as SheetJS writes line breaks).
    let textAt = contentAt;
    let textEnd = contentAt;
    if (contentEnd > contentAt) {
      if (x.charCodeAt(contentAt) !== 60 || x.charCodeAt(contentAt + 1) !== 118 /* v */) unsupported('cell content other than <v>');
      const third = x.charCodeAt(contentAt + 2);
      textAt = third === 62 ? contentAt + 3 : third === 32 ? x.indexOf('>', contentAt) + 1 : -1;
      textEnd = contentEnd - 4;
      if (textAt <= 0 || textAt > textEnd || !x.startsWith('</v>', textEnd) || x.indexOf('<', textAt) !== textEnd) unsupported('cell content other than <v>');
    }
    const empty = textAt === textEnd;
    if (t === undefined && empty) return; // a styled empty cell: SheetJS keeps nothing
    if (row < 0) unsupported('cell without a reference');
    let v: unknown;
    let type: string;
    let shared = -1;
    switch (t ?? 'n') {
      case 'n': {
        if (empty) return;
        const n = integerAt(x, textAt, textEnd);
        if (Number.isNaN(n)) {
          const raw = unescape(x.slice(textAt, textEnd), false);
          if (raw === '') return;
          if (!NUMBER.test(raw)) unsupported(`number ${raw}`);
          v = parseFloat(raw);
        } else {
          v = n;
        }
        type = 'n';
        break;
      }
      case 's': {
        if (empty) return;
        const index = integerAt(x, textAt, textEnd);
        if (!strings || !(index >= 0) || x.charCodeAt(textAt) === 45) unsupported('shared string index');
        if (index >= strings.length) unsupported('shared string index out of range');
        v = strings[index];
        type = 's';
        shared = index;
        break;
      }
      case 'str': {
        const text = x.slice(textAt, textEnd);
        // SheetJS decodes these twice (entities, then UTF-8 of what is already text): numeric escapes
        // would come out differently, so only plain text is read here.
        if (text.indexOf('&#') !== -1 || /_x/i.test(text)) unsupported('escaped formula string');
        v = empty ? '' : unescape(unescape(text, false), true);
        type = 's';
        break;
      }
      case 'b': {
        const raw = empty ? undefined : unescape(x.slice(textAt, textEnd), false);
        if (raw !== '0' && raw !== '1' && raw !== 'true' && raw !== 'false') unsupported(`boolean ${raw}`);
        v = raw === '1' || raw === 'true';
        type = 'b';
        break;
      }
      case 'e': {
        const raw = empty ? undefined : unescape(x.slice(textAt, textEnd), false);
        if (raw === undefined || !Object.hasOwn(ERRORS, raw)) unsupported(`error ${raw}`);
        v = ERRORS[raw];
        type = 'e';
        break;
      }
      default:
        unsupported(`cell type ${t}`);
    }
    let z = general;
    if (formats && s !== undefined) {
      // SheetJS looks the style up by the attribute's text: "01" finds nothing (General).
      const index = Number(s);
      if (Number.isInteger(index) && index >= 0 && index < formats.length && String(index) === s) z = formats[index];
    }
    const cells = data[row] ?? (data[row] = []);
    cells[c] = shared >= 0 ? sharedCell(shared, v, z) : { t: type, v, z };
    if (row < minR) minR = row;
    if (row > maxR) maxR = row;
    if (c < minC) minC = c;
    if (c > maxC) maxC = c;
  };

  const consumeData = (final: boolean) => {
    let at = 0;
    const text = buffer;
    for (;;) {
      const lt = text.indexOf('<', at);
      if (lt === -1) {
        if (text.slice(at).trim() !== '') unsupported('text between cells');
        at = text.length;
        break;
      }
      if (lt > at && text.slice(at, lt).trim() !== '') unsupported('text between cells');
      const gt = text.indexOf('>', lt);
      if (gt === -1) {
        at = lt;
        break;
      }
      const second = text.charCodeAt(lt + 1);
      const third = text.charCodeAt(lt + 2);
      if (second === 99 /* c */ && (third === 32 || third === 62 || third === 47)) {
        if (text.charCodeAt(gt - 1) === 47 /* / */) {
          cell(text, lt + 2, gt - 1, gt, gt);
          at = gt + 1;
          continue;
        }
        const close = text.indexOf('</c>', gt);
        if (close === -1) {
          at = lt;
          break;
        }
        cell(text, lt + 2, gt, gt + 1, close);
        at = close + 4;
        continue;
      }
      const tag = text.slice(lt, gt + 1);
      if (tag.startsWith('<row') && (tag.charCodeAt(4) === 32 || tag.charCodeAt(4) === 62 || tag.charCodeAt(4) === 47)) {
        if (tag.indexOf('hidden') !== -1) hiddenRow(tag);
        at = gt + 1;
        continue;
      }
      if (tag === '</row>') {
        at = gt + 1;
        continue;
      }
      if (tag === '</sheetData>') {
        state = 'tail';
        tail = text.slice(gt + 1);
        at = text.length;
        break;
      }
      unsupported(`in sheetData: ${tag.slice(0, 40)}`);
    }
    buffer = text.slice(at);
    if (final && state === 'data') unsupported('no </sheetData>');
  };

  /** A `<row>` tag that may hide its row. */
  const hiddenRow = (tag: string) => {
    const row = attributes(tag);
    if (!isHiddenValue(row.get('hidden'))) return;
    const r = row.get('r') ?? '';
    if (!/^[1-9][0-9]{0,6}$/.test(r)) unsupported('hidden row without a plain reference');
    hideRow(rows, Number(r));
  };

  return {
    feed(text: string) {
      if (state === 'tail') {
        tail += text;
        return;
      }
      buffer += text;
      if (state === 'head') {
        const open = buffer.indexOf('<sheetData');
        if (open === -1) {
          if (buffer.length > 1 << 20) unsupported('no sheetData in the first megabyte');
          return;
        }
        const gt = buffer.indexOf('>', open);
        if (gt === -1) return;
        const head = buffer.slice(0, open);
        if (/<!--|<!\[CDATA\[|<\w+:(worksheet|sheetData|col)\b/.test(head)) unsupported('sheet head: comments, CDATA or prefixes');
        hiddenRanges = tags(head, 'col')
          .filter((col) => isHiddenValue(col.get('hidden')))
          .map((col) => [parseInt(col.get('min') ?? '', 10), parseInt(col.get('max') ?? '', 10)]);
        const tag = buffer.slice(open, gt + 1);
        if (tag === '<sheetData/>') {
          state = 'tail';
          tail = buffer.slice(gt + 1);
          buffer = '';
          return;
        }
        if (tag !== '<sheetData>') unsupported(`sheetData tag ${tag}`);
        buffer = buffer.slice(gt + 1);
        state = 'data';
      }
      if (state === 'data') consumeData(false);
    },
    finish() {
      if (state === 'data') consumeData(true);
      if (state !== 'tail') unsupported('no sheetData');
      if (/<!--|<!\[CDATA\[|<(?:\w+:)?hyperlink\b|legacyDrawing|<\w+:sheetData\b|<sheetData\b/.test(tail)) unsupported('sheet tail: hyperlinks, comments or a second sheetData');
      const sheet: XLSX.WorkSheet = { '!data': data as unknown as XLSX.CellObject[][] };
      const merges: XLSX.Range[] = [];
      MERGE.lastIndex = 0;
      // One past the limit is enough for the sheet to be refused; the rest are not decoded.
      for (let m = MERGE.exec(tail); m && merges.length <= SHEET_LIMITS.maxMerges; m = MERGE.exec(tail)) {
        merges.push(decodeRange(m[0].slice(m[0].indexOf('=') + 2)));
      }
      if (maxR >= 0) sheet['!ref'] = `${encodeColumn(minC)}${minR + 1}:${encodeColumn(maxC)}${maxR + 1}`;
      if (merges.length > 0) sheet['!merges'] = merges;
      if (rows.length > 0) sheet['!rows'] = rows;
      const cols = hiddenColumns(hiddenRanges);
      if (cols) sheet['!cols'] = cols;
      return sheet;
    },
  };
}

function encodeColumn(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** SheetJS safe_decode_range. */
function decodeRange(range: string): XLSX.Range {
  const o = { s: { c: 0, r: 0 }, e: { c: 0, r: 0 } };
  let idx = 0;
  let i = 0;
  let cc = 0;
  const len = range.length;
  for (idx = 0; i < len; ++i) {
    if ((cc = range.charCodeAt(i) - 64) < 1 || cc > 26) break;
    idx = 26 * idx + cc;
  }
  o.s.c = --idx;
  for (idx = 0; i < len; ++i) {
    if ((cc = range.charCodeAt(i) - 48) < 0 || cc > 9) break;
    idx = 10 * idx + cc;
  }
  o.s.r = --idx;
  if (i === len || cc !== 10) {
    o.e.c = o.s.c;
    o.e.r = o.s.r;
    return o;
  }
  ++i;
  for (idx = 0; i !== len; ++i) {
    if ((cc = range.charCodeAt(i) - 64) < 1 || cc > 26) break;
    idx = 26 * idx + cc;
  }
  o.e.c = --idx;
  for (idx = 0; i !== len; ++i) {
    if ((cc = range.charCodeAt(i) - 48) < 0 || cc > 9) break;
    idx = 10 * idx + cc;
  }
  o.e.r = --idx;
  return o;
}

// ---------------------------------------------------------------------------

/**
 * The workbook as `XLSX.read(stored zip of the inflated parts, readWorkbook's options)` would give it,
 * or undefined when the workbook is outside what this reader understands (then read it the careful way).
 */
export function readXlsxStream(bytes: Uint8Array, parts: readonly ZipEntry[], limits: ContainerLimits): XLSX.WorkBook | undefined {
  lastFallbackReason = '';
  try {
    return read(bytes, parts, limits);
  } catch (error) {
    lastFallbackReason = error instanceof Unsupported ? error.message : `error: ${String((error as Error)?.message ?? error).slice(0, 200)}`;
    return undefined;
  }
}

function read(bytes: Uint8Array, parts: readonly ZipEntry[], limits: ContainerLimits): XLSX.WorkBook {
  const files = new Map<string, ZipEntry>();
  for (const part of parts) {
    if (part.encrypted) unsupported('encrypted part');
    if (part.method !== 0 && part.method !== 8) unsupported(`compression method ${part.method}`);
    if (files.has(part.name)) unsupported(`duplicate part ${part.name}`);
    if (/comments|externalLink/i.test(part.name)) unsupported(`part ${part.name}`);
    files.set(part.name, part);
  }
  const budget = new Budget(limits.maxUncompressedBytes);
  const structure = readStructure(files, bytes, budget);
  const formats = readStyles(structure.styles === undefined ? undefined : partText(bytes, files.get(structure.styles)!, budget));
  const strings = structure.sst === undefined ? undefined : readSharedStrings(bytes, files.get(structure.sst)!, budget);
  const Sheets: Record<string, XLSX.WorkSheet> = {};
  for (const { name, path } of structure.sheets) {
    const reader = sheetReader(strings, formats);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    inflatePart(bytes, files.get(path)!, budget, (chunk) => reader.feed(decoder.decode(chunk, { stream: true })));
    reader.feed(decoder.decode());
    Sheets[name] = reader.finish();
  }
  // Every other part is inflated too, only to count it against the cap and find broken data, as the careful path does.
  for (const part of parts) if (!budget.read.has(part.name)) inflatePart(bytes, part, budget, () => {});
  const states = structure.sheets.map(({ name, Hidden }) => ({ name, Hidden }));
  return { SheetNames: structure.sheets.map((s) => s.name), Sheets, Workbook: { Sheets: states } } as XLSX.WorkBook;
}
