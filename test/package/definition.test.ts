import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../pipeline/dataset/consistency.ts';
import type { Dataset } from '../../pipeline/dataset/DatasetDefinition.ts';
import { measuresDataset } from '../helpers/project.ts';

const messages = (dataset: Dataset) => checkConsistency(dataset).map((p) => p.message.en);

describe('the summary and national-column declarations are checked against the record schema', () => {
  const dataset = measuresDataset();
  const summary = dataset.summary!;

  it('accepts the committed definition', () => {
    expect(messages(dataset)).toEqual([]);
  });

  it('refuses fields the record schema does not have, a non-numeric sum, and filters or charts outside groupBy', () => {
    expect(messages({ ...dataset, summary: { ...summary, groupBy: [...summary.groupBy, 'ward'] } })).toEqual(['summary.groupBy ward is not a field of the record schema.']);
    expect(messages({ ...dataset, summary: { ...summary, sum: 'name' } })).toEqual(['summary.sum name is not a number field.']);
    expect(messages({ ...dataset, summary: { ...summary, filterBy: ['name'] } })).toEqual(['summary.filterBy name is not in summary.groupBy.']);
    expect(messages({ ...dataset, summary: { ...summary, chartBy: 'sub_pillar' } })).toEqual(['summary.chartBy sub_pillar is not in summary.groupBy.']);
  });

  it('refuses a record schema that declares a national column itself, unless nationalColumns is off', () => {
    const properties = { lg_code: { type: 'string' }, ...dataset.recordSchemaJson.properties };
    const withCode: Dataset = { ...dataset, recordSchemaJson: { ...dataset.recordSchemaJson, properties }, fields: Object.keys(properties) };
    expect(messages(withCode)).toContain('The record schema declares lg_code, which nationalColumns already adds; remove it from the schema or set nationalColumns: false.');
    expect(messages({ ...withCode, nationalColumns: false })).not.toContain(
      'The record schema declares lg_code, which nationalColumns already adds; remove it from the schema or set nationalColumns: false.',
    );
  });
});
