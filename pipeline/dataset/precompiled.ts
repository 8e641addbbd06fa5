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
 * Where the build keeps what it made from `text` under `settings`: named by a hash of both, so
 * an edited file, or other settings, find nothing and are handled as if there were no build.
 */
export function keyedFile(dir: string, settings: string, text: string, extension: string): string {
  const hash = createHash('sha256').update(settings).update('\n').update(text).digest('hex');
  return path.join(dir, hash + extension);
}

/** Where `npm run build` writes the standalone validator for a schema's JSON text. */
export function validatorFile(schemaText: string, dir = VALIDATORS_DIR): string {
  return keyedFile(dir, AJV_SETTINGS, schemaText, '.cjs');
}

const require = createRequire(import.meta.url);

/** The precompiled validator for this exact schema text, if the build made one. */
export function precompiledValidator(schemaText: string, dir = VALIDATORS_DIR): ValidateFunction | undefined {
  const file = validatorFile(schemaText, dir);
  return existsSync(file) ? (require(file) as ValidateFunction) : undefined;
}
