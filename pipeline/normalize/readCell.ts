import * as XLSX from 'xlsx';
import type { ColumnDefinition, Dataset } from '../dataset/DatasetDefinition.ts';
import type { SourceCell } from '../ingest/Table.ts';
import type { Change } from '../problem/Normalization.ts';
import type { Finding } from '../problem/Problem.ts';
import { parseJapaneseDate } from '../ingest/japaneseDate.ts';
import { fieldsOfColumn } from '../dataset/columns.ts';
import type { FieldValue } from './RecordRow.ts';
import { cleanText, isAlreadyClean } from './rules/cleanText.ts';
import { noneMarker } from './rules/dash.ts';
import { integerFromCell, parseInteger } from './rules/integer.ts';
import { splitNumberedLabel } from './rules/numberedLabel.ts';
import { stripRelistMarker } from './rules/relistMarker.ts';
import { andThen, type RuleResult } from './rules/RuleResult.ts';
import { matchEnum } from './rules/enumLabel.ts';
import { monthFromSerial, parseJapaneseMonth } from './rules/japaneseMonth.ts';
import { codeFromNumber } from './rules/codeFromNumber.ts';
import { decimalFromCell, parseDecimal } from './rules/decimal.ts';
import { parseTimeOfDay, timeCellInDateColumn, timeFromSerial } from './rules/timeOfDay.ts';
import { dateTimeFromSerial, parseDateTime } from './rules/dateTime.ts';
import { parseYear, yearFromCell } from './rules/year.ts';
import { booleanFromCell, matchBoolean, type BooleanWords } from './rules/booleanWord.ts';
import { coordinateFromCell, parseCoordinate } from './rules/coordinate.ts';
import { isTextFormat, parseTextFormat, textFormatFromCell } from './rules/textFormats.ts';

/** What one cell gives: a value per field its column produces, and the trail of how. */
export interface CellReading {
  values: [field: string, value: FieldValue][];
  changes: Change[];
  findings: Finding[];
  blank: boolean;
  relisted: boolean;
  /** A rule could not read the text: the value is null and the reason is in findings. */
  unreadable: boolean;
}

/** The fields of each column, worked out once per definition rather than once per cell. */
const fieldsCache = new WeakMap<ColumnDefinition, readonly string[]>();
function fieldsOf(column: ColumnDefinition): readonly string[] {
  let fields = fieldsCache.get(column);
  if (!fields) fieldsCache.set(column, (fields = fieldsOfColumn(column)));
  return fields;
}

const nulls = (column: ColumnDefinition): [string, FieldValue][] => fieldsOf(column).map((f) => [f, null]);

export function readCell(column: ColumnDefinition, cell: SourceCell | undefined, dataset: Dataset): CellReading {
  const reading: CellReading = { values: nulls(column), changes: [], findings: [], blank: false, relisted: false, unreadable: false };
  const raw = cell?.value ?? null;
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    reading.blank = true;
    return reading;
  }
  if (typeof raw === 'number') return finish(reading, column, readNumber(column, raw, cell?.format, dataset));
  if (typeof raw === 'boolean' && column.rule === 'boolean') return finish(reading, column, one(booleanFromCell(raw, wordsOf(column))));
  // The usual text cell: nothing to clean and not a none-marker, so it is read as it stands.
  if (column.rule === 'text' && typeof raw === 'string' && isAlreadyClean(raw) && noneMarker(raw, dataset.missingValues ?? ['-']).value !== null) {
    reading.values = [[column.field, raw]];
    return reading;
  }
  const cleaned = andThen(cleanText(String(raw)), (text) => noneMarker(text, dataset.missingValues ?? ['-']));
  reading.changes.push(...cleaned.changes);
  reading.findings.push(...cleaned.findings);
  if (cleaned.value === null) return reading;
  return finish(reading, column, readText(column, cleaned.value, dataset));
}

type Read = RuleResult<FieldValue[]> & { relisted?: boolean };

function finish(reading: CellReading, column: ColumnDefinition, read: Read): CellReading {
  const fields = fieldsOf(column);
  reading.values = fields.map((field, i) => [field, read.value[i] ?? null]);
  reading.changes.push(...read.changes);
  reading.findings.push(...read.findings);
  reading.relisted = read.relisted ?? false;
  reading.unreadable = read.findings.some((f) => f.severity === 'error') && read.value.every((v) => v === null);
  return reading;
}

const one = <T extends FieldValue>(result: RuleResult<T>): Read => ({ ...result, value: [result.value] });

