import type * as XLSX from 'xlsx';
import { LG_CODE_PLACEHOLDER, PUBLISHER_PLACEHOLDER } from '../dataset/consistency.ts';
import type { FieldSchema, License, Publisher, SingleFieldColumn } from '../dataset/DatasetDefinition.ts';
import { sheetGrid, type SheetGrid } from '../ingest/sheetCells.ts';
import type { Draft, DraftDefinition, Guess } from './Draft.ts';
import { dataRows } from './dataRows.ts';
import { draftColumns, guessSumOf, type DraftColumn } from './draftColumns.ts';
import { findHeaderRow, type HeaderGuess } from './headerRow.ts';
import { splitMunicipality, titleHints, type TitleHints } from './titleHints.ts';

export interface DraftOptions {
  name: string;
  /** The workbook's file name: the definition's source.file. */
  fileName: string;
  sheet?: string;
}

const DEFAULT_LICENSE: License = {
  name: 'CC-BY-4.0',
  title: 'クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  compatibleWith: '公共データ利用規約（第1.0版）(PDL1.0)',
};

/** Text columns with a few repeated values, worth counting by in the summary resource. */
const GROUP_MAX_VALUES = 10;

function chooseSheet(workbook: XLSX.WorkBook, sheet: string | undefined): { grid: SheetGrid; header: HeaderGuess } | null {
  let best: { grid: SheetGrid; header: HeaderGuess } | null = null;
  for (const name of sheet ? [sheet] : workbook.SheetNames) {
    const ws = Object.hasOwn(workbook.Sheets, name) ? workbook.Sheets[name] : undefined;
    if (!ws) continue;
    const grid = sheetGrid(name, ws);
    const header = findHeaderRow(grid);
    if (header && (!best || header.labels.length > best.header.labels.length)) best = { grid, header };
  }
  return best;
}

/** The first column whose values are all present and all different, preferring numbers, months, dates and codes. */
function guessPrimaryKey(columns: DraftColumn[], rows: number): DraftColumn | undefined {
  const unique = (c: DraftColumn) => !c.guess.nullable && c.guess.values.length === rows && new Set(c.guess.values.map(String)).size === rows;
  const keyLike = ['integer', 'month', 'date', 'code'];
  return columns.find((c) => keyLike.includes(c.guess.rule) && unique(c)) ?? columns.find((c) => c.guess.rule === 'text' && unique(c));
}

const fieldOf = (c: DraftColumn) => (c.definition as SingleFieldColumn).field;


/** The one value a column holds in every row, if it holds exactly one. */
function onlyValue(columns: DraftColumn[], field: string): string | undefined {
  const column = columns.find((c) => c.properties.some(([f]) => f === field));
  const values = new Set(column?.guess.values.map(String));
  return values.size === 1 ? [...values][0] : undefined;
}

/**
 * Who publishes: from the sheet's own national columns (全国地方公共団体コード, 地方公共団体名) when they
 * hold one city, else the name from the title; never copied from another definition. Without a code, a
 * placeholder that validate and publish refuse until a person writes the real one.
 */
function publisherOf(hints: TitleHints, columns: DraftColumn[]): { publisher: Publisher; why: Guess['why']; found: boolean } {
  const code = onlyValue(columns, 'lg_code');
  const sheetName = onlyValue(columns, 'lg_name');
  const place = sheetName ? splitMunicipality(sheetName) : hints.publisher;
  const name = place?.name ?? PUBLISHER_PLACEHOLDER;
  const publisher: Publisher = {
    name: { ja: name, en: name },
    ...(place?.prefecture ? { prefecture: { ja: place.prefecture, en: place.prefecture } } : {}),
    lgCode: code ?? LG_CODE_PLACEHOLDER,
  };
  const from = code ? { ja: 'シートの全国地方公共団体コード・地方公共団体名の列から', en: "from the sheet's local government code and name columns" } : { ja: '表題から', en: 'from the title' };
  const missing = code ? '' : '。全国地方公共団体コード（lgCode）を入れてください';
  return { publisher, found: code !== undefined, why: { ja: `${from.ja}${missing}。英語名を入れてください`, en: `${from.en}${code ? '' : '; enter the local government code (lgCode)'}; give the English names` } };
}

