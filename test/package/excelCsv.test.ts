import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import { fileText, measuresSource } from '../helpers/builtPackage.ts';

describe('the Excel-ready CSV', () => {
  // The committed sheet has no line breaks inside cells; one summary gets a break, a quote and a comma.
  const { dataset, records, asOf } = measuresSource();
  const awkward = records.map((r, i) => (i === 1 ? { ...r, summary: '1行目\n2行目、"引用"あり, comma' } : r));
  const built = buildPackage({ dataset, records: awkward, asOf, version: '1.0.0' });
  const excel = built.files.find((f) => f.path === '142034_covid19_measures_excel.csv')!;
  const text = fileText(built, excel.path);
  const json = JSON.parse(fileText(built, '142034_covid19_measures.json')) as Record<string, unknown>[];
  const schema = built.descriptor.resources[0]!.schema!;

  it('starts with the UTF-8 BOM and the Japanese titles, and ends every record with CRLF', () => {
    expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe(schema.fields.map((f) => f.title).join(','));
    expect(text.slice(1, 40)).toContain('全国地方公共団体コード,地方公共団体名,No.,対策名');
    expect(text.endsWith('\r\n')).toBe(true);
    // Every line break outside quotes is CRLF: a bare LF appears only inside a quoted field.
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside).not.toMatch(/[^\r]\n/);
  });

  it('quotes every field that holds a line break', () => {
    const rows = parse(text, { bom: true, raw: true, from_line: 2 }) as unknown as { raw: string; record: string[] }[];
    const withBreaks = rows.flatMap((r) => r.record.map((value, i) => ({ value, raw: r.raw, i }))).filter((c) => /[\r\n]/.test(c.value));
    expect(withBreaks.map((c) => c.value)).toEqual(['1行目\n2行目、"引用"あり, comma']);
    for (const c of withBreaks) expect(c.raw).toContain(`"${c.value.replaceAll('"', '""')}"`);
  });

  it('round-trips through csv-parse to the same records as the JSON', () => {
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.length);
    const byTitle = new Map(schema.fields.map((f) => [f.title!, f.name]));
    rows.forEach((row, i) => {
      const record = Object.fromEntries(Object.entries(row).map(([title, value]) => [byTitle.get(title), value]));
      expect(Object.keys(record)).toEqual(Object.keys(json[i]!));
      for (const [key, value] of Object.entries(json[i]!)) expect(record[key]).toBe(value === null ? '' : String(value));
    });
  });

  it('declares the Japanese header row as a comment row so machines read it with the same schema', () => {
    const resource = built.descriptor.resources.find((r) => r.path === excel.path)!;
    expect(resource).toMatchObject({ format: 'csv', mediatype: 'text/csv', dialect: { header: false, commentRows: [1] } });
    expect(resource.schema).toEqual(schema);
  });

  it('leaves the canonical CSV without BOM, with field names as header', () => {
    const csv = built.files.find((f) => f.path === '142034_covid19_measures.csv')!;
    expect(csv.bytes[0]).not.toBe(0xef);
    expect(fileText(built, csv.path).split('\r\n')[0]).toBe(schema.fields.map((f) => f.name).join(','));
  });
});
