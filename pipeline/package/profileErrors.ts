import type { ErrorObject } from 'ajv';
import { problem, type Problem, type Text } from '../problem/Problem.ts';

export const DESCRIPTOR_PROFILE_CODE = 'descriptor-profile';

const PROFILE_BASE = 'https://datapackage.org/profiles/2.0/';

/** Which of the four profiles a JSON pointer into a package descriptor falls under (the package profile holds the others). */
function profileAt(pointer: string): string {
  const [, top, index, part] = pointer.split('/');
  if (top !== 'resources' || index === undefined) return 'datapackage.json';
  if (part === 'schema') return 'tableschema.json';
  if (part === 'dialect') return 'tabledialect.json';
  return 'dataresource.json';
}

const depth = (error: ErrorObject) => error.instancePath.split('/').length;

/**
 * The errors that say why, without the noise of alternatives: where a `oneOf`/`anyOf` failed (a Table Schema field is one
 * of fifteen field types), only the errors of the alternatives that came nearest are kept (fewest errors, then the
 * deepest: a field whose `type` matched gets further into the value than one whose `type` did not). Inner alternatives
 * are decided first, so an outer one counts what is left of them.
 */
function decisiveErrors(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const combinator of combinators) {
    if (dropped.has(combinator)) continue;
    const prefix = `${combinator.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of errors) {
      if (dropped.has(error) || !error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    if (branches.size === 0) continue;
    const rank = (group: ErrorObject[]) => [group.length, -Math.max(...group.map(depth))] as const;
    const [bestCount, bestDepth] = [...branches.values()].map(rank).sort((a, b) => a[0] - b[0] || a[1] - b[1])[0]!;
    for (const group of branches.values()) {
      const [count, groupDepth] = rank(group);
      if (count !== bestCount || groupDepth !== bestDepth) for (const error of group) dropped.add(error);
    }
    dropped.add(combinator);
  }
  return errors.filter((e) => !dropped.has(e) && e.keyword !== 'if');
}

/** Errors of alternatives that each allow other values at one place (a field's `type`) said once, with every value allowed. */
function mergeEnums(errors: ErrorObject[]): ErrorObject[] {
  const merged = new Map<string, ErrorObject>();
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword !== 'enum' && error.keyword !== 'const') {
      out.push(error);
      continue;
    }
    const allowed = error.keyword === 'enum' ? (error.params.allowedValues as unknown[]) : [error.params.allowedValue];
    const known = merged.get(error.instancePath);
    if (known) {
      const values = known.params.allowedValues as unknown[];
      for (const value of allowed) if (!values.includes(value)) values.push(value);
      continue;
    }
    const enumError: ErrorObject = { ...error, keyword: 'enum', params: { allowedValues: [...allowed] } };
    merged.set(error.instancePath, enumError);
    out.push(enumError);
  }
  return out;
}

function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** What is wrong, in words: the cases a definition can cause are said plainly, anything else as ajv says it. */
function what(error: ErrorObject): Text {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'minItems':
      return { ja: `少なくとも ${String(p.limit)} 個必要です`, en: `needs at least ${String(p.limit)} item(s)` };
    case 'pattern':
      return { ja: `形式が違います（${String(p.pattern)} に合いません）`, en: `does not match ${String(p.pattern)}` };
    case 'required':
      return { ja: `項目「${String(p.missingProperty)}」がありません`, en: `the key "${String(p.missingProperty)}" is missing` };
    case 'type':
      return { ja: `${String(p.type)} でなければなりません`, en: `must be ${String(p.type)}` };
    case 'format':
      return { ja: `${String(p.format)} の形式ではありません`, en: `is not a valid ${String(p.format)}` };
    case 'enum':
      return { ja: `使える値は ${(p.allowedValues as unknown[]).map(String).join(', ')} です`, en: `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}` };
    default:
      return { ja: `条件 ${error.keyword} を満たしません（${error.message ?? ''}）`, en: error.message ?? `fails ${error.keyword}` };
  }
}

/** The key of the definition each top-level key of the descriptor is made from. */
const DEFINITION_KEYS: Record<string, string> = {
  name: 'name',
  title: 'title',
  description: 'description',
  keywords: 'keywords',
  licenses: 'license',
  sources: 'source',
  contributors: 'publisher',
  homepage: 'publisher.url',
};

/** What to correct for a part of the descriptor: the key of the definition (or the record schema) it is made from. */
function fixFor(pointer: string, definition: string): Text {
  const [, top, , part] = pointer.split('/');
  if (top === 'resources' && part === 'schema') {
    return {
      ja: `レコードのスキーマ（*.record.schema.json）の項目と、データセット定義（${definition}）の columns を直してください。`,
      en: `Correct the record schema (*.record.schema.json) or the columns of the dataset definition (${definition}).`,
    };
  }
  const key = top === undefined ? undefined : DEFINITION_KEYS[top];
  if (key !== undefined) return { ja: `データセット定義（${definition}）の ${key} を直してください。`, en: `Correct ${key} in the dataset definition (${definition}).` };
  return {
    ja: `データセット定義（${definition}）を確かめてください。定義が正しければ、パイプラインの不具合として報告してください。`,
    en: `Check the dataset definition (${definition}); if it is right, report this as a pipeline bug.`,
  };
}

/**
 * ajv's errors for a package descriptor as problems: each names the descriptor's file, the JSON pointer that failed and
 * the official profile it failed, and says which key of the definition to correct.
 */
export function describeProfileErrors(errors: ErrorObject[], descriptor: unknown, where: { file: string; definition: string }): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of mergeEnums(decisiveErrors(errors))) {
    const pointer = error.instancePath || '/';
    const profile = profileAt(error.instancePath);
    const wrong = what(error);
    const key = `${pointer} ${wrong.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const value = valueAt(descriptor, error.instancePath);
    problems.push(
      problem(
        DESCRIPTOR_PROFILE_CODE,
        'error',
        { sheet: where.definition, ...(value !== undefined ? { value: JSON.stringify(value) } : {}) },
        {
          ja: `${where.file} の ${pointer} が Data Package v2 の公式プロファイル ${profile} に合いません: ${wrong.ja}。このままでは公開できません。`,
          en: `${where.file} ${pointer} does not meet the official Data Package v2 profile ${PROFILE_BASE}${profile}: ${wrong.en}.`,
        },
        fixFor(error.instancePath, where.definition),
      ),
    );
  }
  return problems;
}
