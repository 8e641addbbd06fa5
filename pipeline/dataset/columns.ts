import type { ColumnDefinition } from './DatasetDefinition.ts';

/** The published fields one column produces. */
export function fieldsOfColumn(column: ColumnDefinition): string[] {
  switch (column.rule) {
    case 'numbered-label':
      return [column.fields.number, column.fields.label];
    case 'relist-marker':
      return [column.field, column.relistedFrom];
    default:
      return [column.field];
  }
}
