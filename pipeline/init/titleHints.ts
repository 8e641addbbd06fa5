import { findJapaneseDate } from '../ingest/japaneseDate.ts';
import { cellText, type SheetGrid } from '../ingest/sheetCells.ts';

export interface TitleHints {
  /** The first text above the header, as written. */
  title?: string;
  /** The title without its as-of part: 「…一覧表（令和2年9月1日時点）」 → 「…一覧表」. */
  shortTitle?: string;
  /** The as-of date the pipeline will read from the title (ISO), if any. */
  asOf?: { iso: string; source: string };
  /** A municipality named at the start of the title (平塚市…, 神奈川県平塚市…). */
  publisher?: { prefecture?: string; name: string };
  /** The title or a note above the header says the data is made up (架空). */
  madeUp: boolean;
}

const AS_OF_PART = /[（(【［[]?[^（(【［[]*?(時点|現在)[)）】］\]]?/u;
const MUNICIPALITY = /^(?<prefecture>[^\s（(]{1,4}?[都道府県])?(?<name>[^\s（(都道府県]{1,6}?[市区町村])/u;

/** What the rows above the header say: the title, its as-of date, who publishes it. */
export function titleHints(grid: SheetGrid, headerRow: number): TitleHints {
  const above: string[] = [];
  for (let row = 1; row < headerRow; row++) for (const cell of grid.rowCells(row)) above.push(cellText(cell).trim());
  const title = above.find((t) => t !== '');
  const hints: TitleHints = { madeUp: above.some((t) => t.includes('架空')) };
  if (!title) return hints;
  hints.title = title;
  for (const text of above) {
    const date = findJapaneseDate(text);
    if (date) {
      hints.asOf = { iso: date.iso, source: date.source };
      break;
    }
  }
  const withoutDate = hints.asOf ? title.replace(AS_OF_PART, '').replace(hints.asOf.source, '') : title;
  hints.shortTitle = withoutDate.replace(/[【［[][^】］\]]*[】］\]]/gu, '').replace(/[（(][)）]/gu, '').trim() || title;
  const place = splitMunicipality(title);
  if (place) hints.publisher = place;
  return hints;
}

/** 神奈川県平塚市… → { prefecture: 神奈川県, name: 平塚市 }: a municipality named at the start of a text. */
export function splitMunicipality(text: string): { prefecture?: string; name: string } | undefined {
  const place = MUNICIPALITY.exec(text)?.groups;
  return place?.name ? { name: place.name, ...(place.prefecture ? { prefecture: place.prefecture } : {}) } : undefined;
}
