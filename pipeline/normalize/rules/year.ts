/**
 * Years (rule `year`: `2020`, `2020年`, `令和2年`, `R2`, `令和元年`) and fiscal years (rule
 * `fiscal-year`, 年度, April to March: `令和2年度`, `R2年度`, `2020年度` → 2020), published as the
 * Western year (Table Schema `year`). An era year past its era's end (平成32年) is an error; for
 * fiscal years the era of the year's April counts (平成31年度 and 令和元年度 are both 2019).
 */
import * as XLSX from 'xlsx';
import type { Text } from '../../problem/Problem.ts';
import { ERA_ALIASES, ERAS } from '../../ingest/japaneseDate.ts';
import { typeErrorFinding, unreadable, type RuleResult } from './RuleResult.ts';

export const YEAR_WAREKI_RULE = 'year/wareki';
export const YEAR_WESTERN_RULE = 'year/western';
export const YEAR_SERIAL_RULE = 'year/serial';

export type YearKind = 'year' | 'fiscal-year';

const WESTERN = /^(\d{4})\s*(年度|年)?$/u;
const WAREKI = /^(令和|平成|昭和|大正|[RHST])\s*(元|\d{1,2})\s*(年度|年)?$/iu;

const words: Record<YearKind, { ja: string; en: string; example: Text }> = {
  year: { ja: '年', en: 'a year', example: { ja: '例: 2020、2020年、令和2年', en: 'e.g. 2020 or 令和2年' } },
  'fiscal-year': { ja: '年度', en: 'a fiscal year', example: { ja: '例: 令和2年度、2020年度', en: 'e.g. 令和2年度 or 2020年度' } },
};

/** The last Western year an era's years reach (平成 → 2019), or undefined for the current era. */
function lastYearOf(eraName: string): number | undefined {
  const era = ERAS.find((e) => e.name === eraName);
  return era?.last === undefined ? undefined : Number(era.last.slice(0, 4));
}

export function parseYear(text: string, kind: YearKind): RuleResult<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, changes: [], findings: [] };
  const folded = trimmed.normalize('NFKC');
  const western = WESTERN.exec(folded);
  if (western) {
    if (western[2] === '年度' && kind === 'year') return unreadable(fiscalInYearColumn(trimmed));
    const value = Number(western[1]);
    return { value, changes: String(value) === trimmed ? [] : [{ rule: YEAR_WESTERN_RULE, before: trimmed, after: String(value) }], findings: [] };
  }
  const wareki = WAREKI.exec(folded);
  if (!wareki) return unreadable(typeErrorFinding({ ja: `「${trimmed}」は${words[kind].ja}ではありません。`, en: `"${trimmed}" is not ${words[kind].en}.` }, words[kind].example));
  if (wareki[3] === '年度' && kind === 'year') return unreadable(fiscalInYearColumn(trimmed));
  const eraName = ERA_ALIASES[wareki[1]!.toUpperCase()] ?? wareki[1]!;
  const era = ERAS.find((e) => e.name === eraName)!;
  const eraYear = wareki[2] === '元' ? 1 : Number(wareki[2]);
  const value = Number(era.first.slice(0, 4)) + eraYear - 1;
  const last = lastYearOf(eraName);
  if (eraYear < 1 || (last !== undefined && value > last)) {
    return unreadable(
      typeErrorFinding(
        { ja: `「${trimmed}」はありません（${eraName}は${last ?? ''}年${last === undefined ? '' : 'まで'}）。`, en: `"${trimmed}" does not exist (${eraName} ended in ${last}).` },
        words[kind].example,
      ),
    );
  }
  return { value, changes: [{ rule: YEAR_WAREKI_RULE, before: trimmed, after: String(value) }], findings: [] };
}

function fiscalInYearColumn(text: string) {
  return typeErrorFinding(
    { ja: `「${text}」は年度です。この列は暦年（1月〜12月）です。`, en: `"${text}" is a fiscal year; this column holds calendar years.` },
    { ja: '年度（4月〜翌年3月）の列なら、定義の rule を fiscal-year にしてください。', en: 'If the column holds fiscal years (April to March), set its rule to fiscal-year.' },
  );
}

/** An Excel number cell: a plain whole number of four digits, or a date cell shown as a year only. */
export function yearFromCell(value: number, format: string | undefined, kind: YearKind): RuleResult<number | null> {
  if (Number.isInteger(value) && value >= 1000 && value <= 9999 && !(format && XLSX.SSF.is_date(format))) return { value, changes: [], findings: [] };
  const bare = (format ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/gu, '');
  if (format && XLSX.SSF.is_date(format) && !/[mdhs]/iu.test(bare)) {
    const parsed = XLSX.SSF.parse_date_code(value);
    return { value: parsed.y, changes: [{ rule: YEAR_SERIAL_RULE, before: String(value), after: String(parsed.y) }], findings: [] };
  }
  return unreadable(typeErrorFinding({ ja: `${value} は${words[kind].ja}ではありません。`, en: `${value} is not ${words[kind].en}.` }, words[kind].example));
}
