import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import { AJV_OPTIONS, ANNOTATION_KEYWORDS, YEAR_MONTH_FORMAT, YEAR_MONTH_PATTERN } from './ajvSettings.ts';
import { precompiledValidator } from './precompiled.ts';
import { safePattern } from './safePattern.ts';

export { ANNOTATION_KEYWORDS, YEAR_MONTH_FORMAT } from './ajvSettings.ts';

// ajv is required when first needed, not imported: a command whose schemas were all precompiled by
// `npm run build` never loads it (its modules and ajv-formats' are a tenth of the start-up).
const require = createRequire(import.meta.url);

export function createAjv(options: { validateSchema?: boolean; code?: { source: boolean } } = {}): Ajv2020 {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as FormatsPlugin;
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...options, code: { ...options.code, regExp: safePattern } });
  addFormats(ajv);
  ajv.addFormat(YEAR_MONTH_FORMAT, YEAR_MONTH_PATTERN);
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}

let metaChecker: Ajv2020 | undefined;

/**
 * The instance `compileWithAjv` compiles `schema` in, after checking the schema against the JSON
 * Schema meta-schemas as compile would (throwing as compile throws). `extra` adds options: `npm run
 * build` asks for the generated source.
 */
export function ajvFor(schema: object, extra: { code?: { source: boolean } } = {}): Ajv2020 {
  const plain = typeof schema === 'object' && schema !== null && !Array.isArray(schema) && typeof (schema as { $schema?: unknown }).$schema !== 'object';
  if (!plain) return createAjv(extra);
  // The meta-schema check is done by one instance kept for the process: compiling the
  // meta-schemas is half the cost of a small schema.
  (metaChecker ??= createAjv()).validateSchema(schema, true);
  return createAjv({ validateSchema: false, ...extra });
}

/** `createAjv().compile(schema)`, cheaper: throws exactly as that throws. */
export function compileWithAjv(schema: object): ValidateFunction {
  return ajvFor(schema).compile(schema);
}

const compiled = new Map<string, ValidateFunction>();

/**
 * The validator for a schema, made once per distinct schema (by its JSON text) in a process: the
 * one `npm run build` generated for this exact text and these settings when there is one (it was
 * generated only after the schema passed the meta-schema check and compiled), otherwise compiled
 * by ajv here (~90 ms for dataset.schema.json). Throws exactly as compile throws; failures are not
 * remembered.
 */
export function compileOnce(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = precompiledValidator(key) ?? compileWithAjv(schema);
    compiled.set(key, validate);
  }
  return validate;
}
