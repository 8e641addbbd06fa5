import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BUILD_DIR, keyedFile } from './precompiled.ts';

export const DEFINITIONS_DIR = path.join(BUILD_DIR, 'definitions');

/** How a definition's YAML is read: yaml's `parse` with its default options. */
const YAML_SETTINGS = 'yaml parse, default options';

/** Where `npm run build` writes, as JSON, what a definition's YAML text parses to. */
export function parsedDefinitionFile(yamlText: string, dir = DEFINITIONS_DIR): string {
  return keyedFile(dir, YAML_SETTINGS, yamlText, '.json');
}

// yaml is required only when a definition was not parsed by the build: loading it costs more
// than the rest of reading the project's definitions (~50 ms).
const require = createRequire(import.meta.url);

/**
 * yaml's `parse(yamlText)`, throwing as it throws: the build's JSON copy when it made one for this
 * very text (it does only where parsing gave no warning and the JSON gives back exactly the same value).
 */
export function parseDefinition(yamlText: string, dir = DEFINITIONS_DIR): unknown {
  const file = parsedDefinitionFile(yamlText, dir);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  return (require('yaml') as typeof import('yaml')).parse(yamlText);
}
