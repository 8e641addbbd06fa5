import type { DatasetDefinitionFile, RecordSchema } from '../dataset/DatasetDefinition.ts';
import type { Text } from '../problem/Problem.ts';

/** One value `opendata init` guessed: where it is in the definition (`columns[2].rule`) and why. */
export interface Guess {
  path: string;
  why: Text;
}

/** A drafted definition: `guessed` lists every path of a guess until a person has reviewed it. */
export type DraftDefinition = DatasetDefinitionFile & { guessed: string[] };

export interface Draft {
  definition: DraftDefinition;
  recordSchema: RecordSchema;
  guesses: Guess[];
  /** Things a person must do that init cannot (such as giving an as-of date): said before the key. */
  todos: { path: string; text: Text }[];
  sheet: string;
  headerRow: number;
  rows: number;
}
