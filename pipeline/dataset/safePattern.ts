import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

// ajv's `code.regExp` for every schema: `pattern`s (and `patternProperties`) run on re2js, whose
// time is linear in the text, never on the backtracking RegExp, where `^([0-9]+-?)+$` and one
// mistyped 40-character cell never finish. A pattern RE2 cannot run (backreferences, lookahead,
// lookbehind) makes compiling the schema throw, so the definition is refused when it is loaded.
//
// The JavaScript pattern is first translated by re2js's own translateRegExp (`\u3042`, `\u{20BB7}`,
// `\cA` into RE2 syntax). `\s` and `\S` are refused: RE2's `\s` is ASCII only, so `^\S+$` would let a
// full-width space (U+3000) through where JSON Schema's (ECMAScript's) refuses it. Known and accepted:
// RE2's `.` also matches `\r`, which ECMAScript's `.` does not.

const require = createRequire(import.meta.url);

/**
 * The same engine as source text, which the precompiled (standalone) validators hold instead of a
 * reference: they live in .build/validators/ and find re2js in the project's node_modules.
 */
export const SAFE_PATTERN_CODE =
  '((pattern) => { const { RE2JS } = require("re2js"); return RE2JS.compile(RE2JS.translateRegExp(pattern)); })';

/** A pattern a safe engine refuses, with what to write instead: the message of a definition error. */
export class UnsafePatternError extends Error {
  constructor(
    readonly ja: string,
    en: string,
  ) {
    super(en);
    this.name = 'UnsafePatternError';
  }
}

function usesPerlSpace(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i += pattern[i] === '\\' ? 2 : 1) {
    if (pattern[i] === '\\' && (pattern[i + 1] === 's' || pattern[i + 1] === 'S')) return true;
  }
  return false;
}

function compileSafely(pattern: string): RE2JS {
  if (usesPerlSpace(pattern)) {
    throw new UnsafePatternError(
      `pattern「${pattern}」の \\s・\\S は使えません。空白は [ 　\\t] のように、使う文字を並べて書いてください（全角スペースも含めるため）。`,
      `pattern "${pattern}": \\s and \\S cannot be used (the safe engine's \\s misses the full-width space U+3000); list the spaces you mean, e.g. [ 　\\t].`,
    );
  }
  const { RE2JS } = require('re2js') as typeof import('re2js');
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    throw new UnsafePatternError(
      `pattern「${pattern}」は安全な正規表現として使えません（後方参照 \\1・先読み (?=…)・後読み (?<=…) は使えません）: ${(error as Error).message}`,
      `pattern "${pattern}" cannot run on the linear-time engine (no backreferences, lookahead or lookbehind): ${(error as Error).message}`,
    );
  }
}

/** ajv's RegExpEngine: called with each pattern when a schema compiles; `code` is for standalone modules. */
export const safePattern = Object.assign((pattern: string) => compileSafely(pattern), { code: SAFE_PATTERN_CODE });
