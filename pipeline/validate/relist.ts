import type { Dataset, RelistMarkerColumn } from '../dataset/DatasetDefinition.ts';
import { cellOf, type RecordRow } from '../normalize/RecordRow.ts';
import { problem } from '../problem/Problem.ts';
import type { ProblemSink } from '../problem/ProblemSink.ts';
import { fieldTitle } from './fieldTitle.ts';
import { keyOf } from './primaryKey.ts';

/** A re-listed row points at an earlier original that is not itself re-listed, and repeats its values. */
export function checkRelisted(records: RecordRow[], dataset: Dataset, sheet: string, out: ProblemSink): void {
  const column = dataset.columns.find((c): c is RelistMarkerColumn => c.rule === 'relist-marker');
  if (!column) return;
  const key = dataset.primaryKey;
  // Only the rows that re-listed rows point at are looked up: no map of every row.
  const wanted = new Set<string | number>();
  for (const record of records) {
    const id = record.relisted ? record.values[column.relistedFrom] : undefined;
    if (id !== null && id !== undefined) wanted.add(keyOf(id));
  }
  const byKey = new Map<string | number, RecordRow>();
  if (wanted.size > 0) {
    for (const record of records) {
      const id = record.values[key];
      if (id === null || id === undefined) continue;
      const k = keyOf(id);
      if (wanted.has(k) && !byKey.has(k)) byKey.set(k, record);
    }
  }
  const nameTitle = fieldTitle(dataset, column.field);
  for (const record of records) {
    if (!record.relisted) continue;
    const name = String(record.values[column.field] ?? '');
    const at = { sheet, cell: cellOf(record, column.field), row: record.row, field: column.field, value: name };
    const originalId = record.values[column.relistedFrom];
    const original = originalId === null || originalId === undefined ? undefined : byKey.get(keyOf(originalId));
    if (!original) {
      out.add(
        problem('relist-original-missing', 'error', at, {
          ja: `【再掲】の「${name}」の元になる行がありません。同じ${nameTitle.ja}の行が、この行より上に必要です。`,
          en: `The re-listed "${name}" has no original: an earlier row with the same ${nameTitle.en} is needed.`,
        }, {
          ja: `元の行の${nameTitle.ja}と一字一句同じにするか、再掲でなければ【再掲】を消してください。`,
          en: `Make the name identical to the original's, or remove 【再掲】 if it is not a re-listing.`,
        }),
      );
      continue;
    }
    if (original.row > record.row) {
      out.add(
        problem('relist-original-later', 'error', at, {
          ja: `【再掲】の「${name}」より後ろ（${original.row}行目）に元の行があります。元の行は再掲より上に置いてください。`,
          en: `The original of the re-listed "${name}" comes later (row ${original.row}); it must come first.`,
        }, {
          ja: `【再掲】を後ろの行に付け替えるか、行の順番を入れ替えてください。`,
          en: 'Move the 【再掲】 marker to the later row, or reorder the rows.',
        }),
      );
    }
    if (original.relisted) {
      out.add(
        problem('relist-chain', 'error', at, {
          ja: `「${name}」の元の行（${original.row}行目）も【再掲】になっています。再掲の元は再掲でない行にしてください。`,
          en: `The original of "${name}" (row ${original.row}) is itself re-listed.`,
        }, {
          ja: `どちらか一方の行から【再掲】を消してください。`,
          en: 'Remove 【再掲】 from the original row.',
        }),
      );
    }
    for (const field of column.sameAsOriginal ?? []) {
      const mine = record.values[field] ?? null;
      const theirs = original.values[field] ?? null;
      if (mine === theirs) continue;
      const title = fieldTitle(dataset, field);
      const shown = (v: unknown) => (v === null ? '空' : String(v));
      out.add(
        problem('relist-mismatch', 'warning', { sheet, cell: cellOf(record, field), row: record.row, field, value: shown(mine) }, {
          ja: `【再掲】の「${name}」の${title.ja}（${shown(mine)}）が、元の行（${cellOf(original, field)}）の${shown(theirs)}と違います。`,
          en: `${title.en} of the re-listed "${name}" (${shown(mine)}) differs from the original's (${shown(theirs)} in ${cellOf(original, field)}).`,
        }, {
          ja: `再掲の行の${title.ja}を元の行と同じにしてください。`,
          en: `Give the re-listed row the same ${title.en} as the original.`,
        }),
      );
    }
  }
}
