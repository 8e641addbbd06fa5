/**
 * Dates written the Japanese way, found in free text (a sheet title such as
 * 「…一覧表（令和2年9月1日時点）」) or making up a whole cell.
 *
 * Recognised (digits and ASCII may be full-width, spaces allowed between parts):
 * - 和暦: 令和/平成/昭和/大正 + 年月日 (令和2年9月1日, 令和 2年 9月 1日, 令和元年5月1日),
 *   also with a 西暦 in brackets after the year (令和2年（2020年）9月1日) — it must agree;
 *   the square era signs ㋿ ㍻ ㍼ ㍽ are read as the era they stand for.
 * - abbreviated 和暦: R/H/S/T + year.month.day or year/month/day (R2.9.1, H31.4.30, R元.5.1).
 * - 西暦: 2020年9月1日, 2020/9/1, 2020-09-01, 2020.9.1.
 * - an optional weekday in brackets after any of them, (火) / （火曜日）, which must agree.
 * Not recognised: 明治 (dates before 明治6年 are lunisolar), dates without a day
 * (令和2年9月, 9月末), two-digit 西暦 years.
 *
 * Era ranges (first and last day): 大正 1912-07-30–1926-12-25, 昭和 1926-12-25–
 * 1989-01-07, 平成 1989-01-08–2019-04-30, 令和 2019-05-01–. A 和暦 date outside
 * its era (令和元年4月30日, 平成31年5月1日) or an impossible calendar date
 * (2月30日) is never turned into a date: it yields a finding instead.
 */
import type { Change } from '../problem/Normalization.ts';
import type { Finding } from '../problem/Problem.ts';
import { TYPE_ERROR, type RuleResult } from '../normalize/rules/RuleResult.ts';
import { TRIM_RULE } from '../normalize/rules/whitespace.ts';

export interface JapaneseDate {
  /** YYYY-MM-DD */
  iso: string;
  /** The matched text, exactly as written in the input. */
  source: string;
  /** The era name in kanji (令和, 平成, 昭和, 大正) when the source was 和暦. */
  era?: string;
}

export const INVALID_DATE_CODE = 'invalid-date';
export const WAREKI_WITHOUT_SEIREKI_CODE = 'wareki-without-seireki';
export const WAREKI_RULE = 'date/wareki';
export const ISO_RULE = 'date/iso';

export interface Era {
  name: string;
  /** First and last day, ISO; `last` absent for the current era. */
  first: string;
  last?: string;
}

export const ERAS: readonly Era[] = [
  { name: '令和', first: '2019-05-01' },
  { name: '平成', first: '1989-01-08', last: '2019-04-30' },
  { name: '昭和', first: '1926-12-25', last: '1989-01-07' },
  { name: '大正', first: '1912-07-30', last: '1926-12-25' },
];

export const ERA_ALIASES: Record<string, string> = {
  令和: '令和',
  平成: '平成',
  昭和: '昭和',
  大正: '大正',
  '\u32FF': '令和', // ㋿
  '\u337B': '平成', // ㍻
  '\u337C': '昭和', // ㍼
  '\u337D': '大正', // ㍽
  R: '令和',
  H: '平成',
  S: '昭和',
  T: '大正',
};

const WEEKDAYS = '日月火水木金土';
const WEEKDAY = String.raw`(?:\s*\(\s*([日月火水木金土])(?:曜日?)?\s*\))?`;

interface Parts {
  era?: string;
  eraYear?: string;
  year?: string;
  /** 西暦 written in brackets after a 和暦 year. */
  bracketYear?: string;
  month: string;
  day: string;
  weekday?: string;
}

interface Pattern {
  regex: RegExp;
  parts(m: RegExpExecArray): Parts;
}

const PATTERNS: readonly Pattern[] = [
  {
    // 令和2年9月1日 / 令和元年（2019年）5月1日 / ㍻31年4月30日
    regex: new RegExp(
      String.raw`(令和|平成|昭和|大正|[\u32FF\u337B-\u337D])\s*(元|\d{1,2})\s*年(?:\s*\(\s*(\d{4})\s*年?\s*\))?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日` +
        WEEKDAY,
      'g',
    ),
    parts: (m) => ({ era: m[1], eraYear: m[2], bracketYear: m[3], month: m[4] ?? '', day: m[5] ?? '', weekday: m[6] }),
  },
  {
    // R2.9.1 / H31/4/30 / R元.5.1
    regex: new RegExp(String.raw`(?<![A-Za-z0-9])([RHST])\s*(元|\d{1,2})([./])(\d{1,2})\3(\d{1,2})(?!\d|[./]\d)` + WEEKDAY, 'g'),
    parts: (m) => ({ era: m[1], eraYear: m[2], month: m[4] ?? '', day: m[5] ?? '', weekday: m[6] }),
  },
  {
    // 2020年9月1日
    regex: new RegExp(String.raw`(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日` + WEEKDAY, 'g'),
    parts: (m) => ({ year: m[1], month: m[2] ?? '', day: m[3] ?? '', weekday: m[4] }),
  },
  {
    // 2020/9/1, 2020-09-01, 2020.9.1
    regex: new RegExp(String.raw`(?<!\d|\d[./-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?!\d|[./-]\d)` + WEEKDAY, 'g'),
    parts: (m) => ({ year: m[1], month: m[3] ?? '', day: m[4] ?? '', weekday: m[5] }),
  },
];

