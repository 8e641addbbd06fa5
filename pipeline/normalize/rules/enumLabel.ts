import type { FieldSchema } from '../../dataset/DatasetDefinition.ts';
import type { RuleResult } from './RuleResult.ts';

export const ENUM_ENGLISH_RULE = 'enum/english-label';

/**
 * An allowed value is kept as is; its English label (the schema's `x-enum-en`) becomes the value.
 * Anything else is left for the schema check to report with the list of allowed values.
 */
export function matchEnum(text: string, schema: FieldSchema | undefined): RuleResult<string> {
  const allowed = (schema?.enum ?? []).map(String);
  if (allowed.includes(text)) return { value: text, changes: [], findings: [] };
  const english = schema?.['x-enum-en'] ?? {};
  const match = Object.keys(english).find((value) => english[value]?.toLowerCase() === text.toLowerCase());
  if (match) return { value: match, changes: [{ rule: ENUM_ENGLISH_RULE, before: text, after: match }], findings: [] };
  return { value: text, changes: [], findings: [] };
}
