/**
 * Dates with a time (rule `datetime`) → `YYYY-MM-DDTHH:MM:SS` (Table Schema `datetime`, local time as
 * written: no time zone is added). Excel date-time cells; text with any date the `date` rule reads
 * followed by any time the `time` rule reads: `令和6年4月1日 9時`, `2024/4/1 9:00`, `2024-04-01T09:00:00`.
 * A date without a time is an error: the time is never made up.
 */
import * as XLSX from 'xlsx';
import type { Change } from '../../problem/Normalization.ts';
import type { Finding } from '../../problem/Problem.ts';
import { parseJapaneseDate, scanJapaneseDate } from '../../ingest/japaneseDate.ts';
import { clockText, isTimeFormat, parseTimeOfDay } from './timeOfDay.ts';
import { typeErrorFinding, unreadable, type RuleResult } from './RuleResult.ts';

export const DATETIME_RULE = 'datetime/iso';
export const DATETIME_SERIAL_RULE = 'datetime/serial';

const EXAMPLE = { ja: '例: 2024/4/1 9:00、令和6年4月1日 9時30分', en: 'e.g. 2024-04-01 09:00' };
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function parseDateTime(text: string): RuleResult<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, changes: [], findings: [] };
  const notOne = () => unreadable<string>(typeErrorFinding({ ja: `「${trimmed}」は日時ではありません。`, en: `"${trimmed}" is not a date and time.` }, EXAMPLE));
  const found = scanJapaneseDate(trimmed);
  const source = found.value?.source;
  if (source === undefined || !trimmed.startsWith(source)) return found.findings.length > 0 ? unreadable(found.findings[0]!) : notOne();
  const date = parseJapaneseDate(source);
  if (date.value === null) return { ...date, value: null };
  const rest = trimmed.slice(source.length).replace(/^\s*T?\s*/u, '');
  if (rest === '') {
    return unreadable(
      typeErrorFinding(
        { ja: `「${trimmed}」には時刻がありません。`, en: `"${trimmed}" has no time.` },
        { ja: '日付のあとに時刻を書いてください（例: 2024/4/1 9:00）。時刻のない列なら rule を date にしてください。', en: 'Add the time after the date, or use the date rule for a column without times.' },
      ),
    );
  }
  const time = parseTimeOfDay(rest, { allow24: false });
  if (time.value === null) return time.findings.length > 0 ? unreadable(time.findings[0]!) : notOne();
  const value = `${date.value}T${time.value}`;
  const findings: Finding[] = date.findings;
  const changes: Change[] = value === trimmed ? [] : [{ rule: DATETIME_RULE, before: trimmed, after: value }];
  return { value, changes, findings };
}

/** An Excel date-time cell → `YYYY-MM-DDTHH:MM:SS`. A cell that shows no time is an error, as text without one is. */
export function dateTimeFromSerial(serial: number, format: string | undefined): RuleResult<string | null> {
  const parsed = format && XLSX.SSF.is_date(format) ? XLSX.SSF.parse_date_code(serial) : undefined;
  if (!parsed || serial < 1) {
    return unreadable(typeErrorFinding({ ja: `${serial} は日時ではありません（セルの表示形式が日時ではありません）。`, en: `${serial} is not a date and time (the cell is not formatted as one).` }, EXAMPLE));
  }
  if (!isTimeFormat(format)) {
    return unreadable(
      typeErrorFinding(
        { ja: `セルは日付だけを表示していて、時刻がありません（${pad(parsed.y, 4)}-${pad(parsed.m)}-${pad(parsed.d)}）。`, en: 'The cell shows a date without a time.' },
        { ja: 'セルの表示形式を「yyyy/m/d h:mm」にして時刻も入力してください。', en: 'Format the cell as yyyy/m/d h:mm and enter the time too.' },
      ),
    );
  }
  const value = `${pad(parsed.y, 4)}-${pad(parsed.m)}-${pad(parsed.d)}T${clockText({ hour: parsed.H, minute: parsed.M, second: parsed.S })}`;
  return { value, changes: [{ rule: DATETIME_SERIAL_RULE, before: String(serial), after: value }], findings: [] };
}
