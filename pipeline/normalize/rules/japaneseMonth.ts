/**
 * A cell that holds a month, as monthly tables write it: 令和2年4月, 令和2年（2020年）4月, 令和2年4月分,
 * R2.4, 2020年4月, 2020/4, 2020-04 (digits may be full-width), or an Excel date cell shown as a month.
 *
 * The value is `YYYY-MM` (ISO 8601 year and month; Frictionless `yearmonth`), never a first-of-month
 * date: a month has no day, and writing `-01` would invent one. Changes: `space/trim`, then
 * `month/wareki` (和暦 → YYYY-MM), `month/iso` (another 西暦 spelling → YYYY-MM) or `month/serial`
 * (a date cell). 和暦 without a bracketed 西暦 also gives the warning `wareki-without-seireki`, as
 * dates do. A 和暦 month outside its era (令和元年4月: 令和 began on 1 May 2019), a month that does not
 * exist (13月) and anything else is `null` with a `type-error` or `invalid-date`.
 */
import * as XLSX from 'xlsx';
import type { Change } from '../../problem/Normalization.ts';
import type { Finding } from '../../problem/Problem.ts';
import { ERA_ALIASES, ERAS, INVALID_DATE_CODE, parseJapaneseDate, warekiWithoutSeireki } from '../../ingest/japaneseDate.ts';
import { TYPE_ERROR, type RuleResult } from './RuleResult.ts';
import { TRIM_RULE } from './whitespace.ts';
import { timeCellInDateColumn } from './timeOfDay.ts';

export const MONTH_WAREKI_RULE = 'month/wareki';
export const MONTH_ISO_RULE = 'month/iso';
export const MONTH_SERIAL_RULE = 'month/serial';
/** A date cell in a month column whose day is not the 1st: the month is read, the day reported. */
export const MONTH_WITH_DAY_CODE = 'month-with-day';

interface MonthParts {
  era?: string;
  eraYear?: string;
  bracketYear?: string;
  year?: string;
  month: string;
}

