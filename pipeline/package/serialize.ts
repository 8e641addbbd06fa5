import type { FieldValue, Values } from '../normalize/RecordRow.ts';

/**
 * The files are written here by hand rather than with csv-stringify and JSON.stringify(…, null, 2):
 * the bytes are exactly the same (test/package/serialize.test.ts compares them), made in a fraction of
 * the time, and encoded to UTF-8 a few thousand records at a time, so a million rows never need one
 * string larger than V8 allows or a copy of the whole file as text.
 */

const encoder = new TextEncoder();
/** Text is encoded in pieces of about this many UTF-16 units, always at a record boundary. */
const PIECE = 1 << 16;

interface Writer {
  write(text: string): void;
  expect?(done: number, total: number): void;
}

/** After this many records (less one) the byte writer estimates the size of the whole file. */
const PROBE = 499;

/**
 * UTF-8 bytes written piece by piece into one buffer. Once a few hundred records are written the
 * writer is told how many there are in all and reserves room for the rest (`Buffer.allocUnsafe`:
 * memory not yet written costs nothing), so the bytes are neither copied to grow nor joined at the end.
 */
class Utf8Writer implements Writer {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  private text = '';

  write(text: string): void {
    this.text += text;
    if (this.text.length >= PIECE) this.flush();
  }

  /** `done` of `total` records are written: make room for the rest, at the size they have had so far. */
  expect(done: number, total: number): void {
    this.flush();
    if (done > 0 && total > done) this.reserve(Math.ceil((this.length / done) * (total - done) * 1.1) + PIECE * 3);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }

  private flush(): void {
    if (this.text === '') return;
    // At most three bytes per UTF-16 unit.
    this.reserve(this.text.length * 3);
    this.length += encoder.encodeInto(this.text, this.buffer.subarray(this.length)).written;
    this.text = '';
  }

  bytes(): Uint8Array {
    this.flush();
    return new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.length);
  }
}

/** The same text as one string. */
class TextWriter implements Writer {
  private parts: string[] = [];
  write(text: string): void {
    this.parts.push(text);
  }
  text(): string {
    return this.parts.join('');
  }
}

/** One CSV field as csv-stringify writes it with these options: quoted when it holds `"`, `,` or a line break. */
function csvField(value: FieldValue | boolean | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return `${value}`;
  if (typeof value === 'boolean') return value ? '1' : '';
  if (value === '' || !/[",\r\n]/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

function csvLine(values: readonly (FieldValue | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]);
  return `${line}\r\n`;
}

function writeCsv(writer: Writer, records: Values[], fields: string[], header: readonly string[], bom: boolean): void {
  if (bom) writer.write('\uFEFF');
  writer.write(csvLine(header));
  const row: (FieldValue | undefined)[] = new Array<FieldValue | undefined>(fields.length);
  records.forEach((record, r) => {
    for (let i = 0; i < fields.length; i++) row[i] = record[fields[i]!] ?? null;
    writer.write(csvLine(row));
    if (r === PROBE) writer.expect?.(r + 1, records.length);
  });
}

/** RFC 4180 CSV: UTF-8 without BOM, CRLF, header of field names, empty for none. */
export function toCsvBytes(records: Values[], fields: string[]): Uint8Array {
  const writer = new Utf8Writer();
  writeCsv(writer, records, fields, fields, false);
  return writer.bytes();
}

/**
 * CSV for double-clicking in Japanese Excel: UTF-8 with a BOM (or Excel reads it as Shift_JIS),
 * CRLF, the Japanese titles as header, fields with line breaks quoted. Same records as the canonical CSV.
 */
export function toExcelCsvBytes(records: Values[], fields: string[], titles: string[], csv?: Uint8Array): Uint8Array {
  if (csv) {
    // The same records as the canonical CSV: its bytes after the header line, behind a BOM and the titles.
    const head = encoder.encode(`\uFEFF${csvLine(titles)}`);
    const body = csv.subarray(encoder.encode(csvLine(fields)).length);
    const out = new Uint8Array(head.length + body.length);
    out.set(head, 0);
    out.set(body, head.length);
    return out;
  }
  const writer = new Utf8Writer();
  writeCsv(writer, records, fields, titles, true);
  return writer.bytes();
}

function writeJson(writer: Writer, records: Values[], fields: string[]): void {
  if (records.length === 0) {
    writer.write('[]\n');
    return;
  }
  const keys = fields.map((f) => `    ${JSON.stringify(f)}: `);
  writer.write('[\n');
  records.forEach((record, r) => {
    let text = r === 0 ? '  {\n' : ',\n  {\n';
    for (let i = 0; i < fields.length; i++) text += `${i === 0 ? '' : ',\n'}${keys[i]}${JSON.stringify(record[fields[i]!] ?? null)}`;
    writer.write(`${text}\n  }`);
    if (r === PROBE) writer.expect?.(r + 1, records.length);
  });
  writer.write('\n]\n');
}

/** An array of objects keyed by field name, keys in published order, null for none (JSON.stringify's layout, indent 2). */
export function toJsonBytes(records: Values[], fields: string[]): Uint8Array {
  const writer = new Utf8Writer();
  writeJson(writer, records, fields);
  return writer.bytes();
}

/** RFC 4180 CSV as text. */
export function toCsv(records: Values[], fields: string[]): string {
  const writer = new TextWriter();
  writeCsv(writer, records, fields, fields, false);
  return writer.text();
}

/** The Excel CSV as text (starting with the BOM). */
export function toExcelCsv(records: Values[], fields: string[], titles: string[]): string {
  const writer = new TextWriter();
  writeCsv(writer, records, fields, titles, true);
  return writer.text();
}

/** The JSON as text. */
export function toJson(records: Values[], fields: string[]): string {
  const writer = new TextWriter();
  writeJson(writer, records, fields);
  return writer.text();
}
