import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { warekiOf } from '../ingest/japaneseDate.ts';
import type { Text } from '../problem/Problem.ts';

/**
 * The one placeholder a definition's `source.title` may hold: the as-of date of the version being
 * built, so each version credits the document of its own date (「…一覧表（{asOf}時点）」).
 */
export const AS_OF_PLACEHOLDER = '{asOf}';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2020-09-01 → 令和2年9月1日 / 1 September 2020: how the credit line writes a date. */
export function creditDate(asOf: string): Text {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  return { ja: warekiOf(asOf) ?? `${year}年${month}月${day}日`, en: `${day} ${MONTHS[month - 1]} ${year}` };
}

/** The source's title for the version as of `asOf`: `{asOf}` replaced, a title without it unchanged. */
export function sourceTitle(dataset: Dataset, asOf: string): Text {
  const { ja, en } = dataset.source.title;
  const date = creditDate(asOf);
  return { ja: ja.replaceAll(AS_OF_PLACEHOLDER, date.ja), en: en.replaceAll(AS_OF_PLACEHOLDER, date.en) };
}
