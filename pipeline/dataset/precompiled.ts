import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { AJV_SETTINGS } from './ajvSettings.ts';

// This file runs from .build/ (compiled in .build/pipeline/dataset/, bundled in .build/bundle/) or,
// with a stale build, from pipeline/dataset/ itself: what `npm run build` precompiles is in .build/.
const here = fileURLToPath(import.meta.url);
const inBuild = here.lastIndexOf(`${path.sep}.build${path.sep}`);
export const BUILD_DIR = inBuild >= 0 ? here.slice(0, inBuild + '/.build'.length) : path.resolve(path.dirname(here), '../../.build');
export const VALIDATORS_DIR = path.join(BUILD_DIR, 'validators');

/**
 * What the build made from `text` under `settings` is named by a hash of both, so an edited
 * file, or other settings, find nothing and are handled as if there were no build.
 */
export function buildKey(settings: string, text: string): string {
  return createHash('sha256').update(settings).update('\n').update(text).digest('hex');
}

/** The key of a schema's JSON text under the ajv settings: its precompiled validator's name. */
export function validatorKey(schemaText: string): string {
  return buildKey(AJV_SETTINGS, schemaText);
}

/** Where `npm run build` writes the standalone validator for a schema's JSON text. */
export function validatorFile(schemaText: string, dir = VALIDATORS_DIR): string {
  return path.join(dir, `${validatorKey(schemaText)}.cjs`);
}

const require = createRequire(import.meta.url);

/** The precompiled validator for this exact schema text, if the build made one. */
export function precompiledValidator(schemaText: string, dir = VALIDATORS_DIR): ValidateFunction | undefined {
  const file = validatorFile(schemaText, dir);
  return existsSync(file) ? (require(file) as ValidateFunction) : undefined;
}
