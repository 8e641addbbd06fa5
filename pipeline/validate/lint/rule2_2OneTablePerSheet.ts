import * as XLSX from 'xlsx';
import { problem, type Problem, type Text } from '../../problem/Problem.ts';
import { cited, type LintInput, type LintRule } from './LintRule.ts';
import { shown } from './show.ts';

const ITEM = '2-2';

const ONE_TABLE: Text = {
  ja: '1つのシートには1つの表だけを置いてください。別の表は別のシートか別のファイルに移してください。',
  en: 'Keep one table per sheet: move any other table to its own sheet or file.',
};

/**
 * Data rows that open a second table below the first: right after blank rows, every number or date
 * column holds a word with no digit (「合計」「No.」「年月日」) rather than a value or a none-marker.
 */
export function secondTableRows(input: LintInput): number[] {
  const known = found.get(input);
  if (known) return known;
  const rows = findSecondTables(input);
  found.set(input, rows);
  return rows;
}

/** Computed once per lint run: `cites` asks for every problem. */
const found = new WeakMap<LintInput, number[]>();

function findSecondTables({ table, dataset }: LintInput): number[] {
  const typed = dataset.columns.flatMap((definition, i) => (definition.rule === 'integer' || definition.rule === 'date' ? [i] : []));
  if (typed.length === 0) return [];
  const none = new Set(dataset.missingValues ?? ['-']);
  const afterBlank = new Set(table.events.filter((e) => e.kind === 'blank-row-skipped').map((e) => (e.toRow ?? e.row ?? 0) + 1));
  return table.rows
    .filter((row) => afterBlank.has(row.row) && row.cells.filter((c) => c !== undefined).length >= 2)
    .filter((row) =>
      typed.every((i) => {
        const value = row.cells[i]?.value;
        return typeof value === 'string' && value.trim() !== '' && !/\d/u.test(value.normalize('NFKC')) && !none.has(value.trim());
      }),
    )
    .map((row) => row.row);
}

/**
 * 2-2 「1シートに複数の表が含まれていないか」. A second table below the first that repeats the title or
 * header is skipped by ingest and its rows read on: a warning. One with a header of its own is read as
 * data, which makes the data wrong: an error, and the problems in that header row cite this item. Labels
 * right of a gap in the header row are a table beside the first one, which is not read: a warning.
 */
export const rule2_2OneTablePerSheet: LintRule = {
  item: ITEM,
  cites: (p, input) => p.severity === 'error' && p.row !== undefined && secondTableRows(input).includes(p.row),
  fix: ONE_TABLE,
  check(input, out): void {
    const { table } = input;
    for (const e of table.events) {
      if (e.kind !== 'header-repeated-skipped' && e.kind !== 'title-repeated-skipped') continue;
      const what = e.kind === 'header-repeated-skipped' ? { ja: '見出しの行', en: 'header row' } : { ja: '表題', en: 'title' };
      out.add(problem('second-table', 'warning', { sheet: table.sheet, cell: e.cell, row: e.row, value: e.detail }, cited({
        ja: `${e.row}行目に${what.ja}がもう一度あります。1つのシートに表が2つあるようです。この行を飛ばし、続く行も同じ表のデータとして読みました。`,
        en: `Row ${e.row} repeats the ${what.en}: the sheet seems to hold two tables. The row was skipped and the rows below read as the same table.`,
      }, ITEM), {
        ja: `続きの表なら、${e.row}行目を削除して1つの表にまとめてください。別の表なら、別のシートか別のファイルに移してください。`,
        en: `If it continues the same table, delete row ${e.row}; if it is another table, move it to its own sheet or file.`,
      }));
    }
    for (const row of secondTableRows(input)) {
      const labels = (table.rows.find((r) => r.row === row)?.cells ?? []).flatMap((c) => (c ? [`「${shown(String(c.value), 15)}」`] : []));
      out.add(problem('second-table', 'error', { sheet: table.sheet, row, value: labels.join('') }, cited({
        ja: `${row}行目から別の表が始まっているようです（${labels.slice(0, 4).join('')}…）。この行から下もデータとして読むため、正しく読めません。`,
        en: `Another table seems to start at row ${row}; its rows would be read as data, which is wrong.`,
      }, ITEM), ONE_TABLE));
    }
    const beside = besideTable(input);
    if (beside) out.add(beside);
  },
};

/** Labels in the header row separated from the declared columns by an unlabelled column. */
function besideTable({ table }: LintInput): Problem | undefined {
  const declared = table.columns.map((c) => c.col);
  if (declared.length === 0) return undefined;
  const extras = table.events
    .filter((e) => e.kind === 'extra-column-ignored' && e.cell !== undefined)
    .map((e) => ({ col: XLSX.utils.decode_cell(e.cell!).c, cell: e.cell!, label: e.detail }));
  const labelled = new Set([...declared, ...extras.map((e) => e.col)]);
  const right = Math.max(...declared);
  const beside = extras.filter((e) => e.col > right).sort((a, b) => a.col - b.col);
  const first = beside[0];
  if (!first) return undefined;
  let gap = false;
  for (let col = right + 1; col < first.col; col++) if (!labelled.has(col)) gap = true;
  if (!gap) return undefined;
  const labels = beside.map((e) => `「${shown(e.label, 15)}」`).join('');
  return problem('second-table', 'warning', { sheet: table.sheet, cell: first.cell, row: table.headerRow, value: labels }, cited({
    ja: `見出しの行の右側、${first.cell} から別の表があるようです（${labels}）。この表は読み込みませんでした。`,
    en: `Another table seems to sit beside the first, from ${first.cell}; it was not read.`,
  }, ITEM), ONE_TABLE);
}
