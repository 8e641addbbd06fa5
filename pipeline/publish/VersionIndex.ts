import type { Text } from '../problem/Problem.ts';

/** A file of a published version, as listed in the indexes. */
export interface IndexedFile {
  path: string;
  bytes: number;
  hash: string;
}

/** One published version of a dataset, as listed in `dist/<dataset>/index.json`. */
export interface VersionEntry {
  version: string;
  /** ISO date the data describes. */
  asOf: string;
  /** The package's `created` (from the source, never the clock). */
  created: string;
  rows: number;
  /** Files of the version directory, relative to it. */
  files: IndexedFile[];
  /** The deterministic zip of the version's package, relative to `dist/<dataset>/`. */
  zip: IndexedFile;
  /** One line on what changed, for people: 「3件追加・2件の状況変更」. */
  summary: Text;
  /** Why this version number: major / minor / patch / initial. */
  bump: 'initial' | 'major' | 'minor' | 'patch';
}

/** `dist/<dataset>/index.json`: every version, newest first. */
export interface DatasetIndex {
  name: string;
  title: Text;
  latest: string;
  versions: VersionEntry[];
}

/** `dist/index.json`: all datasets. */
export interface CatalogIndex {
  datasets: { name: string; title: Text; latest: string; asOf: string; publisher: Text; path: string }[];
}
