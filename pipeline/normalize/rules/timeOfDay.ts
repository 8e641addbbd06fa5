/**
 * Times of day (rule `time`) → `HH:MM:SS` (Table Schema `time`): Excel time cells (`h:mm`,
 * `h:mm:ss`, `[h]:mm`), `9:00`, `09:00:00`, `9時`, `9時30分`, `9時半`, `午前9時`, `午後5時30分`,
 * `9:00 PM`. `24:00` (a closing time at the end of the day) only where the column declares
 * `allow24`; `25:00`, `9:60`, `午後13時` and the ambiguous `午前12時`/`午後12時` are errors.
 */
import type { Change } from '../../problem/Normalization.ts';
import type { Text } from '../../problem/Problem.ts';
import { typeErrorFinding, unreadable, type RuleResult } from './RuleResult.ts';

export const TIME_RULE = 'time/hh-mm-ss';
export const TIME_SERIAL_RULE = 'time/serial';

export interface TimeOptions {
  /** 24:00 (end of the day) is allowed, as a closing time. */
  allow24: boolean;
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  /** 午前/AM or 午後/PM when written. */
  half?: 'am' | 'pm';
}

const COLON = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/u;
const KANJI = /^(\d{1,2})時(?:(\d{1,2})分|(半))?(?:(\d{1,2})秒)?$/u;
const HALF_BEFORE = /^(午前|午後|AM|PM|A\.M\.|P\.M\.)\s*/iu;
const HALF_AFTER = /\s*(AM|PM|A\.M\.|P\.M\.)$/iu;

const EXAMPLE: Text = { ja: '例: 9:00、17:30、9時30分、午後5時', en: 'e.g. 9:00, 17:30, 9時30分, 午後5時' };
const pad = (n: number) => String(n).padStart(2, '0');
export const clockText = (c: { hour: number; minute: number; second: number }) => `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`;

function halfOf(word: string): 'am' | 'pm' {
  return /^(午前|a)/iu.test(word) ? 'am' : 'pm';
}

function readClock(text: string): Clock | null {
  let rest = text.replace(/\s+/gu, ' ').trim();
  let half: Clock['half'];
  const before = HALF_BEFORE.exec(rest);
  if (before) {
    half = halfOf(before[1]!);
    rest = rest.slice(before[0].length);
  } else {
    const after = HALF_AFTER.exec(rest);
    if (after) {
      half = halfOf(after[1]!);
      rest = rest.slice(0, after.index);
    }
  }
  rest = rest.replace(/\s+/gu, '');
  const colon = COLON.exec(rest);
  if (colon) return { hour: Number(colon[1]), minute: Number(colon[2]), second: Number(colon[3] ?? 0), ...(half ? { half } : {}) };
  const kanji = KANJI.exec(rest);
  if (kanji) {
    const minute = kanji[3] ? 30 : Number(kanji[2] ?? 0);
    return { hour: Number(kanji[1]), minute, second: Number(kanji[4] ?? 0), ...(half ? { half } : {}) };
  }
  return null;
}

/** A clock reading → the 24-hour time, or why it is not one. */
function toDayTime(clock: Clock, written: string, options: TimeOptions): { value: string } | { problem: Text; fix?: Text } {
  let { hour } = clock;
  const { minute, second, half } = clock;
  if (half) {
    if (hour === 12) {
      return {
        problem: { ja: `「${written}」は正午か真夜中か紛らわしい書き方です。`, en: `"${written}" is ambiguous (noon or midnight).` },
        fix: { ja: '24時間制で「12:00」（正午）か「0:00」（真夜中）と書いてください。', en: 'Use the 24-hour clock: 12:00 for noon, 0:00 for midnight.' },
      };
    }
    if (hour > 12) {
      return { problem: { ja: `「${written}」: 午前・午後を付けるときは時を 0〜11 で書きます。`, en: `"${written}": with AM/PM the hour runs from 0 to 11.` }, fix: EXAMPLE };
    }
    if (half === 'pm') hour += 12;
  }
  if (minute > 59 || second > 59) {
    return { problem: { ja: `「${written}」の分・秒は 0〜59 です。`, en: `"${written}": minutes and seconds run from 0 to 59.` }, fix: EXAMPLE };
  }
  if (hour === 24 && minute === 0 && second === 0) {
    if (options.allow24) return { value: '24:00:00' };
    return {
      problem: { ja: `「${written}」: この列では時刻は 0:00〜23:59 です。`, en: `"${written}": times in this column run from 0:00 to 23:59.` },
      fix: {
        ja: '一日の終わりの時刻（閉店・終了）として 24:00 を使う列なら、定義の列に allow24: true を書いてください。',
        en: 'If 24:00 marks the end of the day (a closing time), declare allow24: true on the column.',
      },
    };
  }
  if (hour > 23) {
    return { problem: { ja: `「${written}」は時刻ではありません（時は 0〜23）。`, en: `"${written}" is not a time of day (hours run from 0 to 23).` }, fix: EXAMPLE };
  }
  return { value: clockText({ hour, minute, second }) };
}

