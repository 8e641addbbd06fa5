import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its plugin arrives as the default export's `default`.
const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default;

/** Annotation keywords the record schemas may carry for English titles, units and enum labels. */
export const ANNOTATION_KEYWORDS = ['x-title-en', 'x-description-en', 'x-unit', 'x-enum-en', 'x-example'];

/** `format: year-month` (YYYY-MM, what the `month` rule gives; Frictionless `yearmonth`): JSON Schema has no such format of its own. */
export const YEAR_MONTH_FORMAT = 'year-month';

export function createAjv(options: { validateSchema?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, ...options });
  addFormats(ajv);
  ajv.addFormat(YEAR_MONTH_FORMAT, /^[0-9]{4}-(0[1-9]|1[0-2])$/u);
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}

const compiled = new Map<string, ValidateFunction>();

/**
 * `createAjv().compile(schema)`, done once per distinct schema (by its JSON text) in a process:
 * compiling is most of what a command costs before it reads a workbook (dataset.schema.json alone
 * takes ~90 ms), and every dataset definition, and validation after it, asks for the same schemas.
 * Throws exactly as compile throws; failures are not remembered.
 */
export function compileOnce(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    const plain = typeof schema === 'object' && schema !== null && !Array.isArray(schema) && typeof (schema as { $schema?: unknown }).$schema !== 'object';
    if (plain) {
      // What compile checks first, the schema against the JSON Schema meta-schemas, is done by one
      // instance kept for the process: compiling the meta-schemas is half the cost of a small schema.
      (metaChecker ??= createAjv()).validateSchema(schema, true);
      validate = createAjv({ validateSchema: false }).compile(schema);
    } else {
      validate = createAjv().compile(schema);
    }
    compiled.set(key, validate);
  }
  return validate;
}

let metaChecker: Ajv2020 | undefined;
