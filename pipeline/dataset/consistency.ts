import { fieldsOfColumn } from './columns.ts';
import type { Dataset, FieldSchema } from './DatasetDefinition.ts';
import { hasNationalColumns, NATIONAL_FIELD_NAMES } from './nationalColumns.ts';
import { checkTotalsDeclarations } from './totalsConsistency.ts';
import { lgCodeCheckDigit } from '../normalize/rules/checkDigit.ts';
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
      const misplaced = (['trueValues', 'falseValues', 'allow24'] as const).filter((key) => key in column && column.rule !== (key === 'allow24' ? 'time' : 'boolean'));
      for (const key of misplaced) {
        const owner = key === 'allow24' ? 'time' : 'boolean';
        say(`Column ${column.label}: ${key} belongs to ${owner} columns, but its rule is ${column.rule}.`, `列「${column.label}」の ${key} は rule が ${owner} の列だけに書けます（この列は ${column.rule}）。`, key);
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
  checkPublisher(dataset, say);
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

/** Written by opendata init where it found no code or name; a definition that still holds them is not published. */
export const LG_CODE_PLACEHOLDER = '000000';
export const PUBLISHER_PLACEHOLDER = '（団体名）';

/** The publisher's code is a real 全国地方公共団体コード (its check digit agrees) and no placeholder is left. */
function checkPublisher(dataset: Dataset, say: Say): void {
  const { lgCode, name } = dataset.publisher;
  if (lgCode === LG_CODE_PLACEHOLDER) {
    say(
      `publisher.lgCode is still the placeholder ${LG_CODE_PLACEHOLDER} written by opendata init: enter your six-digit local government code.`,
      `publisher.lgCode が opendata init の仮の値 ${LG_CODE_PLACEHOLDER} のままです。自分の団体の全国地方公共団体コード（6桁、例: 平塚市 142034）を入れてください。`,
      lgCode,
    );
  } else if (/^[0-9]{6}$/u.test(lgCode) && Number(lgCode[5]) !== lgCodeCheckDigit(lgCode.slice(0, 5))) {
    say(
      `publisher.lgCode ${lgCode} is not a local government code: its check digit should be ${lgCodeCheckDigit(lgCode.slice(0, 5))}.`,
      `publisher.lgCode ${lgCode} は全国地方公共団体コードではありません（検査数字は ${lgCodeCheckDigit(lgCode.slice(0, 5))} のはずです）。総務省のコード表で確かめてください。`,
      lgCode,
    );
  }
  if (name.ja === PUBLISHER_PLACEHOLDER) {
    say(`publisher.name is still the placeholder ${PUBLISHER_PLACEHOLDER}: enter your local government's name.`, `publisher.name が仮の値「${PUBLISHER_PLACEHOLDER}」のままです。団体名を入れてください。`, name.ja);
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
