import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import { buildMeasures, fileText, measuresSource } from '../helpers/builtPackage.ts';

describe('the summary resource', () => {
  const built = buildMeasures();
  const rows = parse(fileText(built, '142034_covid19_measures_summary.csv'), { columns: true }) as Record<string, string>[];
  const json = JSON.parse(fileText(built, '142034_covid19_measures.json')) as Record<string, string | number | null>[];
  const original = json.filter((r) => r.relisted_from === null);
  const group = (field: string) => rows.filter((r) => r.group_field === field);

  it('counts rows by status without re-listed rows, and says how many it left out', () => {
    expect(group('status').map((r) => [r.group_value, r.rows, r.excluded_relisted_rows])).toEqual([
      ['着手', '75', '3'],
      ['完了', '7', '0'],
    ]);
  });

  it('sums the budget per measure package and per pillar exactly as the records do, re-listed rows left out', () => {
    for (const field of ['measure_package', 'pillar']) {
      const values = [...new Set(json.map((r) => r[field]))];
      expect(group(field).map((r) => r.group_value)).toEqual(values);
      for (const row of group(field)) {
        const members = original.filter((r) => r[field] === row.group_value);
        expect(Number(row.budget_thousand_yen_total)).toBe(members.reduce((t, r) => t + (Number(r.budget_thousand_yen) || 0), 0));
        expect(Number(row.rows)).toBe(members.length);
        expect(Number(row.excluded_relisted_rows)).toBe(json.filter((r) => r[field] === row.group_value && r.relisted_from !== null).length);
      }
      const total = group(field).reduce((t, r) => t + Number(r.budget_thousand_yen_total), 0);
      expect(total).toBe(built.descriptor.summary.totals.budget_thousand_yen!.withoutRelisted);
      expect(group(field).reduce((t, r) => t + Number(r.excluded_relisted_rows), 0)).toBe(built.descriptor.summary.relistedRows);
    }
  });

  it('is declared with a Table Schema derived from its own JSON Schema, keyed by field and value', () => {
    const resource = built.descriptor.resources.find((r) => r.name === 'covid19-measures-summary')!;
    expect(resource.schema!.fields.map((f) => f.name)).toEqual(['group_field', 'group_title', 'group_value', 'rows', 'budget_thousand_yen_total', 'excluded_relisted_rows']);
    expect(resource.schema!.primaryKey).toEqual(['group_field', 'group_value']);
    expect(resource.schema!.fields.find((f) => f.name === 'budget_thousand_yen_total')).toMatchObject({ type: 'integer', unit: '千円' });
  });

  it('is left out, with nothing in its place, when the definition declares no summary', () => {
    const { dataset, records, asOf } = measuresSource();
    const plain = buildPackage({ dataset: { ...dataset, summary: undefined }, records, asOf, version: '1.0.0' });
    expect(plain.files.map((f) => f.path)).not.toContain('142034_covid19_measures_summary.csv');
    expect(plain.descriptor.resources.map((r) => r.name)).not.toContain('covid19-measures-summary');
    expect(plain.summary).toBeUndefined();
  });

  it('national columns can be switched off in the definition', () => {
    const { dataset, records, asOf } = measuresSource();
    const plain = buildPackage({ dataset: { ...dataset, nationalColumns: false }, records, asOf, version: '1.0.0' });
    expect(plain.descriptor.resources[0]!.schema!.fields.map((f) => f.name).slice(0, 2)).toEqual(['no', 'measure_package']);
    expect(fileText(plain, '142034_covid19_measures.csv').startsWith('no,measure_package,')).toBe(true);
  });
});
