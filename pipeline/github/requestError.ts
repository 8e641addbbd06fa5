/** Reading the errors Octokit throws, without depending on its error class. */

export interface GitHubErrorShape {
  status: number;
  message: string;
  headers: Readonly<Record<string, string | number | undefined>>;
  data: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The HTTP status and answer of an Octokit request error, or undefined for anything else. */
export function asGitHubError(error: unknown): GitHubErrorShape | undefined {
  if (!(error instanceof Error) || !isObject(error) || typeof error.status !== 'number') return undefined;
  const response = isObject(error.response) ? error.response : {};
  const headers = isObject(response.headers) ? (response.headers as GitHubErrorShape['headers']) : {};
  return { status: error.status, message: error.message, headers, data: response.data };
}

export const statusOf = (error: unknown): number | undefined => asGitHubError(error)?.status;

/** A `422 Validation Failed` whose errors say `already_exists` (a duplicate tag, asset name, …). */
export function isAlreadyExists(error: unknown): boolean {
  const shape = asGitHubError(error);
  if (shape?.status !== 422 || !isObject(shape.data) || !Array.isArray(shape.data.errors)) return false;
  return shape.data.errors.some((e: unknown) => isObject(e) && e.code === 'already_exists');
}

/** Whether the answer is GitHub refusing because of a primary or secondary rate limit. */
export function isRateLimited(shape: GitHubErrorShape): boolean {
  if (shape.status === 429) return true;
  if (shape.status !== 403) return false;
  return (
    String(shape.headers['x-ratelimit-remaining']) === '0' ||
    shape.headers['retry-after'] !== undefined ||
    /rate limit/i.test(shape.message)
  );
}
