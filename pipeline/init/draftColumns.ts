import type { ColumnDefinition, FieldSchema, SingleFieldColumn } from '../dataset/DatasetDefinition.ts';
import { YEAR_MONTH_FORMAT } from '../dataset/ajv.ts';
import type { SourceCell } from '../ingest/Table.ts';
import type { Guess } from './Draft.ts';
import { isTotalLabel } from './dataRows.ts';
import { dictionaryName, FieldNamer, unitOf } from './fieldNames.ts';
import type { HeaderLabel } from './headerRow.ts';
import { guessRule, readColumn, type GuessedRule, type RuleGuess } from './guessRule.ts';

/** One drafted column: its definition, the JSON Schema of each field it produces, and what was guessed. */
export interface DraftColumn {
  definition: ColumnDefinition;
  guess: RuleGuess;
  properties: [field: string, schema: FieldSchema][];
  /** Row-aligned integers (integer columns only), for totals and sums. */
  integers?: (number | null)[];
  /** An integer column that counts or measures something (not an identifier or a small code). */
  quantity: boolean;
}

/** The JSON type of the typed rules' fields; their form is the rule's (the Table Schema type follows from it). */
const TYPED_SCHEMAS: Partial<Record<GuessedRule, string>> = {
  number: 'number',
  latitude: 'number',
  longitude: 'number',
  year: 'integer',
  'fiscal-year': 'integer',
  boolean: 'boolean',
  time: 'string',
  datetime: 'string',
  url: 'string',
  email: 'string',
  phone: 'string',
  'postal-code': 'string',
  'corporate-number': 'string',
  'lg-code': 'string',
};

function numbersOf(values: unknown[]): number[] {
  return values.filter((v): v is number => typeof v === 'number');
}

/** The minimum a count or an identifier can take, when every value respects it. */
function minimumOf(values: number[], quantity: boolean): number | undefined {
  if (values.length === 0 || values.some((v) => v < 0)) return undefined;
  return !quantity && values.every((v) => v >= 1) ? 1 : 0;
}

function schemaFor(type: string, nullable: boolean, title: string, extra: Partial<FieldSchema> = {}): FieldSchema {
  return { type: nullable ? [type, 'null'] : type, ...extra, title };
}

/**
 * lg_code and lg_name are the national columns: a sheet's code column takes the name only when it reads as
 * a checked 全国地方公共団体コード, and its name column only as text (never an enum of one city).
 */
function nationalName(name: string | undefined, rule: GuessedRule): string | undefined {
  if (name === 'lg_code' && rule !== 'lg-code') return 'city_code';
  return name;
}

