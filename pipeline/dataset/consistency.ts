import { fieldsOfColumn } from './columns.ts';
import type { Dataset, FieldSchema } from './DatasetDefinition.ts';
import { hasNationalColumns, NATIONAL_FIELD_NAMES } from './nationalColumns.ts';
import { checkTotalsDeclarations } from './totalsConsistency.ts';
import { problem, type Problem } from '../problem/Problem.ts';

const typesOf = (schema: FieldSchema): string[] => (Array.isArray(schema.type) ? schema.type : [schema.type]);

/** Checks that the definition and its record schema agree: each field is produced exactly once and typed as its rule yields. */
export function checkConsistency(dataset: Dataset): Problem[] {
  const problems: Problem[] = [];
  const say = (en: string, ja: string, value?: string) =>
    problems.push(problem('definition-error', 'error', { sheet: dataset.definitionPath, ...(value ? { value } : {}) }, { ja, en }));
  const properties = dataset.recordSchemaJson.properties;
  const produced = new Map<string, string>();
  const labels = new Set<string>();
  const undeclared: { label: string; field: string }[] = [];
  for (const column of dataset.columns) {
    if (labels.has(column.label)) say(`The label ${column.label} is declared twice.`, `見出し「${column.label}」が2回宣言されています。`, column.label);
    labels.add(column.label);
    for (const field of fieldsOfColumn(column)) {
      if (produced.has(field)) {
        say(`The field ${field} is produced by two columns.`, `項目 ${field} が2つの列から作られています。`, field);
      }
      produced.set(field, column.label);
      const schema = Object.hasOwn(properties, field) ? properties[field] : undefined;
      if (!schema) {
        undeclared.push({ label: column.label, field });
        continue;
      }
      const types = typesOf(schema);
      const expected = expectedType(column.rule, field, column);
      if (!types.includes(expected)) {
        say(
          `Field ${field} is read with the rule ${column.rule}, which gives ${expected}, but the schema declares ${types.join(' or ')}.`,
          `項目 ${field} は読み方 ${column.rule}（${expected}）ですが、スキーマでは ${types.join(' または ')} です。`,
          field,
        );
      }
      if (column.rule === 'boolean') {
        const both = (column.trueValues ?? []).filter((word) => (column.falseValues ?? []).includes(word));
        if (both.length > 0) say(`Column ${column.label} lists ${both.join(', ')} as both true and false.`, `列「${column.label}」の ${both.join('、')} が trueValues と falseValues の両方にあります。`, both[0]);
      }
      if (column.rule === 'enum' && !Array.isArray(schema.enum)) {
        say(`Field ${field} uses the enum rule but its schema has no enum.`, `項目 ${field} は enum ですが、スキーマに enum がありません。`, field);
      }
    }
  }
  reportUnmatched(dataset, undeclared, dataset.fields.filter((field) => !produced.has(field)), say);
  const needsField = (field: string, role: string) => {
    if (!Object.hasOwn(properties, field)) say(`${role} ${field} is not a field of the record schema.`, `${role} ${field} がスキーマの項目にありません。`, field);
  };
  needsField(dataset.primaryKey, 'primaryKey');
  for (const field of dataset.totals ?? []) needsField(field, 'totals');
  for (const column of dataset.columns) {
    if (column.rule === 'relist-marker') for (const field of column.sameAsOriginal ?? []) needsField(field, 'sameAsOriginal');
  }
  if (hasNationalColumns(dataset)) {
    // A sheet's own 全国地方公共団体コード / 地方公共団体名 columns are the national columns, read from the sheet.
    for (const field of NATIONAL_FIELD_NAMES.filter((f) => Object.hasOwn(properties, f))) {
      const column = dataset.columns.find((c) => fieldsOfColumn(c).includes(field));
      if (column) {
        if (field === 'lg_code' && column.rule !== 'lg-code') {
          say(`Column ${column.label} gives lg_code: its rule must be lg-code (six digits, check digit verified).`, `列「${column.label}」は lg_code になるので、rule は lg-code にしてください（6桁・検査数字を確かめます）。`, field);
        }
        continue;
      }
      say(
        `The record schema declares ${field}, which nationalColumns already adds; remove it from the schema or set nationalColumns: false.`,
        `スキーマの項目 ${field} は nationalColumns が付ける項目と重なります。スキーマから外すか nationalColumns: false にしてください。`,
        field,
      );
    }
  }
  checkSummary(dataset, needsField, say);
  checkTotalsDeclarations(dataset, say);
  return problems;
}

type Say = (en: string, ja: string, value?: string) => void;

/**
 * Fields a column produces that the schema lacks, and schema fields no column produces. One of each
 * is almost always a field renamed on one side only: said once, as such.
 */
function reportUnmatched(dataset: Dataset, undeclared: { label: string; field: string }[], unproduced: string[], say: Say): void {
  const [renamed] = undeclared;
  const [kept] = unproduced;
  if (undeclared.length === 1 && unproduced.length === 1 && renamed && kept) {
    say(
      `Column ${renamed.label} produces the field ${renamed.field}, but the record schema ${dataset.recordSchema} calls it ${kept}: rename it on one side so both say the same.`,
      `列「${renamed.label}」の項目は定義では ${renamed.field}、レコードのスキーマ ${dataset.recordSchema} では ${kept} です。どちらかの名前を直して一致させてください。`,
      renamed.field,
    );
    return;
  }
  for (const { label, field } of undeclared) {
    say(
      `Column ${label} produces the field ${field}, which the record schema ${dataset.recordSchema} does not declare.`,
      `列「${label}」の項目 ${field} がレコードのスキーマ ${dataset.recordSchema} にありません。`,
      field,
    );
  }
  for (const field of unproduced) {
    say(`The record schema declares ${field}, but no column produces it.`, `スキーマの項目 ${field} を作る列がデータセット定義にありません。`, field);
  }
}

/** The summary declaration names record fields; it sums a number; it filters and charts only what it groups by. */
function checkSummary(dataset: Dataset, needsField: (field: string, role: string) => void, say: Say): void {
  const summary = dataset.summary;
  if (!summary) return;
  for (const field of summary.groupBy) needsField(field, 'summary.groupBy');
  if (summary.sum !== undefined) {
    needsField(summary.sum, 'summary.sum');
    const schema = Object.hasOwn(dataset.recordSchemaJson.properties, summary.sum) ? dataset.recordSchemaJson.properties[summary.sum] : undefined;
    if (schema && !typesOf(schema).some((t) => t === 'integer' || t === 'number')) {
      say(`summary.sum ${summary.sum} is not a number field.`, `summary.sum の項目 ${summary.sum} が数値ではありません。`, summary.sum);
    }
  }
  for (const [role, field] of [...(summary.filterBy ?? []).map((f) => ['summary.filterBy', f] as const), ...(summary.chartBy ? [['summary.chartBy', summary.chartBy] as const] : [])]) {
    if (!summary.groupBy.includes(field)) say(`${role} ${field} is not in summary.groupBy.`, `${role} の ${field} が summary.groupBy にありません。`, field);
  }
}

function expectedType(rule: string, field: string, column: { rule: string; fields?: { number: string } }): string {
  switch (rule) {
    case 'integer':
    case 'year':
    case 'fiscal-year':
      return 'integer';
    case 'number':
    case 'latitude':
    case 'longitude':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'numbered-label':
      return column.fields?.number === field ? 'integer' : 'string';
    case 'relist-marker':
      return (column as { relistedFrom?: string }).relistedFrom === field ? 'integer' : 'string';
    default:
      return 'string';
  }
}
