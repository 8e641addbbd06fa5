import type { FieldValue } from '../normalize/RecordRow.ts';
import type { RecordList } from './publishedRecords.ts';
import { formulaLead } from '../validate/formulaText.ts';

/**
 * The files are written here by hand rather than with csv-stringify and JSON.stringify(…, null, 2):
 * the bytes are exactly the same (test/package/serialize.test.ts compares them), made in a fraction of
 * the time, and encoded to UTF-8 record by record into one reused buffer, so a million
 * rows never need one string larger than V8 allows, nor the whole file in memory as text or bytes.
 */

const encoder = new TextEncoder();
interface Writer {
  write(text: string): void;
}

/** Receives a file's bytes piece by piece; a piece is only valid until the call returns. */
export type ChunkSink = (chunk: Uint8Array) => void;

/** A file's content as a function that hands its UTF-8 bytes to a sink, piece by piece. */
export type ChunkProducer = (sink: ChunkSink) => void;

/** Bytes handed to the sink at a time: one buffer, reused, so memory stays the same for any file size. */
const CHUNK = 1 << 20;

/**
 * UTF-8 bytes in one reused buffer, given to the sink whenever the next text might not fit. Each
 * record's text is encoded as soon as it is made: encoding small strings one by one is several times
 * faster than joining them into large ones first (V8 flattens such strings piece by piece), and a
 * reused buffer stays in the CPU cache where fresh memory would be touched for the first time.
 */
class ChunkWriter implements Writer {
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private length = 0;

  constructor(private readonly sink: ChunkSink) {}

  write(text: string): void {
    // At most three bytes per UTF-16 unit; a text larger than the buffer (one huge record) goes on its own.
    if (this.length + text.length * 3 > CHUNK) this.emit();
    if (text.length * 3 > CHUNK) this.sink(encoder.encode(text));
    else this.length += this.buffer.write(text, this.length);
  }

  private emit(): void {
    if (this.length > 0) this.sink(this.buffer.subarray(0, this.length));
    this.length = 0;
  }

  end(): void {
    this.emit();
  }
}

function produced(write: (writer: Writer) => void): ChunkProducer {
  return (sink) => {
    const writer = new ChunkWriter(sink);
    write(writer);
    writer.end();
  };
}

/** For each field, the words a boolean is written as in the CSV (its Table Schema trueValues/falseValues). */
export type BooleanCsvWords = readonly (readonly [whenTrue: string, whenFalse: string] | undefined)[];

/** The canonical CSV (as toCsvBytes), piece by piece. */
export function csvProducer(records: RecordList, fields: string[], words: BooleanCsvWords = []): ChunkProducer {
  return produced((writer) => writeCsv(writer, records, fields, fields, false, words));
}

/**
 * The Excel CSV, piece by piece: a BOM, the titles, then the canonical CSV's records with every text a
 * spreadsheet would run as a formula made inert by a leading `'` (OWASP's advice), which Excel takes as
 * "this is text" and does not show. Validation refuses such text unless the definition allows it (an
 * enum value such as `+`, a title); the canonical CSV and the JSON keep it exact.
 */
export function excelCsvProducer(records: RecordList, fields: string[], titles: string[], words: BooleanCsvWords = []): ChunkProducer {
  return produced((writer) => writeCsv(writer, records, fields, titles.map(excelCsvField), true, words, excelCsvField));
}

/** The JSON (as toJsonBytes), piece by piece. */
export function jsonProducer(records: RecordList, fields: string[]): ChunkProducer {
  return produced((writer) => writeJson(writer, records, fields));
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

/** Text that would be a formula to a spreadsheet, with a `'` before it. */
function excelCsvField(value: FieldValue): FieldValue {
  return typeof value === 'string' && formulaLead(value) !== undefined ? `'${value}` : value;
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

function writeCsv(
  writer: Writer,
  records: RecordList,
  fields: string[],
  header: readonly FieldValue[],
  bom: boolean,
  words: BooleanCsvWords = [],
  guard?: (value: FieldValue) => FieldValue,
): void {
  if (bom) writer.write('\uFEFF');
  writer.write(csvLine(header));
  const row: (FieldValue | undefined)[] = new Array<FieldValue | undefined>(fields.length);
  for (const record of records) {
    for (let i = 0; i < fields.length; i++) {
      const value = record[fields[i]!] ?? null;
      const written = typeof value === 'boolean' ? (words[i]?.[value ? 0 : 1] ?? String(value)) : value;
      row[i] = guard ? guard(written) : written;
    }
    writer.write(csvLine(row));
  }
}

function writeJson(writer: Writer, records: RecordList, fields: string[]): void {
  if (records.length === 0) {
    writer.write('[]\n');
    return;
  }
  const keys = fields.map((f) => `    ${JSON.stringify(f)}: `);
  writer.write('[\n');
  let r = 0;
  for (const record of records) {
    let text = r++ === 0 ? '  {\n' : ',\n  {\n';
    for (let i = 0; i < fields.length; i++) text += `${i === 0 ? '' : ',\n'}${keys[i]}${JSON.stringify(record[fields[i]!] ?? null)}`;
    writer.write(`${text}\n  }`);
  }
  writer.write('\n]\n');
}

/** RFC 4180 CSV as text. */
export function toCsv(records: RecordList, fields: string[]): string {
  const writer = new TextWriter();
  writeCsv(writer, records, fields, fields, false);
  return writer.text();
}
