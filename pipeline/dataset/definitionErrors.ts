import type { ErrorObject } from 'ajv';
import type { Text } from '../problem/Problem.ts';

/**
 * ajv's errors for a dataset definition, as one plain sentence each: the column named by its label,
 * an unknown rule or key named with what is allowed, and no second error that only says a wrapping
 * `if/then` failed when a specific one already says why.
 */
export function describeDefinitionErrors(errors: ErrorObject[], definition: unknown): Text[] {
  const specific = errors.filter((e) => e.keyword !== 'if');
  const chosen = specific.length > 0 ? specific : errors;
  const seen = new Set<string>();
  const texts: Text[] = [];
  for (const error of chosen) {
    const text = describe(error, definition);
    if (seen.has(text.en)) continue;
    seen.add(text.en);
    texts.push(text);
  }
  return texts;
}

function describe(error: ErrorObject, definition: unknown): Text {
  const where = whereOf(error.instancePath, definition);
  const value = valueAt(definition, error.instancePath);
  switch (error.keyword) {
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String).join(', ');
      return {
        ja: `${where.ja}「${String(value)}」は使えません。使えるのは ${allowed} です。`,
        en: `${where.en}: "${String(value)}" is not allowed; use one of ${allowed}.`,
      };
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      return { ja: `${where.ja}に知らない項目「${key}」があります（書き間違いではありませんか）。`, en: `${where.en}: unknown key "${key}" (a typo?).` };
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      return { ja: `${where.ja}に必要な項目「${key}」がありません。`, en: `${where.en}: the key "${key}" is required.` };
    }
    default:
      return { ja: `${where.ja}: ${error.message ?? error.keyword}`, en: `${where.en}: ${error.message ?? error.keyword}` };
  }
}

/** `/columns/8/rule` → 列「取組状況」の rule (columns[8]); `/publisher` → publisher. */
function whereOf(pointer: string, definition: unknown): Text {
  const parts = pointer.split('/').slice(1);
  if (parts.length === 0) return { ja: 'データセット定義', en: 'The dataset definition' };
  if (parts[0] === 'columns' && parts[1] !== undefined) {
    const label = valueAt(definition, `/columns/${parts[1]}/label`);
    const rest = parts.slice(2).join('.');
    const column = typeof label === 'string' ? `列「${label}」` : `columns[${parts[1]}]`;
    const columnEn = typeof label === 'string' ? `Column ${label} (columns[${parts[1]}])` : `columns[${parts[1]}]`;
    return rest ? { ja: `${column}の ${rest}`, en: `${columnEn} ${rest}` } : { ja: column, en: columnEn };
  }
  const path = parts.join('.');
  return { ja: path, en: path };
}

function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const part of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
