import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SAFE_PATTERN_CODE } from './safePattern.ts';

// What the ajv instances are made with, apart from ajv itself: kept here so that a precompiled
// validator's key (precompiled.ts) can be computed without loading ajv.

/** Annotation keywords the record schemas may carry for English titles, units and enum labels. */
export const ANNOTATION_KEYWORDS = ['x-title-en', 'x-description-en', 'x-unit', 'x-enum-en', 'x-example'];

/** `format: year-month` (YYYY-MM, what the `month` rule gives; Frictionless `yearmonth`): JSON Schema has no such format of its own. */
export const YEAR_MONTH_FORMAT = 'year-month';
export const YEAR_MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/u;

export const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;

const require = createRequire(import.meta.url);
const installed = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
// re2js's exports map hides its package.json from require: read it next to its entry point (build/index.cjs).
const re2jsVersion = () =>
  (JSON.parse(readFileSync(path.join(path.dirname(require.resolve('re2js')), '../package.json'), 'utf8')) as { version: string }).version;

/**
 * Everything besides a schema's own text that shapes the code ajv generates for it (ajv-formats' full
 * formats are added too), with the installed versions: after an upgrade the old precompiled code is not used.
 */
export const AJV_SETTINGS = JSON.stringify({
  ajv: installed('ajv'),
  ajvFormats: installed('ajv-formats'),
  options: AJV_OPTIONS,
  formats: 'ajv-formats full',
  yearMonth: YEAR_MONTH_PATTERN.source,
  annotations: ANNOTATION_KEYWORDS,
  patterns: { re2js: re2jsVersion(), code: SAFE_PATTERN_CODE },
});