/** A time-of-day cell's text → `HH:MM:SS`. Empty text is `null` with no finding. */
export function parseTimeOfDay(text: string, options: TimeOptions): RuleResult<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, changes: [], findings: [] };
  const clock = readClock(trimmed);
  if (!clock) return unreadable(typeErrorFinding({ ja: `「${trimmed}」は時刻ではありません。`, en: `"${trimmed}" is not a time of day.` }, EXAMPLE));
  const read = toDayTime(clock, trimmed, options);
  if ('problem' in read) return unreadable(typeErrorFinding(read.problem, read.fix));
  const changes: Change[] = read.value === trimmed ? [] : [{ rule: TIME_RULE, before: trimmed, after: read.value }];
  return { value: read.value, changes, findings: [] };
}

/** Seconds of the day in an Excel serial (its fraction), rounded to the second as Excel shows it. */
export function secondsOfDay(serial: number): number {
  return Math.round((serial - Math.floor(serial)) * 86_400);
}

/** A number format that shows a time (hours, minutes or seconds), quoted text and escapes aside. */
export function isTimeFormat(format: string | undefined): boolean {
  const bare = (format ?? '').replace(/"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]/giu, '');
  return /[hs]|\[[hms]+\]/iu.test(bare);
}

/** A number format that shows a date (year, month or day; `m` next to `h` or `s` is minutes). */
export function isDayFormat(format: string | undefined): boolean {
  const bare = (format ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]|AM\/PM|A\/P/giu, '').replace(/h+[^a-z]*m+|m+[^a-z]*s+/giu, '');
  return /[ydge]|m/iu.test(bare);
}

/** An Excel time cell (a fraction of a day formatted as a time) → `HH:MM:SS`. */
export function timeFromSerial(serial: number, format: string | undefined, options: TimeOptions): RuleResult<string | null> {
  if (!isTimeFormat(format) || serial < 0 || !Number.isFinite(serial)) {
    return unreadable(
      typeErrorFinding(
        { ja: `${serial} は時刻ではありません（セルの表示形式が時刻ではありません）。`, en: `${serial} is not a time (the cell is not formatted as a time).` },
        { ja: 'セルに「9:00」のように時刻を入力してください（表示形式「時刻」）。', en: 'Enter the time as 9:00 (a cell formatted as a time).' },
      ),
    );
  }
  if (serial >= 1 && !(serial === 1 && options.allow24)) {
    const what = isDayFormat(format) ? { ja: '日付と時刻', en: 'a date and time' } : { ja: '24時間以上の長さ', en: 'a duration of 24 hours or more' };
    return unreadable(
      typeErrorFinding(
        { ja: `セルの値（${serial}）は時刻ではなく${what.ja}です。`, en: `The cell's value (${serial}) is ${what.en}, not a time of day.` },
        { ja: 'この列には時刻だけを入力してください（例: 9:00）。', en: 'Enter only the time of day (e.g. 9:00).' },
      ),
    );
  }
  const seconds = serial === 1 ? 86_400 : secondsOfDay(serial);
  const value = seconds === 86_400 ? (options.allow24 ? '24:00:00' : '00:00:00') : clockText({ hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60, second: seconds % 60 });
  return { value, changes: [{ rule: TIME_SERIAL_RULE, before: String(serial), after: value }], findings: [] };
}

/**
 * A time-of-day cell (h:mm) in a date or month column: Excel stores 9:00 as the fraction 0.375 of
 * day zero, which a date rule would publish as 1900-01-00. Refused with the rule that fits.
 */
export function timeCellInDateColumn(serial: number, format: string | undefined, what: { ja: string; en: string }) {
  if (!isTimeFormat(format) || isDayFormat(format)) return undefined;
  return typeErrorFinding(
    { ja: `セルは時刻（${serial}、表示形式「${format}」）で、${what.ja}ではありません。`, en: `The cell holds a time of day (${serial}, format ${format}), not ${what.en}.` },
    { ja: '時刻の列なら、定義の rule を time にしてください。', en: 'If the column holds times of day, set its rule to time.' },
  );
}
