import type { Dataset } from './DatasetDefinition.ts';

type Say = (en: string, ja: string, value?: string) => void;

/** Fields produced by integer columns: what a 合計 column or row can add up. */
export function integerFields(dataset: Dataset): string[] {
  return dataset.columns.flatMap((c) => (c.rule === 'integer' ? [c.field] : []));
}

/** sumOf and totalsRow name integer columns of this definition, and a totals row's column is declared. */
export function checkTotalsDeclarations(dataset: Dataset, say: Say): void {
  const integers = new Set(integerFields(dataset));
  const needsInteger = (field: string, role: string) => {
    if (!integers.has(field)) say(`${role} names ${field}, which is not read by an integer column.`, `${role} の ${field} は integer の列の項目ではありません。`, field);
  };
  for (const column of dataset.columns) {
    if (!('sumOf' in column) || column.sumOf === undefined) continue;
    if (column.rule !== 'integer') say(`Column ${column.label} declares sumOf but is not an integer column.`, `列「${column.label}」は integer ではないので sumOf を使えません。`, column.label);
    for (const field of column.sumOf) {
      if (field === column.field) say(`Column ${column.label} lists its own field ${field} in sumOf.`, `列「${column.label}」の sumOf に自分の項目 ${field} が入っています。`, field);
      else needsInteger(field, `sumOf (${column.label})`);
    }
  }
  const totalsRow = dataset.totalsRow;
  if (!totalsRow) return;
  if (totalsRow.column !== undefined && !dataset.columns.some((c) => c.label === totalsRow.column)) {
    say(`totalsRow.column ${totalsRow.column} is not the label of a declared column.`, `totalsRow.column の「${totalsRow.column}」は宣言した列の見出しではありません。`, totalsRow.column);
  }
  for (const field of totalsRow.check ?? []) needsInteger(field, 'totalsRow.check');
}
