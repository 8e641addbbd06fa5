/**
 * The GitHub Actions expression language (`${{ … }}`), as far as our workflows use it: literals,
 * context paths, `! == != < <= > >= && ||`, parentheses and a few functions. Anything else throws,
 * so a workflow that starts using more fails its test instead of being misread.
 */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
export type Contexts = Record<string, Value>;

export interface JobStatus {
  /** A previous step (or needed job) failed. */
  failed: boolean;
}

type Token = { kind: 'str' | 'num' | 'id' | 'op'; text: string };

const TOKEN = /\s*(?:'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|0x[0-9a-f]+)\b|([A-Za-z_][\w-]*)|(==|!=|<=|>=|&&|\|\||[!<>().,[\]*]))/giy;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`expression: cannot read ${JSON.stringify(source.slice(start))} in ${JSON.stringify(source)}`);
    if (m[1] !== undefined) tokens.push({ kind: 'str', text: m[1].replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'num', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'id', text: m[3] });
    else tokens.push({ kind: 'op', text: m[4]! });
  }
  return tokens;
}

const truthy = (v: Value): boolean => !(v === false || v === null || v === 0 || v === '' || (typeof v === 'number' && Number.isNaN(v)));

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return Number.NaN;
}

export function toText(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** GitHub's loose comparison: strings case-insensitively, mixed types as numbers. */
function compare(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toUpperCase();
    const y = b.toUpperCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (typeof a === 'object' && a !== null) return a === b ? 0 : Number.NaN;
  const x = toNumber(a);
  const y = toNumber(b);
  return x === y ? 0 : x < y ? -1 : x > y ? 1 : Number.NaN;
}

const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled'];

/** Whether an `if:` names a status function (otherwise GitHub prefixes it with `success() &&`). */
export const usesStatusFunction = (condition: string): boolean => STATUS_FUNCTIONS.some((f) => new RegExp(`\\b${f}\\s*\\(`).test(condition));

export function evaluate(source: string, contexts: Contexts, status: JobStatus = { failed: false }): Value {
  const tokens = tokenize(source);
  let i = 0;
  const peek = (text?: string): boolean => tokens[i] !== undefined && (text === undefined || (tokens[i]!.kind === 'op' && tokens[i]!.text === text));
  const expect = (text: string): void => {
    if (!peek(text)) throw new Error(`expression: expected "${text}" in ${JSON.stringify(source)}`);
    i += 1;
  };
  const call = (name: string, args: Value[]): Value => {
    const [a = null, b = null] = args;
    switch (name.toLowerCase()) {
      case 'success': return !status.failed;
      case 'failure': return status.failed;
      case 'always': return true;
      case 'cancelled': return false;
      case 'fromjson': return JSON.parse(toText(a)) as Value;
      case 'tojson': return JSON.stringify(a, null, 2);
      case 'contains': return Array.isArray(a) ? a.some((x) => compare(x, b) === 0) : toText(a).toUpperCase().includes(toText(b).toUpperCase());
      case 'startswith': return toText(a).toUpperCase().startsWith(toText(b).toUpperCase());
      case 'endswith': return toText(a).toUpperCase().endsWith(toText(b).toUpperCase());
      default: throw new Error(`expression: function ${name}() is not supported by the test runner`);
    }
  };
  const primary = (): Value => {
    const token = tokens[i++];
    if (token === undefined) throw new Error(`expression: unexpected end of ${JSON.stringify(source)}`);
    if (token.kind === 'str') return token.text;
    if (token.kind === 'num') return Number(token.text);
    if (token.kind === 'op' && token.text === '(') {
      const value = or();
      expect(')');
      return value;
    }
    if (token.kind !== 'id') throw new Error(`expression: unexpected "${token.text}" in ${JSON.stringify(source)}`);
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    if (token.text === 'null') return null;
    if (peek('(')) {
      i += 1;
      const args: Value[] = [];
      while (!peek(')')) {
        args.push(or());
        if (peek(',')) i += 1;
      }
      expect(')');
      return call(token.text, args);
    }
    if (!Object.hasOwn(contexts, token.text)) throw new Error(`expression: unknown context "${token.text}" in ${JSON.stringify(source)}`);
    let value: Value = contexts[token.text]!;
    for (;;) {
      let key: Value;
      if (peek('.')) {
        i += 1;
        const name = tokens[i++];
        if (name?.kind !== 'id') throw new Error(`expression: expected a property name in ${JSON.stringify(source)}`);
        key = name.text;
      } else if (peek('[')) {
        i += 1;
        key = or();
        expect(']');
      } else return value;
      const record: Value = value;
      value = typeof record === 'object' && record !== null && !Array.isArray(record) ? (record[toText(key)] ?? null) : Array.isArray(record) ? (record[toNumber(key)] ?? null) : null;
    }
  };
  const unary = (): Value => {
    if (peek('!')) {
      i += 1;
      return !truthy(unary());
    }
    return primary();
  };
  const comparison = (): Value => {
    const left = unary();
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) {
      if (!peek(op)) continue;
      i += 1;
      const c = compare(left, unary());
      return op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (peek('&&')) {
      i += 1;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  function or(): Value {
    let left = and();
    while (peek('||')) {
      i += 1;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  }
  const value = or();
  if (i !== tokens.length) throw new Error(`expression: unexpected "${tokens[i]!.text}" in ${JSON.stringify(source)}`);
  return value;
}

/** An `if:` condition, with or without `${{ }}`, with the implicit `success() &&`. */
export function condition(source: string | boolean | undefined, contexts: Contexts, status: JobStatus): boolean {
  if (source === undefined) return !status.failed;
  if (typeof source === 'boolean') return source && !status.failed;
  const inner = source.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const value = truthy(evaluate(inner, contexts, status));
  return usesStatusFunction(inner) ? value : value && !status.failed;
}

/** A string with `${{ expr }}` parts; a whole-string expression keeps its value (e.g. an array). */
export function interpolate(template: unknown, contexts: Contexts, status?: JobStatus): Value {
  if (typeof template !== 'string') return (template ?? null) as Value;
  const whole = /^\$\{\{([\s\S]*?)\}\}$/.exec(template.trim());
  if (whole && !whole[1]!.includes('}}')) return evaluate(whole[1]!, contexts, status);
  return template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => toText(evaluate(expr, contexts, status)));
}

export const interpolateText = (template: unknown, contexts: Contexts, status?: JobStatus): string => toText(interpolate(template, contexts, status));
export { truthy };
