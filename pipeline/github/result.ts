import type { Problem } from '../problem/Problem.ts';

/** What a GitHub step returns instead of throwing: a value, or one bilingual problem. */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = <T = never>(problem: Problem): Result<T> => ({ ok: false, problem });
