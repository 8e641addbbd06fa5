import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { processWorkbook, type Processed } from '../../pipeline/process.ts';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import { measuresDataset, SOURCE_WORKBOOK } from '../helpers/project.ts';

describe('the committed Hiratsuka workbook', () => {
  const dataset = measuresDataset();
  let result: Processed;
  const byNo = (no: number) => result.records.find((r) => r.no === no)!;

  beforeAll(() => {
    result = processWorkbook(readFileSync(SOURCE_WORKBOOK), 'hiratsuka.xlsx', dataset);
  });

  it('is valid with 85 rows as of 2020-09-01', () => {
    expect(result.report.errors).toEqual([]);
    expect(result.report.valid).toBe(true);
    expect(result.report.rows).toBe(85);
    expect(result.records.map((r) => r.no)).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
    expect(result.report.asOf).toBe('2020-09-01');
  });

  it('joins the in-cell line break of No.1 and splits its sub-pillar', () => {
    expect(byNo(1).name).toBe('平塚市民病院における感染症対策資器材等の整備');
    expect(byNo(1).sub_pillar_no).toBe(1);
    expect(byNo(1).sub_pillar).toBe('命を守る医療・救急体制を確保する');
    expect(byNo(21).sub_pillar_no).toBe(2);
    expect(byNo(21).sub_pillar).toBe('子どもが安心して過ごせる環境をつくる');
  });

  it('links the three re-listed rows to their originals and no other row', () => {
    const relisted = result.records.filter((r) => r.relisted_from !== null).map((r) => [r.no, r.relisted_from]);
    expect(relisted).toEqual([
      [32, 28],
      [35, 10],
      [75, 67],
    ]);
    expect(byNo(32).name).toBe('社会教育施設の資源を活用した学習環境の提供');
  });

  it('keeps No.29 budget empty and says so in a warning naming the cell', () => {
    expect(byNo(29).budget_thousand_yen).toBeNull();
    const warning = result.report.warnings.find((w) => w.field === 'budget_thousand_yen' && w.row === 32);
    expect(warning).toMatchObject({ code: 'blank-cell', cell: 'H32', sheet: '取組状況一覧' });
    expect(warning?.message.ja).toContain('事業費');
  });

  it('reads budgets, none-markers and statuses', () => {
    expect(byNo(78).budget_thousand_yen).toBe(1424746);
    expect(byNo(3).budget_thousand_yen).toBeNull();
    expect(byNo(47).pillar_no).toBeNull();
    expect(byNo(43).sub_pillar).toBeNull();
    expect(result.records.filter((r) => r.status === '完了')).toHaveLength(7);
  });

  it('leaves the 22 lost summaries empty instead of inventing them', () => {
    expect(result.records.filter((r) => r.summary === null)).toHaveLength(22);
    expect(result.report.warnings.filter((w) => w.code === 'blank-cell' && w.field === 'summary')).toHaveLength(22);
  });

  it('records every normalization with cell, rule, before and after', () => {
    const join = result.report.normalizations.find((n) => n.cell === 'F4' && n.rule === 'space/japanese-break');
    expect(join).toMatchObject({ sheet: '取組状況一覧', row: 4, field: 'name', before: '平塚市民病院における\n感染症対策資器材等の整備', after: '平塚市民病院における感染症対策資器材等の整備' });
    expect(result.report.normalizations.filter((n) => n.rule === 'relist/link').map((n) => n.after)).toEqual(['28', '10', '67']);
  });

  it('totals the budget with and without re-listed rows', () => {
    const built = buildPackage({ dataset, records: result.records, asOf: '2020-09-01', version: '1.0.0' });
    expect(built.descriptor.summary.totals.budget_thousand_yen).toEqual({ all: 4_976_921, withoutRelisted: 4_666_421 });
    expect(built.descriptor.summary.relistedRows).toBe(3);
  });
});
