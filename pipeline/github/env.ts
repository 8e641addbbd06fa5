/** The environment as a plain value, so callers (and tests) pass their own instead of `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, or undefined when it is missing or blank. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
