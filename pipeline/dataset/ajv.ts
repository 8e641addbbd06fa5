import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its plugin arrives as the default export's `default`.
const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default;

/** Annotation keywords the record schemas may carry for English titles, units and enum labels. */
export const ANNOTATION_KEYWORDS = ['x-title-en', 'x-description-en', 'x-unit', 'x-enum-en', 'x-example'];

/** `format: year-month` (YYYY-MM, what the `month` rule gives; Frictionless `yearmonth`): JSON Schema has no such format of its own. */
export const YEAR_MONTH_FORMAT = 'year-month';

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addFormat(YEAR_MONTH_FORMAT, /^[0-9]{4}-(0[1-9]|1[0-2])$/u);
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  return ajv;
}