const PATTERNS: readonly { regex: RegExp; parts: (m: RegExpExecArray) => MonthParts }[] = [
  {
    regex: /^(令和|平成|昭和|大正)\s*(元|\d{1,2})\s*年(?:\s*\(\s*(\d{4})\s*年?\s*\))?\s*(\d{1,2})\s*月\s*分?$/u,
    parts: (m) => ({ era: m[1], eraYear: m[2], bracketYear: m[3], month: m[4] ?? '' }),
  },
  { regex: /^([RHST])\s*(元|\d{1,2})\s*[./]\s*(\d{1,2})$/u, parts: (m) => ({ era: m[1], eraYear: m[2], month: m[3] ?? '' }) },
  { regex: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*分?$/u, parts: (m) => ({ year: m[1], month: m[2] ?? '' }) },
  { regex: /^(\d{4})\s*([-/.])\s*(\d{1,2})$/u, parts: (m) => ({ year: m[1], month: m[3] ?? '' }) },
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function typeError(ja: string, en: string, fix?: { ja: string; en: string }): Finding {
  return fix ? { code: TYPE_ERROR, severity: 'error', message: { ja, en }, fix } : { code: TYPE_ERROR, severity: 'error', message: { ja, en } };
}

const EXAMPLE = { ja: '例: 令和2年（2020年）4月、2020年4月 または 2020-04', en: 'e.g. 2020-04 or 令和2年（2020年）4月' };

/** A month cell's text → `YYYY-MM`. Empty text is `null` with no finding. */
export function parseJapaneseMonth(text: string): RuleResult<string | null> {
  const changes: Change[] = [];
  const trimmed = text.replace(/^\s+|\s+$/gu, '');
  if (trimmed !== text) changes.push({ rule: TRIM_RULE, before: text, after: trimmed });
  if (trimmed === '') return { value: null, changes, findings: [] };
  const fail = (finding: Finding): RuleResult<string | null> => ({ value: null, changes, findings: [finding] });

  // NFKC folds full-width digits and letters, U+3000 and the square era signs (㋿ → 令和).
  const folded = trimmed.normalize('NFKC');
  const match = PATTERNS.map((p) => ({ m: p.regex.exec(folded), p })).find((x) => x.m !== null);
  if (!match?.m) {
    const asDate = parseJapaneseDate(trimmed);
    if (asDate.value !== null) {
      return fail(
        typeError(
          `「${trimmed}」は日付です。この列には年と月だけを入力してください（日は書きません）。`,
          `"${trimmed}" is a date; this column holds a year and month only, without the day.`,
          EXAMPLE,
        ),
      );
    }
    return fail(typeError(`「${trimmed}」は年月ではありません。`, `"${trimmed}" is not a year and month.`, EXAMPLE));
  }
  const parts = match.p.parts(match.m);
  const month = Number(parts.month);
  let year: number;
  let eraName: string | undefined;
  if (parts.era !== undefined) {
    eraName = ERA_ALIASES[parts.era] ?? parts.era;
    const era = ERAS.find((e) => e.name === eraName);
    const eraYear = parts.eraYear === '元' ? 1 : Number(parts.eraYear);
    if (!era || eraYear < 1) return fail(invalid(trimmed, `${eraName}${eraYear}年はありません。`, `${eraName} year ${eraYear} does not exist.`));
    year = Number(era.first.slice(0, 4)) + eraYear - 1;
    if (month >= 1 && month <= 12) {
      const first = `${pad(year, 4)}-${pad(month, 2)}-01`;
      const last = `${pad(year, 4)}-${pad(month, 2)}-${pad(lastDay(year, month), 2)}`;
      if (last < era.first || (era.last !== undefined && first > era.last)) {
        const range = era.last ? `${era.first}〜${era.last}` : `${era.first}〜`;
        return fail(invalid(trimmed, `${era.name}は ${range} です（${year}年${month}月はその範囲外）。`, `${era.name} runs ${range.replace('〜', ' to ')}; ${year}-${pad(month, 2)} is outside it.`));
      }
    }
    if (parts.bracketYear !== undefined && Number(parts.bracketYear) !== year) {
      return fail(
        invalid(
          trimmed,
          `和暦の年と括弧内の西暦（${parts.bracketYear}年）が一致しません（${eraName}${parts.eraYear}年は ${year}年）。`,
          `the era year and the Western year in brackets (${parts.bracketYear}) disagree (it is ${year}).`,
        ),
      );
    }
  } else {
    year = Number(parts.year);
  }
  if (month < 1 || month > 12) return fail(invalid(trimmed, `${month}月はありません。`, `month ${month} does not exist.`));

  const value = `${pad(year, 4)}-${pad(month, 2)}`;
  const findings: Finding[] = [];
  if (eraName !== undefined) {
    changes.push({ rule: MONTH_WAREKI_RULE, before: trimmed, after: value });
    if (parts.bracketYear === undefined) {
      findings.push(warekiWithoutSeireki(trimmed, value, { western: `${year}年${month}月`, example: `${eraName}${parts.eraYear}年（${year}年）${month}月`, what: 'month' }));
    }
  } else if (value !== trimmed) {
    changes.push({ rule: MONTH_ISO_RULE, before: trimmed, after: value });
  }
  return { value, changes, findings };
}

function invalid(source: string, ja: string, en: string): Finding {
  return { code: INVALID_DATE_CODE, severity: 'error', message: { ja: `「${source}」は年月として正しくありません: ${ja}`, en: `"${source}" is not a valid year and month: ${en}` } };
}

/**
 * An Excel date cell in a month column (Excel stores 令和2年4月 typed into a cell as the date
 * 2020-04-01 shown as a month) → `YYYY-MM`. A day other than the 1st is read as its month with a
 * warning; a number that is not formatted as a date is a `type-error`.
 */
export function monthFromSerial(serial: number, format: string | undefined): RuleResult<string | null> {
  const timeOfDay = timeCellInDateColumn(serial, format, { ja: '年月', en: 'a year and month' });
  if (timeOfDay) return { value: null, changes: [], findings: [timeOfDay] };
  const parsed = format && XLSX.SSF.is_date(format) ? XLSX.SSF.parse_date_code(serial) : undefined;
  if (!parsed) {
    return {
      value: null,
      changes: [],
      findings: [typeError(`${serial} は年月ではありません。`, `${serial} is not a year and month.`, EXAMPLE)],
    };
  }
  const value = `${pad(parsed.y, 4)}-${pad(parsed.m, 2)}`;
  const changes: Change[] = [{ rule: MONTH_SERIAL_RULE, before: String(serial), after: value }];
  if (parsed.d === 1) return { value, changes, findings: [] };
  const date = `${value}-${pad(parsed.d, 2)}`;
  return {
    value,
    changes,
    findings: [
      {
        code: MONTH_WITH_DAY_CODE,
        severity: 'warning',
        message: {
          ja: `セルの日付は ${date} ですが、この列は年月なので ${value} として読み取りました。`,
          en: `The cell holds the date ${date}; this column holds months, so it was read as ${value}.`,
        },
        fix: { ja: `その月のことなら、セルに「${parsed.y}年${parsed.m}月」と入力し直してください。`, en: `If the month is meant, enter ${value} in the cell again.` },
      },
    ],
  };
}
