import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { hasNationalColumns, nationalValues } from '../dataset/nationalColumns.ts';
import { publishedFields } from '../dataset/published.ts';
import { emptyValues, type Values } from '../normalize/RecordRow.ts';

/** Validated records → published records: national columns first (from the definition), keys in published order. */
export function toPublishedRecords(records: Values[], dataset: Dataset): Values[] {
  const fields = publishedFields(dataset);
  const national: Values = hasNationalColumns(dataset) ? nationalValues(dataset) : {};
  return records.map((record) => {
    const published = emptyValues();
    for (const field of fields) published[field] = (Object.hasOwn(national, field) ? national[field] : record[field]) ?? null;
    return published;
  });
}