function readText(column: ColumnDefinition, text: string, dataset: Dataset): Read {
  if (isTextFormat(column.rule)) return one(parseTextFormat(text, column.rule));
  switch (column.rule) {
    case 'integer':
      return one(parseInteger(text));
    case 'date':
      return one(parseJapaneseDate(text));
    case 'month':
      return one(parseJapaneseMonth(text));
    case 'enum':
      return one(matchEnum(text, dataset.recordSchemaJson.properties[column.field]));
    case 'number':
      return one(parseDecimal(text, { percent: isPercent(column, dataset) }));
    case 'time':
      return one(parseTimeOfDay(text, { allow24: column.allow24 === true }));
    case 'datetime':
      return one(parseDateTime(text));
    case 'year':
    case 'fiscal-year':
      return one(parseYear(text, column.rule));
    case 'boolean':
      return one(matchBoolean(text, wordsOf(column)));
    case 'latitude':
    case 'longitude':
      return one(parseCoordinate(text, column.rule));
    case 'numbered-label': {
      const split = splitNumberedLabel(text);
      return { ...split, value: [split.value.number, split.value.label] };
    }
    case 'relist-marker': {
      const stripped = stripRelistMarker(text);
      // The link to the original (second field) is made once all rows are read.
      return { ...stripped, value: [stripped.value.name, null], relisted: stripped.value.relisted };
    }
    default:
      return one({ value: text, changes: [], findings: [] });
  }
}

function readNumber(column: ColumnDefinition, value: number, format: string | undefined, dataset: Dataset): Read {
  if (isTextFormat(column.rule)) return one(textFormatFromCell(value, column.rule));
  switch (column.rule) {
    case 'integer':
      return one(integerFromCell(value));
    case 'number':
      return one(decimalFromCell(value, format, { percent: isPercent(column, dataset) }));
    case 'time':
      return one(timeFromSerial(value, format, { allow24: column.allow24 === true }));
    case 'datetime':
      return one(dateTimeFromSerial(value, format));
    case 'year':
    case 'fiscal-year':
      return one(yearFromCell(value, format, column.rule));
    case 'latitude':
    case 'longitude':
      return one(coordinateFromCell(value, format, column.rule));
    case 'boolean':
      return one(matchBoolean(String(value), wordsOf(column)));
    case 'date':
      return one(dateFromSerial(value, format));
    case 'month':
      return one(monthFromSerial(value, format));
    case 'code':
      return one(codeFromNumber(value));
    case 'numbered-label':
      return { value: [value, null], changes: [], findings: [] };
    case 'relist-marker':
      return { value: [String(value), null], changes: [], findings: [] };
    default:
      return one({ value: String(value), changes: [], findings: [] });
  }
}

/** The column's unit is %: 12.5% is read as 12.5. */
function isPercent(column: ColumnDefinition, dataset: Dataset): boolean {
  const schema = 'field' in column && Object.hasOwn(dataset.recordSchemaJson.properties, column.field) ? dataset.recordSchemaJson.properties[column.field] : undefined;
  return schema?.['x-unit'] === '%';
}

function wordsOf(column: ColumnDefinition): BooleanWords {
  return { trueValues: ('trueValues' in column && column.trueValues) || [], falseValues: ('falseValues' in column && column.falseValues) || [] };
}

function dateFromSerial(serial: number, format: string | undefined): RuleResult<string | null> {
  const timeOfDay = timeCellInDateColumn(serial, format, { ja: '日付', en: 'a date' });
  if (timeOfDay) return { value: null, changes: [], findings: [timeOfDay] };
  const parsed = format && XLSX.SSF.is_date(format) ? XLSX.SSF.parse_date_code(serial) : undefined;
  if (!parsed) {
    return {
      value: null,
      changes: [],
      findings: [
        {
          code: 'type-error',
          severity: 'error',
          message: { ja: `${serial} は日付ではありません。`, en: `${serial} is not a date.` },
          fix: { ja: '日付を「2020/9/1」や「令和2年9月1日」のように入力してください。', en: 'Enter a date such as 2020/9/1.' },
        },
      ],
    };
  }
  const iso = `${String(parsed.y).padStart(4, '0')}-${String(parsed.m).padStart(2, '0')}-${String(parsed.d).padStart(2, '0')}`;
  return { value: iso, changes: [{ rule: 'date/serial', before: String(serial), after: iso }], findings: [] };
}
