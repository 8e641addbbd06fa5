import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BUILD_DIR, buildKey } from './precompiled.ts';

export const DEFINITIONS_DIR = path.join(BUILD_DIR, 'definitions');

/** How a definition's YAML is read: yaml's `parse` with its default options. */
const YAML_SETTINGS = 'yaml parse, default options';

/** Where `npm run build` writes, as JSON, what a definition's YAML text parses to. */
export function parsedDefinitionFile(yamlText: string, dir = DEFINITIONS_DIR): string {
  return path.join(dir, `${buildKey(YAML_SETTINGS, yamlText)}.json`);
}

/** What the build stores for a definition. */
export interface ParsedDefinition {
  /** What yaml's `parse` gives for the text. */
  value: unknown;
  /**
   * The validatorKey of the dataset schema the value was found valid against, when it was: it is
   * valid against that exact schema text under the same settings, so checking it again would only
   * repeat the answer (~20 ms: loading that validator and compiling its `uri` pattern).
   */
  validAgainst?: string;
}

// yaml is required only when a definition was not parsed by the build: loading it costs more
// than the rest of reading the project's definitions (~50 ms).
const require = createRequire(import.meta.url);

/**
 * yaml's `parse(yamlText)`, throwing as it throws: the build's JSON copy when it made one for this
 * very text (it does only where parsing gave no warning and the JSON gives back exactly the same value).
 */
export function readDefinition(yamlText: string, dir = DEFINITIONS_DIR): ParsedDefinition {
  const file = parsedDefinitionFile(yamlText, dir);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ParsedDefinition;
  return { value: (require('yaml') as typeof import('yaml')).parse(yamlText) };
}