/** Columns of the draft, left to right, with field names from the small dictionary or column_<n>. */
export function draftColumns(labels: HeaderLabel[], rows: (SourceCell | undefined)[][]): { columns: DraftColumn[]; guesses: Guess[] } {
  const namer = new FieldNamer();
  const guesses: Guess[] = [];
  const columns = labels.map((header, i): DraftColumn => {
    const cells = rows.map((row) => row[i]);
    const drafted = guessRule(header.label, cells);
    const known = nationalName(dictionaryName(header.label), drafted.rule);
    // A name column repeats one city's name: text, not an enum of that one value.
    const guess: RuleGuess = known === 'lg_name' && drafted.rule === 'enum' ? { ...drafted, rule: 'text', why: { ja: '地方公共団体名（文字）', en: 'local government name (text)' } } : drafted;
    const base = known ?? `column_${i + 1}`;
    const label = header.label;
    const path = `columns[${i}]`;
    guesses.push({ path: `${path}.rule`, why: guess.why });
    const nameWhy = known ? { ja: `項目名は辞書から（${label} → ${known}）`, en: `field name from the dictionary (${label} → ${known})` } : { ja: '項目名は仮の名前', en: 'placeholder field name' };
    const strings = { minLength: 1 };
    switch (guess.rule) {
      case 'numbered-label': {
        const fields = { number: namer.take(`${base}_no`), label: namer.take(base) };
        guesses.push({ path: `${path}.fields`, why: nameWhy });
        return {
          definition: { label, rule: 'numbered-label', fields },
          guess,
          quantity: false,
          properties: [
            [fields.number, schemaFor('integer', true, `${label}番号`, { minimum: 1 })],
            [fields.label, schemaFor('string', true, label, strings)],
          ],
        };
      }
      case 'relist-marker': {
        const field = namer.take(base);
        const relistedFrom = namer.take('relisted_from');
        guesses.push({ path: `${path}.field`, why: nameWhy }, { path: `${path}.relistedFrom`, why: { ja: '再掲元を指す項目の仮の名前', en: 'placeholder name of the field linking to the original' } });
        return {
          definition: { label, rule: 'relist-marker', field, relistedFrom },
          guess,
          quantity: false,
          properties: [
            [field, schemaFor('string', guess.nullable, label, strings)],
            [relistedFrom, schemaFor('integer', true, `${label}の再掲元`, { minimum: 1 })],
          ],
        };
      }
      default: {
        const field = namer.take(base);
        guesses.push({ path: `${path}.field`, why: nameWhy });
        const definition: ColumnDefinition = { label, field, rule: guess.rule };
        const unit = unitOf(label);
        if (guess.rule === 'integer') {
          const integers = readColumn('integer', cells).map((v) => (typeof v === 'number' ? v : null));
          const values = numbersOf(integers);
          // A serial number (No.) is an identifier; otherwise many different or large values are a count or an amount.
          const quantity = unit !== undefined || isTotalLabel(label) || (known !== 'no' && (new Set(values).size >= values.length / 2 || Math.max(...values) >= 100));
          const minimum = minimumOf(values, quantity);
          const extra: Partial<FieldSchema> = { ...(minimum !== undefined ? { minimum } : {}), ...(unit ? { 'x-unit': unit } : {}) };
          return { definition, guess, quantity, integers, properties: [[field, schemaFor('integer', guess.nullable, label, extra)]] };
        }
        Object.assign(definition, guess.options);
        const typed = TYPED_SCHEMAS[guess.rule];
        if (typed) {
          const extra: Partial<FieldSchema> = guess.unit ? { 'x-unit': guess.unit } : {};
          return { definition, guess, quantity: false, properties: [[field, schemaFor(typed, guess.nullable, label, extra)]] };
        }
        const extra: Partial<FieldSchema> =
          guess.rule === 'date' ? { format: 'date' } : guess.rule === 'month' ? { format: YEAR_MONTH_FORMAT } : guess.rule === 'enum' ? { enum: guess.enumValues ?? [] } : strings;
        return { definition, guess, quantity: false, properties: [[field, schemaFor('string', guess.nullable, label, extra)]] };
      }
    }
  });
  return { columns, guesses };
}

/** A 合計 column whose every complete row equals the sum of the other quantities: its sumOf. */
export function guessSumOf(columns: DraftColumn[], primaryKey: string | undefined): Guess[] {
  const guesses: Guess[] = [];
  columns.forEach((total, i) => {
    const definition = total.definition;
    if (!total.integers || !isTotalLabel(definition.label) || definition.rule !== 'integer') return;
    const parts = columns.filter((c) => c !== total && c.quantity && c.integers && c.definition.rule === 'integer' && c.definition.field !== primaryKey);
    if (parts.length < 2) return;
    let compared = 0;
    for (let row = 0; row < total.integers.length; row++) {
      const values = parts.map((p) => p.integers![row] ?? null);
      const stated = total.integers[row] ?? null;
      if (stated === null || values.some((v) => v === null)) continue;
      if (values.reduce((a, b) => a! + b!, 0) !== stated) return;
      compared++;
    }
    if (compared === 0) return;
    definition.sumOf = parts.map((p) => (p.definition as SingleFieldColumn).field);
    guesses.push({ path: `columns[${i}].sumOf`, why: { ja: `${compared}行すべてで他の列の和と一致`, en: `equals the sum of the other counts in all ${compared} rows` } });
  });
  return guesses;
}
