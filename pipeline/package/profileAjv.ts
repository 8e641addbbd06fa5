import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { AJV_SETTINGS } from '../dataset/ajvSettings.ts';
import { BUILD_DIR, buildKey, VALIDATORS_DIR } from '../dataset/precompiled.ts';

/** The official Data Package v2 profiles, vendored (schema/vendor/datapackage-v2/README.md says from where). */
export const PROFILE_DIR = path.join(path.dirname(BUILD_DIR), 'schema', 'vendor', 'datapackage-v2');
/** The package profile, which holds the resource, dialect and table schema profiles verbatim. */
export const PACKAGE_PROFILE_FILE = path.join(PROFILE_DIR, 'datapackage.json');

// The profiles are draft-07, written for any validator rather than for ajv's strict mode: they leave `type` out beside
// `properties` and carry keywords of their own that check nothing (editor hints; `item`, upstream's typo for `items`).
// Any other unknown keyword still fails compiling, so a newer profile cannot be half-applied without a word.
const PROFILE_OPTIONS = { allErrors: true, strictTypes: false, strictTuples: false, strictRequired: false } as const;
const PROFILE_ANNOTATIONS = ['propertyOrder', 'context', 'options', 'notes', 'item'];
/** An editor hint the profiles give as a `format`, not a format to check. */
const HINT_FORMATS = ['textarea'];

const PROFILE_SETTINGS = `${AJV_SETTINGS}\n${JSON.stringify({ draft: '07', options: PROFILE_OPTIONS, annotations: PROFILE_ANNOTATIONS, hints: HINT_FORMATS })}`;

/** Where `npm run build` writes the standalone validator for a profile's text (named as precompiled.ts names them). */
export function profileValidatorFile(profileText: string, dir = VALIDATORS_DIR): string {
  return path.join(dir, `profile-${buildKey(PROFILE_SETTINGS, profileText)}.cjs`);
}

const require = createRequire(import.meta.url);

/** A draft-07 ajv for the profiles, with the formats they check (`date-time`, `uri`, `email`). */
export function createProfileAjv(extra: { code?: { source: boolean } } = {}): Ajv {
  const { Ajv: Draft07 } = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new Draft07({ ...PROFILE_OPTIONS, ...extra });
  addFormats(ajv);
  for (const hint of HINT_FORMATS) ajv.addFormat(hint, true);
  ajv.addVocabulary(PROFILE_ANNOTATIONS);
  return ajv;
}
