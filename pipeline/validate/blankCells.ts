import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { cellOf, type RecordRow } from '../normalize/RecordRow.ts';
import { problem } from '../problem/Problem.ts';
import { found, type ProblemSink } from '../problem/ProblemSink.ts';
import { fieldTitle } from './fieldTitle.ts';

/** An empty cell stays empty and is published empty; staff are told, in case a value was forgotten. */
export function checkBlankCells(records: RecordRow[], dataset: Dataset, sheet: string, out: ProblemSink): void {
  for (const record of records) {
    for (const field of record.blank) {
      const schema = dataset.recordSchemaJson.properties[field];
      const nullable = Array.isArray(schema?.type) && schema.type.includes('null');
      if (!nullable) continue; // a required field left empty is a schema error instead
      const title = fieldTitle(dataset, field);
      const none = (dataset.missingValues ?? ['-'])[0];
      found(out, 'warning', record.row, () =>
        problem('blank-cell', 'warning', { sheet, cell: cellOf(record, field), row: record.row, field }, {
          ja: `「${title.ja}」が空欄です。空欄のまま公開します。`,
          en: `"${title.en}" is empty; it is published empty.`,
        }, {
          ja: `値があれば入力してください。「なし」の意味なら「${none}」を入力すると、空欄と区別できます。`,
          en: `Enter the value if there is one; enter "${none}" if it means none.`,
        }),
      );
    }
  }
}
