import { describe, expect, it } from 'vitest';
import { publishedFields } from '../../pipeline/dataset/published.ts';
import { buildMeasures, fileText, measuresSource } from '../helpers/builtPackage.ts';

describe('the data dictionary', () => {
  const built = buildMeasures();
  const text = fileText(built, '142034_covid19_measures_dictionary.md');
  const row = (field: string) => text.split('\n').find((line) => line.startsWith(`| \`${field}\` |`));
  const cells = (field: string) => row(field)!.split(' | ').map((c) => c.trim());

  it('has one row per published field, in order, with the Japanese and English names', () => {
    const fields = publishedFields(measuresSource().dataset);
    const documented = text.split('\n').filter((l) => l.startsWith('| `')).map((l) => /^\| `([a-z_]+)`/.exec(l)![1]);
    expect(documented.slice(0, fields.length)).toEqual(fields);
    expect(cells('lg_code')[1]).toBe('全国地方公共団体コード<br>Local government code');
    expect(cells('budget_thousand_yen')[1]).toBe('事業費（千円）<br>Budget (thousand yen)');
  });

  it('gives type, unit, allowed values with English labels, description and the first non-empty value as example', () => {
    expect(cells('budget_thousand_yen').slice(2, 4)).toEqual(['integer<br>空欄可 / may be empty', '千円']);
    expect(cells('status')[4]).toBe('着手（started）<br>完了（completed）');
    expect(cells('lg_code')[4]).toBe('正規表現 / pattern `^[0-9]{6}$`');
    expect(cells('relisted_from')[6]).toBe('28 |');
    expect(cells('lg_name')[6]).toBe('神奈川県平塚市 |');
    expect(cells('no')[5]).toBe('一覧表の通し番号<br>Serial number in the list');
  });

  it('documents the summary table too', () => {
    expect(text).toContain('## 集計表 / Summary');
    expect(row('excluded_relisted_rows')).toContain('除外した再掲の件数<br>Re-listed rows excluded');
  });
});

describe('the licence and attribution text', () => {
  const text = fileText(buildMeasures(), 'ATTRIBUTION.md');

  it('credits the source in the PDL1.0 / CC BY 4.0 form and says the values were changed', () => {
    expect(text).toContain('出典：平塚市「平塚市新型コロナウイルス感染症対策取組状況一覧表（令和2年9月1日時点）」を加工して作成');
    expect(text).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(text).toContain('公共データ利用規約（第1.0版）(PDL1.0) と互換');
  });

  it('lists what was changed, from the rules the definition uses', () => {
    expect(text).toContain('「取組名」から【再掲】の印を外し、再掲元の行の no を relisted_from に入れました。');
    expect(text).toContain('「小柱」の「（1）」などの番号を sub_pillar_no に、名称を sub_pillar に分けました。');
    expect(text).toContain('先頭に lg_code・lg_name');
    expect(text).not.toContain('和暦'); // no date column in this dataset
  });
});
