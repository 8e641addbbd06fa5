import type { ColumnDefinition, Dataset, SingleFieldRule } from '../dataset/DatasetDefinition.ts';
import { guessTypedRule, type ReadsAll, type RuleOptions } from './guessTypedRule.ts';
import type { SourceCell } from '../ingest/Table.ts';
import { readCell } from '../normalize/readCell.ts';
import type { FieldValue } from '../normalize/RecordRow.ts';
import { cleanText } from '../normalize/rules/cleanText.ts';
import { splitNumberedLabel } from '../normalize/rules/numberedLabel.ts';
import { stripRelistMarker } from '../normalize/rules/relistMarker.ts';
import type { Text } from '../problem/Problem.ts';

export type GuessedRule = SingleFieldRule | 'numbered-label' | 'relist-marker';

export interface RuleGuess {
  rule: GuessedRule;
  /** Why, in a few words, for the YAML comment. */
  why: Text;
  /** Some cells are empty or hold a none-marker: the field may be null. */
  nullable: boolean;
  /** The values the rule read, one per non-empty cell (the first field's value for two-field rules). */
  values: FieldValue[];
  /** enum: the allowed values, in the order they first appear. */
  enumValues?: string[];
  /** What the column needs beside its rule (boolean words, allow24). */
  options?: RuleOptions;
  /** A unit the values carry (%). */
  unit?: string;
}

/** Markers of "none" that init recognises, as the definition's missingValues would declare them. */
export const NONE_MARKERS = ['-'];
/** An enum has at most this many values, each at most ENUM_MAX_LENGTH characters, each used at least twice on average. */
const ENUM_MAX_VALUES = 6;
const ENUM_MAX_LENGTH = 20;

/** readCell needs only the none-markers (and the schema of enum fields, which init does not probe; the unit of number fields). */
const probeDataset = (percent: boolean) =>
  ({ missingValues: NONE_MARKERS, recordSchemaJson: { type: 'object', properties: percent ? { f: { type: 'number', 'x-unit': '%' } } : {} } }) as unknown as Dataset;
const PROBE = probeDataset(false);
const PROBE_PERCENT = probeDataset(true);

function probe(rule: GuessedRule, cells: SourceCell[], options: RuleOptions & { percent?: boolean } = {}) {
  const { percent, ...columnOptions } = options;
  const column = (rule === 'numbered-label'
    ? { label: 'probe', rule, fields: { number: 'n', label: 'l' } }
    : rule === 'relist-marker'
      ? { label: 'probe', rule, field: 'f', relistedFrom: 'r' }
      : { label: 'probe', rule, field: 'f', ...columnOptions }) as ColumnDefinition;
  return cells.map((cell) => readCell(column, cell, percent ? PROBE_PERCENT : PROBE));
}

/** Every non-empty cell reads with the rule without an error. */
function readsAll(rule: GuessedRule, cells: SourceCell[], options: RuleOptions & { percent?: boolean } = {}): FieldValue[] | null {
  const readings = probe(rule, cells, options);
  if (readings.some((r) => r.findings.some((f) => f.severity === 'error'))) return null;
  return readings.map((r) => r.values[0]?.[1] ?? null);
}

/** A date format without a day (ggge"年"m"月", yyyy/m): the cell holds a month. */
function isMonthFormat(format: string | undefined): boolean {
  const bare = (format ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./gu, '');
  return !/d/iu.test(bare) && /[ymge]/iu.test(bare);
}

const texts = (cells: SourceCell[]) => cells.filter((c) => typeof c.value === 'string').map((c) => cleanText(String(c.value)).value.trim());

/**
 * Guesses a column's rule from its cells by trying the pipeline's own rules, most specific first:
 * 再掲 marker, numbered label, month, date, code (leading zeros, or a コード label), integer, a small
 * set of repeated values (enum), text. A guess is a rule that reads every cell without an error.
 */
