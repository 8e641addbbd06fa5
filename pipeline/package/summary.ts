import type { RecordList } from './publishedRecords.ts';
import type { Dataset, RelistMarkerColumn } from '../dataset/DatasetDefinition.ts';
import type { Values } from '../normalize/RecordRow.ts';
import type { PackageSummary } from './DataPackage.ts';

/** Field of the dataset that marks a row as a re-listing, if it has one. */
export function relistedFromField(dataset: Dataset): string | undefined {
  return dataset.columns.find((c): c is RelistMarkerColumn => c.rule === 'relist-marker')?.relistedFrom;
}

export function isRelisted(record: Values, relistField: string | undefined): boolean {
  return relistField !== undefined && record[relistField] !== null && record[relistField] !== undefined;
}

/** Row count and declared totals, with and without re-listed rows (which repeat an original's values). */
export function summarize(records: RecordList, dataset: Dataset, asOf: string): PackageSummary {
  const relistField = relistedFromField(dataset);
  const totals: PackageSummary['totals'] = {};
  for (const field of dataset.totals ?? []) {
    let all = 0;
    let withoutRelisted = 0;
    for (const record of records) {
      const value = record[field];
      if (typeof value !== 'number') continue;
      all += value;
      if (!isRelisted(record, relistField)) withoutRelisted += value;
    }
    totals[field] = { all, withoutRelisted };
  }
  let relistedRows = 0;
  for (const record of records) if (isRelisted(record, relistField)) relistedRows++;
  return { asOf, rows: records.length, relistedRows, totals };
}
