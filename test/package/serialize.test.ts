import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { FieldValue, Values } from '../../pipeline/normalize/RecordRow.ts';
import { toCsv, toCsvBytes, toExcelCsv, toExcelCsvBytes, toJson, toJsonBytes } from '../../pipeline/package/serialize.ts';
import { prng } from '../bench/generate.ts';

// What the files were made with before they were written by hand: the bytes must not change.
const reference = {
  csv: (records: Values[], fields: string[]) =>
    stringify(records.map((r) => fields.map((f) => r[f] ?? null)), { header: true, columns: fields, record_delimiter: 'windows', quoted_match: /[\r\n]/ }),
  excel: (records: Values[], fields: string[], titles: string[]) =>
    stringify([titles, ...records.map((r) => fields.map((f) => r[f] ?? null))], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ }),
  json: (records: Values[], fields: string[]) =>
    `${JSON.stringify(records.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null]))), null, 2)}\n`,
};

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
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('the package files are written byte for byte as csv-stringify and JSON.stringify wrote them', () => {
  it.each([0, 1, 7, 300, 5000])('%i records', (count) => {
    const data = records(count, count + 1, FIELDS);
    expect(toCsv(data, FIELDS)).toBe(reference.csv(data, FIELDS));
    expect(toExcelCsv(data, FIELDS, TITLES)).toBe(reference.excel(data, FIELDS, TITLES));
    expect(toJson(data, FIELDS)).toBe(reference.json(data, FIELDS));
    expect(sameBytes(toCsvBytes(data, FIELDS), encode(reference.csv(data, FIELDS)))).toBe(true);
    expect(sameBytes(toExcelCsvBytes(data, FIELDS, TITLES), encode(reference.excel(data, FIELDS, TITLES)))).toBe(true);
    expect(sameBytes(toExcelCsvBytes(data, FIELDS, TITLES, toCsvBytes(data, FIELDS)), encode(reference.excel(data, FIELDS, TITLES)))).toBe(true);
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
});
