/**
 * GitHub's token formats (personal, OAuth, user-to-server, server-to-server such as GITHUB_TOKEN,
 * refresh, fine-grained personal): what `redactTokens` hides even when it is not the token in use.
 */
const GITHUB_TOKEN_PATTERN = /\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,})/gu;

/** Shorter "tokens" (a test's `x`) would blank out ordinary words: only a real secret's length is searched for. */
const SHORTEST_SECRET = 8;

export const REDACTED = '***';

/**
 * `text` with every GitHub token and every occurrence of `secrets` (the token from the environment,
 * whatever its form) replaced by ***: for anything printed, including an error body that echoes
 * the token back.
 */
export function redactTokens(text: string, secrets: readonly (string | undefined)[] = []): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= SHORTEST_SECRET) redacted = redacted.split(secret).join(REDACTED);
  }
  return redacted.replace(GITHUB_TOKEN_PATTERN, REDACTED);
}
