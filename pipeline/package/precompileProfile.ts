import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createProfileAjv, PACKAGE_PROFILE_FILE, profileValidatorFile } from './profileAjv.ts';

const require = createRequire(import.meta.url);

/**
 * `npm run build`: the official package profile as an ajv standalone module in `dir`, so that building a package loads
 * it instead of compiling the 160 kB profile. Returns the file written; throws where compiling would.
 */
export function precompileProfile(dir: string): string {
  const standaloneCode = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js').default;
  const text = readFileSync(PACKAGE_PROFILE_FILE, 'utf8');
  const ajv = createProfileAjv({ code: { source: true } });
  const file = profileValidatorFile(text, dir);
  writeFileSync(file, standaloneCode(ajv, ajv.compile(JSON.parse(text) as object)));
  return file;
}