/**
 * Full-width ASCII → ASCII and U+3000 → space, one UTF-16 unit for one, so a
 * match's index and length are also valid in the original text.
 */
function forMatching(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The date when it exists in the (proleptic) Gregorian calendar, else null. */
function calendarDate(year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, does not map years 0–99 to 1900–1999
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

function eraOf(iso: string): Era | undefined {
  return ERAS.find((era) => iso >= era.first && (era.last === undefined || iso <= era.last));
}

/** An ISO date as 和暦 (令和2年9月1日, 令和元年5月1日), or null before 大正. */
export function warekiOf(iso: string): string | null {
  const era = eraOf(iso);
  if (!era) return null;
  const year = Number(iso.slice(0, 4)) - Number(era.first.slice(0, 4)) + 1;
  return `${era.name}${year === 1 ? '元' : year}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

function invalid(source: string, ja: string, en: string, fix?: { ja: string; en: string }): Finding {
  const message = { ja: `「${source}」は日付として正しくありません: ${ja}`, en: `"${source}" is not a valid date: ${en}` };
  return fix
    ? { code: INVALID_DATE_CODE, severity: 'error', message, fix }
    : { code: INVALID_DATE_CODE, severity: 'error', message };
}

/** Interprets one match: a date, or a finding saying why it is not one. */
function interpret(source: string, p: Parts): { date: JapaneseDate } | { finding: Finding } {
  const month = Number(p.month);
  const day = Number(p.day);
  let year: number;
  let era: Era | undefined;
  if (p.era !== undefined) {
    const eraName = ERA_ALIASES[p.era] ?? p.era;
    era = ERAS.find((e) => e.name === eraName);
    if (!era) return { finding: invalid(source, `元号「${p.era}」は扱えません。`, `unknown era "${p.era}".`) };
    const eraYear = p.eraYear === '元' ? 1 : Number(p.eraYear);
    if (eraYear < 1) {
      return { finding: invalid(source, `${era.name}${eraYear}年はありません。`, `${era.name} year ${eraYear} does not exist.`) };
    }
    year = Number(era.first.slice(0, 4)) + eraYear - 1;
  } else {
    year = Number(p.year);
  }

  const date = calendarDate(year, month, day);
  if (!date) {
    return {
      finding: invalid(source, `${month}月${day}日は存在しない日付です。`, `${year}-${month}-${day} does not exist in the calendar.`),
    };
  }
  const iso = isoOf(year, month, day);

  if (era) {
    if (iso < era.first || (era.last !== undefined && iso > era.last)) {
      const range = era.last ? `${era.first}〜${era.last}` : `${era.first}〜`;
      const actual = warekiOf(iso);
      return {
        finding: invalid(
          source,
          `${era.name}は ${range} です（${iso} はその範囲外）。`,
          `${era.name} runs ${range.replace('〜', ' to ')}; ${iso} is outside it.`,
          actual
            ? { ja: `${iso} のことなら「${actual}」または西暦で書いてください。`, en: `If ${iso} is meant, write "${actual}" or the Western year.` }
            : undefined,
        ),
      };
    }
    if (p.bracketYear !== undefined && Number(p.bracketYear) !== year) {
      return {
        finding: invalid(
          source,
          `和暦の年と括弧内の西暦（${p.bracketYear}年）が一致しません（${era.name}の年は ${year}年）。`,
          `the era year and the Western year in brackets (${p.bracketYear}) disagree (it is ${year}).`,
        ),
      };
    }
  }

  if (p.weekday !== undefined) {
    const actual = WEEKDAYS[date.getUTCDay()] ?? '';
    if (actual !== p.weekday) {
      return {
        finding: invalid(
          source,
          `${iso} は${actual}曜日です（${p.weekday}曜日と書かれています）。`,
          `${iso} is a ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][date.getUTCDay()]}, not the weekday written (${p.weekday}).`,
        ),
      };
    }
  }

  return { date: era ? { iso, source, era: era.name } : { iso, source } };
}

interface Match {
  index: number;
  source: string;
  parts: Parts;
}

/** The first date-shaped text (earliest start; the longest when two start together). */
function firstMatch(text: string): Match | null {
  const normalized = forMatching(text);
  let best: Match | null = null;
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    const m = pattern.regex.exec(normalized);
    if (!m) continue;
    if (best === null || m.index < best.index || (m.index === best.index && m[0].length > best.source.length)) {
      best = { index: m.index, source: text.slice(m.index, m.index + m[0].length), parts: pattern.parts(m) };
    }
  }
  return best;
}

/**
 * The first date in free text, with a finding when the first date-shaped text
 * is not a real date (令和元年4月30日, 2月30日, a wrong weekday). The first
 * date-shaped text decides: an invalid one is not skipped in favour of a
 * later date. No date-shaped text → `null` with no finding. Never any changes.
 */
export function scanJapaneseDate(text: string): RuleResult<JapaneseDate | null> {
  const match = firstMatch(text);
  if (!match) return { value: null, changes: [], findings: [] };
  const result = interpret(match.source, match.parts);
  return 'date' in result
    ? { value: result.date, changes: [], findings: [] }
    : { value: null, changes: [], findings: [result.finding] };
}

/** The first date in free text, or null (also when that date is invalid; see `scanJapaneseDate` for why). */
export function findJapaneseDate(text: string): JapaneseDate | null {
  return scanJapaneseDate(text).value;
}

/**
 * A cell that should hold only a date (an Excel date serial is handled
 * elsewhere). Empty → null, no finding. The value is the ISO date; changes:
 * `space/trim`, then `date/wareki` (和暦 → ISO) or `date/iso` (another 西暦
 * spelling → ISO). 和暦 without a bracketed 西暦 also gives the warning
 * `wareki-without-seireki` (総務省 チェック項目1-11). Anything that is not
 * exactly one valid date is `null` with a `type-error`.
 */
/** The 統一ルール 1-11 warning: a 和暦 value without its Western year, saying what it was read as. */
export function warekiWithoutSeireki(written: string, readAs: string, hint: { western: string; example: string; what: 'date' | 'month' }): Finding {
  return {
    code: WAREKI_WITHOUT_SEIREKI_CODE,
    severity: 'warning',
    message: {
      ja: `和暦「${written}」だけで西暦がありません。${readAs} として読み取りました。`,
      en: `"${written}" uses the Japanese era without the Western year; read as ${readAs}.`,
    },
    fix: {
      ja: `西暦（${hint.western}）で入力するか、和暦に西暦を併記してください（例: ${hint.example}）。`,
      en: `Enter the ${hint.what} in the Western calendar (${readAs}), or add the Western year to the era ${hint.what}.`,
    },
  };
}

export function parseJapaneseDate(text: string): RuleResult<string | null> {
  const changes: Change[] = [];
  const trimmed = text.replace(/^\s+|\s+$/g, '');
  if (trimmed !== text) changes.push({ rule: TRIM_RULE, before: text, after: trimmed });
  if (trimmed === '') return { value: null, changes, findings: [] };

  const typeError = (ja: string, en: string, fix?: { ja: string; en: string }): RuleResult<string | null> => ({
    value: null,
    changes,
    findings: [
      fix
        ? { code: TYPE_ERROR, severity: 'error', message: { ja, en }, fix }
        : { code: TYPE_ERROR, severity: 'error', message: { ja, en } },
    ],
  });

  const match = firstMatch(trimmed);
  if (!match) {
    return typeError(`「${trimmed}」は日付ではありません。`, `"${trimmed}" is not a date.`, {
      ja: '例: 2020-09-01 または 2020年9月1日',
      en: 'e.g. 2020-09-01',
    });
  }
  if (match.source !== trimmed) {
    return typeError(
      `セルには日付だけを入力してください（「${trimmed}」のうち日付は「${match.source}」）。`,
      `The cell must contain only the date ("${trimmed}" contains the date "${match.source}" and other text).`,
    );
  }
  const result = interpret(match.source, match.parts);
  if (!('date' in result)) return typeError(result.finding.message.ja, result.finding.message.en, result.finding.fix);

  const { iso, era } = result.date;
  const findings: Finding[] = [];
  if (era !== undefined) {
    if (iso !== trimmed) changes.push({ rule: WAREKI_RULE, before: trimmed, after: iso });
    if (match.parts.bracketYear === undefined) {
      findings.push(warekiWithoutSeireki(trimmed, iso, { western: iso, example: '令和2年（2020年）9月1日', what: 'date' }));
    }
  } else if (iso !== trimmed) {
    changes.push({ rule: ISO_RULE, before: trimmed, after: iso });
  }
  return { value: iso, changes, findings };
}