export function guessRule(label: string, column: (SourceCell | undefined)[]): RuleGuess {
  const present = column.filter((c): c is SourceCell => c !== undefined && !(typeof c.value === 'string' && c.value.trim() === '') && c.value !== null);
  const noneCount = present.filter((c) => typeof c.value === 'string' && readCell({ label, rule: 'text', field: 'f' }, c, PROBE).values[0]?.[1] === null).length;
  const cells = present.filter((c) => !(typeof c.value === 'string' && readCell({ label, rule: 'text', field: 'f' }, c, PROBE).values[0]?.[1] === null));
  const nullable = present.length < column.length || noneCount > 0;
  const n = cells.length;
  const base = { nullable };
  const strings = texts(cells);
  const numbers = cells.filter((c) => typeof c.value === 'number');

  if (strings.some((t) => stripRelistMarker(t).value.relisted)) {
    const marked = strings.filter((t) => stripRelistMarker(t).value.relisted).length;
    return { ...base, rule: 'relist-marker', values: readsAll('relist-marker', cells) ?? [], why: { ja: `${marked}行に【再掲】などの印`, en: `${marked} rows carry a 【再掲】 marker` } };
  }
  const numbered = strings.filter((t) => splitNumberedLabel(t).value.number !== null).length;
  if (n > 0 && numbered >= Math.max(1, 0.8 * n)) {
    return { ...base, nullable: nullable || numbered < n, rule: 'numbered-label', values: readsAll('numbered-label', cells) ?? [], why: { ja: `${n}件中${numbered}件が（1）などの番号で始まる`, en: `${numbered} of ${n} start with a number like （1）` } };
  }
  const typed = guessTypedRule(label, cells, strings, readsAll satisfies ReadsAll);
  if (typed) {
    const values = readsAll(typed.rule, cells, { ...typed.options, percent: typed.unit === '%' }) ?? [];
    return { ...base, ...typed, values };
  }
  const dateCells = numbers.filter((c) => c.format !== undefined && readsAll('date', [c]) !== null);
  const monthCells = dateCells.filter((c) => isMonthFormat(c.format));
  if (n > 0 && strings.length + numbers.length === n) {
    const asMonth = monthCells.length === numbers.length ? readsAll('month', cells) : null;
    if (asMonth) return { ...base, rule: 'month', values: asMonth, why: { ja: `${n}件すべてが年月（日のない和暦・西暦、または年月の表示の日付）`, en: `all ${n} are months (no day)` } };
    const asDate = dateCells.length === numbers.length ? readsAll('date', cells) : null;
    if (asDate) return { ...base, rule: 'date', values: asDate, why: { ja: `${n}件すべてが日付（和暦・西暦・Excel の日付）`, en: `all ${n} are dates` } };
  }
  const digitStrings = strings.filter((t) => /^[0-9０-９]+$/u.test(t));
  const labelledCode = /コード|code/iu.test(label);
  if (n > 0 && (digitStrings.length === n || labelledCode) && (digitStrings.some((t) => /^[0０]/u.test(t) && t.length > 1) || labelledCode)) {
    return { ...base, rule: 'code', values: readsAll('code', cells) ?? [], why: labelledCode ? { ja: '見出しが「コード」', en: 'the label says コード (code)' } : { ja: '先頭が0の数字（コードとして文字のまま）', en: 'digits with leading zeros: kept as text' } };
  }
  const asInteger = n > 0 ? readsAll('integer', cells) : null;
  if (asInteger) {
    const grouped = strings.filter((t) => /[,，]/u.test(t)).length;
    return { ...base, rule: 'integer', values: asInteger, why: { ja: `${n}件すべてが整数${grouped > 0 ? `（${grouped}件は桁区切りあり）` : ''}`, en: `all ${n} are whole numbers${grouped > 0 ? ` (${grouped} with separators)` : ''}` } };
  }
  const distinct = [...new Set(strings)];
  if (!nullable && numbers.length === 0 && distinct.length > 0 && distinct.length <= ENUM_MAX_VALUES && n >= 2 * distinct.length && distinct.every((v) => v.length <= ENUM_MAX_LENGTH)) {
    return { ...base, rule: 'enum', values: strings, enumValues: distinct, why: { ja: `${n}件が${distinct.length}種類の値の繰り返し`, en: `${n} values repeat ${distinct.length} distinct ones` } };
  }
  return { ...base, rule: 'text', values: readsAll('text', cells) ?? strings, why: { ja: '文字（ほかの読み方に当てはまらない）', en: 'text (no other rule fits)' } };
}

/** The values one rule reads from a column, row-aligned (null for an empty or absent cell). */
export function readColumn(rule: GuessedRule, column: (SourceCell | undefined)[], options: RuleOptions & { percent?: boolean } = {}): FieldValue[] {
  return column.map((cell) => (cell ? (probe(rule, [cell], options)[0]?.values[0]?.[1] ?? null) : null));
}