/** Drafts a definition and record schema from a workbook, recording every guess. Null when no header row is found. */
export function draftDataset(workbook: XLSX.WorkBook, options: DraftOptions): Draft | null {
  const chosen = chooseSheet(workbook, options.sheet);
  if (!chosen) return null;
  const { grid, header } = chosen;
  const sheetRows = dataRows(grid, header);
  const hints = titleHints(grid, header.row);
  const { columns, guesses } = draftColumns(header.labels, sheetRows.rows.map((r) => r.cells));
  const todos: Draft['todos'] = [];

  const key = guessPrimaryKey(columns, sheetRows.rows.length);
  const primaryKey = key ? fieldOf(key) : (columns[0]?.properties[0]?.[0] ?? 'id');
  guesses.push({ path: 'primaryKey', why: key ? { ja: `「${key.definition.label}」は全行で値があり重複なし`, en: `${key.definition.label} is present and unique in every row` } : { ja: '重複のない列が見つかりません。行を一意に決める列を選んでください', en: 'no column is unique: choose the column that identifies a row' } });
  guesses.push(...guessSumOf(columns, primaryKey));

  const quantities = columns.filter((c) => c.quantity && fieldOf(c) !== primaryKey).map(fieldOf);
  for (const column of columns) {
    if (column.definition.rule === 'relist-marker' && quantities.length > 0) column.definition.sameAsOriginal = quantities;
  }
  const groupBy = columns
    .filter((c) => new Set(c.guess.values).size > 1)
    .filter((c) => c.guess.rule === 'enum' || (c.guess.rule === 'text' && !c.guess.nullable && new Set(c.guess.values).size <= GROUP_MAX_VALUES && c.guess.values.length >= 2 * new Set(c.guess.values).size))
    .map(fieldOf)
    .filter((f) => f !== primaryKey);

  const { publisher, why: publisherWhy, found } = publisherOf(hints, columns);
  const license = DEFAULT_LICENSE;
  if (!found) {
    todos.push({
      path: 'publisher',
      text: {
        ja: `シートにも表題にも全国地方公共団体コードがありません。publisher.lgCode の ${LG_CODE_PLACEHOLDER} を自分の団体のコード（6桁）に直してください（直すまで公開できません）。`,
        en: `Neither the sheet nor the title gives the local government code: replace ${LG_CODE_PLACEHOLDER} in publisher.lgCode with yours (nothing is published until then).`,
      },
    });
  }
  const title = hints.shortTitle ?? options.name;
  const definition: DraftDefinition = {
    name: options.name,
    title: { ja: title, en: options.name },
    description: { ja: `${title}です。`, en: `${options.name} (describe the data in English)` },
    keywords: [...new Set([title, publisher.name.ja].filter((k) => k !== PUBLISHER_PLACEHOLDER))],
    publisher,
    license,
    source: { file: options.fileName, sheet: grid.name, title: { ja: hints.title ?? title, en: options.name } },
    recordSchema: `${options.name}.record.schema.json`,
    primaryKey,
    columns: columns.map((c) => c.definition),
    ...(sheetRows.totalsLabel ? { totalsRow: { label: sheetRows.totalsLabel } } : {}),
    ...(columns.some((c) => c.guess.nullable) ? { missingValues: ['-'] } : {}),
    ...(quantities.length > 0 ? { totals: quantities } : {}),
    ...(groupBy.length > 0 ? { summary: { groupBy, ...(quantities[0] ? { sum: quantities[0] } : {}) } } : {}),
    guessed: [],
  };
  guesses.push(
    { path: 'title', why: { ja: hints.title ? '表題の行から（時点を除く）。英語名を入れてください' : '表題がありません', en: 'from the title row, as-of part removed; give the English title' } },
    { path: 'description', why: { ja: 'データの説明を書いてください', en: 'describe the data' } },
    { path: 'publisher', why: publisherWhy },
    { path: 'keywords', why: { ja: '表題と団体名から。検索で使われる語を足してください', en: 'from the title and the publisher; add the words people search for' } },
    { path: 'license', why: { ja: '既定の CC BY 4.0', en: 'the default, CC BY 4.0' } },
    { path: 'source.title.en', why: { ja: '英語名を入れてください', en: 'give the English title' } },
  );
  if (sheetRows.totalsLabel) guesses.push({ path: 'totalsRow', why: { ja: `表の下の「${sheetRows.totalsLabel}」の行`, en: `the ${sheetRows.totalsLabel} row under the table` } });
  if (quantities.length > 0) guesses.push({ path: 'totals', why: { ja: '数量らしい整数の列', en: 'integer columns that look like quantities' } });
  if (groupBy.length > 0) guesses.push({ path: 'summary', why: { ja: '少ない種類の値が繰り返す列で集計', en: 'grouped by columns with a few repeated values' } });
  if (hints.madeUp) todos.push({ path: 'title', text: { ja: '表題に「架空」とあります。架空のデータであることを title と description に書いてください。', en: 'The title says 架空 (made up): say so in title and description.' } });
  if (!hints.asOf) todos.push({ path: 'recordSchema', text: { ja: '表題に時点（令和○年○月○日時点）がありません。asOf: YYYY-MM-DD を書くか、表題に時点を入れてください。', en: 'The title gives no as-of date: add asOf: YYYY-MM-DD, or put the date in the title.' } });

  const paths = new Set<string>();
  definition.guessed = guesses.map((g) => g.path).filter((p) => !paths.has(p) && paths.add(p));
  // The sheet's columns in sheet order, then the fields the pipeline derives (the link of a 再掲 row to its original).
  const derived = new Set(columns.flatMap((c) => (c.definition.rule === 'relist-marker' ? [c.definition.relistedFrom] : [])));
  const ordered = columns.flatMap((c) => c.properties);
  const properties = Object.fromEntries([...ordered.filter(([f]) => !derived.has(f)), ...ordered.filter(([f]) => derived.has(f))]) as Record<string, FieldSchema>;
  for (const column of columns) {
    for (const [field] of column.properties) properties[field]!.$comment = `推測 / guessed by opendata init: ${column.guess.why.ja} / ${column.guess.why.en}`;
  }
  const recordSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: definition.recordSchema,
    title,
    type: 'object' as const,
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  };
  return { definition, recordSchema, guesses, todos, sheet: grid.name, headerRow: header.row, rows: sheetRows.rows.length };
}
