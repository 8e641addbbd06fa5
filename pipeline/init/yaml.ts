import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';

/** Comments to write into the YAML: at the end of a key's line, or as lines before it. Keyed by path (`columns[2].field`). */
export interface YamlComments {
  trailing: Map<string, string>;
  before: Map<string, string[]>;
}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value | undefined };

const isScalar = (v: unknown): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A string as a plain YAML scalar when that reads back as the same string, otherwise double-quoted. */
export function scalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  const plainable = value !== '' && !/^[\s\-?:,[\]{}#&*!|>'"%@`]|\s$|\n| #|: /u.test(value);
  if (plainable) {
    try {
      const back: unknown = parse(`[${value}]`);
      if (Array.isArray(back) && back.length === 1 && back[0] === value) return value;
    } catch {
      // not plain
    }
  }
  return JSON.stringify(value);
}

function commentedBelow(path: string, comments: YamlComments): boolean {
  const inside = (key: string) => key.startsWith(`${path}.`) || key.startsWith(`${path}[`);
  return [...comments.trailing.keys(), ...comments.before.keys()].some(inside);
}

/** Written on one line: scalars, lists of scalars, and small maps of those with no comment inside. */
function inline(value: Value | undefined, path: string, comments: YamlComments): string | undefined {
  if (value === undefined) return undefined;
  if (isScalar(value)) return scalar(value);
  if (commentedBelow(path, comments)) return undefined;
  if (Array.isArray(value)) return value.every(isScalar) ? `[${value.map((v) => scalar(v as string)).join(', ')}]` : undefined;
  const parts: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const text = isScalar(v) ? scalar(v) : Array.isArray(v) && v.every(isScalar) ? `[${v.map((x) => scalar(x as string)).join(', ')}]` : undefined;
    if (text === undefined) return undefined;
    parts.push(`${key}: ${text}`);
  }
  const line = `{ ${parts.join(', ')} }`;
  return line.length <= 110 ? line : undefined;
}

function emitMap(map: { [key: string]: Value | undefined }, indent: string, path: string, comments: YamlComments, out: string[], firstPrefix?: string): void {
  let first = true;
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    const at = path ? `${path}.${key}` : key;
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    for (const line of comments.before.get(at) ?? []) out.push(`${indent}# ${line}`);
    const trail = comments.trailing.has(at) ? `  # ${comments.trailing.get(at)}` : '';
    const text = inline(value, at, comments);
    if (text !== undefined) out.push(`${lead}${key}: ${text}${trail}`);
    else if (Array.isArray(value)) {
      out.push(`${lead}${key}:${trail}`);
      value.forEach((item, i) => {
        const itemPath = `${at}[${i}]`;
        const itemTrail = comments.trailing.has(itemPath) ? `  # ${comments.trailing.get(itemPath)}` : '';
        const itemText = inline(item, itemPath, comments);
        if (itemText !== undefined) out.push(`${indent}  - ${itemText}${itemTrail}`);
        else {
          const start = out.length;
          emitMap(item as { [key: string]: Value }, `${indent}    `, itemPath, comments, out, `${indent}  - `);
          if (itemTrail) out[start] += itemTrail;
        }
      });
    } else {
      out.push(`${lead}${key}:${trail}`);
      emitMap(value as { [key: string]: Value }, `${indent}  `, at, comments, out);
    }
    first = false;
  }
}

/**
 * A small YAML writer for dataset definitions: block maps, one-line lists and small maps, comments
 * where a person reviewing the draft needs them. It reads its own output back and throws if that
 * is not the value it was given, so a draft never says something other than what was meant.
 */
export function toYaml(value: { [key: string]: Value | undefined }, comments: YamlComments, header: string[] = []): string {
  const out = header.map((line) => (line === '' ? '' : `# ${line}`));
  if (out.length > 0) out.push('');
  emitMap(value, '', '', comments, out);
  const text = `${out.join('\n')}\n`;
  const defined = JSON.parse(JSON.stringify(value)) as unknown;
  if (!isDeepStrictEqual(parse(text), defined)) throw new Error('toYaml: the YAML written does not read back as the value given');
  return text;
}
