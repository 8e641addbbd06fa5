/**
 * Latitude and longitude (rules `latitude`, `longitude`; WGS84 decimal degrees as the national
 * recommended datasets publish them): decimals, full-width digits, and degrees-minutes-seconds
 * (`35°19'38.5"`, `35度19分38.5秒`). Points must lie in Japan (20–46° N, 122–154° E); a latitude that
 * looks like a longitude (or the reverse) says the two columns are probably swapped.
 */
import type { Text } from '../../problem/Problem.ts';
import { decimalFromCell, parseDecimal } from './decimal.ts';
import { andThen, typeErrorFinding, unreadable, type RuleResult } from './RuleResult.ts';

export const DMS_RULE = 'coordinate/dms';

export type Axis = 'latitude' | 'longitude';

export const JAPAN_BOUNDS: Record<Axis, { min: number; max: number }> = {
  latitude: { min: 20, max: 46 },
  longitude: { min: 122, max: 154 },
};

const names: Record<Axis, Text> = { latitude: { ja: '緯度', en: 'latitude' }, longitude: { ja: '経度', en: 'longitude' } };
const other = (axis: Axis): Axis => (axis === 'latitude' ? 'longitude' : 'latitude');

const DMS = /^(\d{1,3})\s*[°度]\s*(\d{1,2})\s*['′’分]\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:["″”秒]|'')?)?$/u;

/** Degrees-minutes-seconds → decimal degrees, to seven places (about 1 cm), or null when not DMS. */
function fromDms(text: string): RuleResult<number | null> | null {
  const m = DMS.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]);
  const seconds = Number(m[3] ?? 0);
  if (minutes > 59 || seconds >= 60) return unreadable(typeErrorFinding({ ja: `「${text}」の分・秒は 0〜59 です。`, en: `"${text}": minutes and seconds run from 0 to 59.` }));
  const value = Number((Number(m[1]) + minutes / 60 + seconds / 3600).toFixed(7));
  return { value, changes: [{ rule: DMS_RULE, before: text.trim(), after: String(value) }], findings: [] };
}

export function checkInJapan(value: number | null, axis: Axis): RuleResult<number | null> {
  if (value === null) return { value, changes: [], findings: [] };
  const { min, max } = JAPAN_BOUNDS[axis];
  if (value >= min && value <= max) return { value, changes: [], findings: [] };
  const swapped = value >= JAPAN_BOUNDS[other(axis)].min && value <= JAPAN_BOUNDS[other(axis)].max;
  const name = names[axis];
  return unreadable(
    typeErrorFinding(
      swapped
        ? { ja: `${value} は${names[other(axis)].ja}の値のようです（日本の${name.ja}は ${min}〜${max}）。`, en: `${value} looks like a ${names[other(axis)].en} (a ${name.en} in Japan lies between ${min} and ${max}).` }
        : { ja: `${name.ja} ${value} は日本の範囲（${min}〜${max}）の外です。`, en: `The ${name.en} ${value} lies outside Japan (${min} to ${max}).` },
      swapped
        ? { ja: '緯度と経度の列が入れ替わっていないか確かめてください（緯度は約35、経度は約139 のような値です）。', en: 'Check whether the latitude and longitude columns are swapped (latitude ~35, longitude ~139 in Tokyo).' }
        : { ja: '十進の度（例: 35.681236）で入力してください。', en: 'Enter decimal degrees (e.g. 35.681236).' },
    ),
  );
}

export function parseCoordinate(text: string, axis: Axis): RuleResult<number | null> {
  return andThen(fromDms(text) ?? parseDecimal(text, { percent: false }), (value) => checkInJapan(value, axis));
}

export function coordinateFromCell(value: number, format: string | undefined, axis: Axis): RuleResult<number | null> {
  return andThen(decimalFromCell(value, format, { percent: false }), (v) => checkInJapan(v, axis));
}
