import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { FieldValue, Values } from '../../pipeline/normalize/RecordRow.ts';
import { StreamedFile } from '../../pipeline/package/packageFile.ts';
import { csvProducer, excelCsvProducer, jsonProducer, toCsv, type ChunkProducer } from '../../pipeline/package/serialize.ts';
import { prng } from '../bench/generate.ts';

// What the files were made with before they were written by hand: the bytes must not change.
const reference = {
  csv: (records: Values[], fields: string[]) =>
    stringify(records.map((r) => fields.map((f) => r[f] ?? null)), { header: true, columns: fields, record_delimiter: 'windows', quoted_match: /[\r\n]/ }),
  excel: (records: Values[], fields: string[], titles: string[]) =>
    stringify([titles, ...records.map((r) => fields.map((f) => r[f] ?? null))].map((row) => row.map(inert)), {
      bom: true,
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
    }),
  json: (records: Values[], fields: string[]) =>
    `${JSON.stringify(records.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null]))), null, 2)}\n`,
};

/** The Excel CSV's one difference: text (not a number) led by what starts a formula gets a `'`. */
const inert = (v: FieldValue) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) && !/^[+-]?[0-9.]+$/.test(v) ? `'${v}` : v);

const TRICKY: FieldValue[] = [
  null, '', ' ', 'plain', '平塚市', 'a,b', 'say "hi"', '"', '""', 'line\nbreak', 'cr\ronly', 'crlf\r\nboth', ' lead', 'trail ',
  '=SUM(A1)', '-1', '+1', '@x', '\t tab', '😀', '\u0001ctrl', '\\back\\slash', '\u2028', '\uD800lone', 0, -0, 1, -5, 1.5, 1e21, 123456789012, Number.MAX_SAFE_INTEGER,
];

function records(count: number, seed: number, fields: string[]): Values[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => {
    const record = Object.create(null) as Values;
    for (const field of fields) if (random() < 0.95) record[field] = TRICKY[Math.floor(random() * TRICKY.length)]!;
    return record;
  });
}

const FIELDS = ['lg_code', 'name', 'budget', 'note'];
const TITLES = ['全国地方公共団体コード', '名称, "略称"', '事業費\n（千円）', '備考'];
const encode = (text: string) => new TextEncoder().encode(text);
// ignoreBOM: the Excel CSV's BOM is part of what is compared.
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
/** The bytes a producer makes, gathered, and the sizes of the pieces it handed out. */
function produce(producer: ChunkProducer): { bytes: Uint8Array; pieces: number[] } {
  const pieces: number[] = [];
  const bytes = Buffer.concat(collect(producer, pieces));
  return { bytes, pieces };
}
function collect(producer: ChunkProducer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  producer((chunk) => {
    sizes.push(chunk.length);
    out.push(Buffer.from(chunk));
  });
  return out;
}
const toCsvBytes = (data: Values[], fields: string[]) => produce(csvProducer(data, fields)).bytes;
const toExcelCsvBytes = (data: Values[], fields: string[], titles: string[]) => produce(excelCsvProducer(data, fields, titles)).bytes;
const toJsonBytes = (data: Values[], fields: string[]) => produce(jsonProducer(data, fields)).bytes;
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('the package files are written byte for byte as csv-stringify and JSON.stringify wrote them', () => {
  it.each([0, 1, 7, 300, 5000])('%i records', (count) => {
    const data = records(count, count + 1, FIELDS);
    expect(toCsv(data, FIELDS)).toBe(reference.csv(data, FIELDS));
    // As text, for a readable difference: UTF-8 has no lone surrogates, so the reference's become U+FFFD.
    expect(decode(toExcelCsvBytes(data, FIELDS, TITLES))).toBe(decode(encode(reference.excel(data, FIELDS, TITLES))));
    expect(decode(toJsonBytes(data, FIELDS))).toBe(decode(encode(reference.json(data, FIELDS))));
    expect(sameBytes(toCsvBytes(data, FIELDS), encode(reference.csv(data, FIELDS)))).toBe(true);
    expect(sameBytes(toExcelCsvBytes(data, FIELDS, TITLES), encode(reference.excel(data, FIELDS, TITLES)))).toBe(true);
    expect(sameBytes(toJsonBytes(data, FIELDS), encode(reference.json(data, FIELDS)))).toBe(true);
  });

  it('long texts across the pieces the bytes are encoded in', () => {
    const data = Array.from({ length: 12 }, (_, i) => {
      const record = Object.create(null) as Values;
      record.name = `${'絵文字😀'.repeat(4000 + i)}"${i}"`;
      record.budget = i;
      return record;
    });
    expect(sameBytes(toCsvBytes(data, FIELDS), encode(reference.csv(data, FIELDS)))).toBe(true);
    expect(sameBytes(toJsonBytes(data, FIELDS), encode(reference.json(data, FIELDS)))).toBe(true);
  });

  it('files larger than the reused buffer come in several pieces, one record larger than it on its own', () => {
    const data = Array.from({ length: 40 }, (_, i) => {
      const record = Object.create(null) as Values;
      // Record 20 alone is over a megabyte of UTF-8; the others fill the buffer several times.
      record.name = i === 20 ? `長い${'あ'.repeat(400_000)}` : `${'平塚,"市"\n'.repeat(9000)}${i}`;
      record.budget = i;
      return record;
    });
    const csv = produce(csvProducer(data, FIELDS));
    const json = produce(jsonProducer(data, FIELDS));
    expect(csv.pieces.length).toBeGreaterThan(3);
    expect(Math.max(...csv.pieces)).toBeGreaterThan(1 << 20);
    expect(sameBytes(csv.bytes, encode(reference.csv(data, FIELDS)))).toBe(true);
    expect(sameBytes(json.bytes, encode(reference.json(data, FIELDS)))).toBe(true);
    expect(sameBytes(toExcelCsvBytes(data, FIELDS, TITLES), encode(reference.excel(data, FIELDS, TITLES)))).toBe(true);
  });

  it('a streamed file gives the size and hash of the bytes it streamed, and the same bytes when gathered', () => {
    const data = records(3000, 9, FIELDS);
    const streamed = new StreamedFile('x.csv', csvProducer(data, FIELDS));
    const written: Buffer[] = [];
    streamed.stream((chunk) => written.push(Buffer.from(chunk)));
    const bytes = Buffer.concat(written);
    expect(streamed.digest()).toEqual({ size: bytes.length, hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}` });
    const gathered = new StreamedFile('x.csv', csvProducer(data, FIELDS));
    expect(sameBytes(gathered.bytes, bytes)).toBe(true);
    expect(gathered.digest()).toEqual(streamed.digest());
  });
});
