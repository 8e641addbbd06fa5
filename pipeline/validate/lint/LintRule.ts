import type { Dataset } from '../../dataset/DatasetDefinition.ts';
import type { ContainerKind } from '../../ingest/container.ts';
import type { IngestedTable } from '../../ingest/Table.ts';
import type { NormalizedTable } from '../../normalize/RecordRow.ts';
import type { Problem, Text } from '../../problem/Problem.ts';
import type { ProblemSink } from '../../problem/ProblemSink.ts';

/** Everything a lint item may look at: what ingest saw, what normalization changed, what was already found. */
export interface LintInput {
  dataset: Dataset;
  table: IngestedTable;
  normalized: NormalizedTable;
  /** The container: its kind, and the ZIP part names (xlsx, ods; empty otherwise). */
  source: { kind: ContainerKind; parts: readonly string[] };
  /** Cells the stages already reported an error in: an item does not add a warning about them. */
  erroneousCells: ReadonlySet<string>;
}

/**
 * One item of 総務省「統計表における機械判読可能なデータ作成に関する表記方法」(統一ルール, 2020-12).
 * `check` adds what only this item finds to `out`; `cites` claims problems an earlier stage already reports
 * (the formula error is item 1-7), which then carry the item's citation instead of a second problem.
 */
export interface LintRule {
  /** Item number, e.g. `1-4`. */
  item: string;
  check(input: LintInput, out: ProblemSink): void;
  cites?(p: Problem, input: LintInput): boolean;
  /** What to do, for a cited problem that does not say. */
  fix?: Text;
}

/** 「（統一ルール1-4）」 / "(MIC machine-readability rule 1-4)". */
export function citation(item: string): Text {
  return { ja: `（統一ルール${item}）`, en: ` (MIC machine-readability rule ${item})` };
}

/** The message with the item's citation appended (once). */
export function cited(message: Text, item: string): Text {
  const c = citation(item);
  return message.ja.endsWith(c.ja) ? message : { ja: `${message.ja}${c.ja}`, en: `${message.en}${c.en}` };
}
