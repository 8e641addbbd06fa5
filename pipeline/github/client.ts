import { randomUUID } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export { tokenFromEnv } from './token.ts';

const GitHubOctokit = Octokit.plugin(retry, throttling);

/** An Octokit with the REST methods, retries on server errors and waits on rate limits. */
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export interface GitHubClientOptions {
  /** Passed by the caller (read from `GITHUB_TOKEN` with `tokenFromEnv`); never logged. */
  token?: string;
  /** `GITHUB_API_URL`; defaults to https://api.github.com. */
  baseUrl?: string;
  /** Longest rate-limit wait accepted, in seconds; a longer one gives up at once. Default 120. */
  maxRetryAfterSeconds?: number;
  /** Retries on 5xx answers and dropped connections. Default 3. */
  retries?: number;
  /** Waits on rate-limit answers (403/429) before giving up. Default 2. */
  rateLimitRetries?: number;
  /**
   * Milliseconds per unit of back-off (retry n waits n² units; a rate-limit wait of s
   * seconds waits s units). Default 1000; tests pass a few ms.
   */
  retryBaseMs?: number;
  /** Where waits and give-ups are reported (never with the token). Default: silent. */
  log?: (message: string) => void;
}

export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 120;
export const DEFAULT_RETRIES = 3;
export const DEFAULT_RATE_LIMIT_RETRIES = 2;

/** Plugin-retry leaves these to the caller; 429 is left to the throttling plugin, which honours its headers. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

interface LimitedRequest {
  method?: string;
  url?: string;
}

export function createGitHubClient(options: GitHubClientOptions = {}): GitHubClient {
  const log = options.log ?? (() => {});
  const maxWait = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS;
  const maxWaits = options.rateLimitRetries ?? DEFAULT_RATE_LIMIT_RETRIES;
  const baseMs = options.retryBaseMs ?? 1000;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: LimitedRequest, _octokit: unknown, retryCount: number): boolean => {
      const what = `${request.method ?? 'GET'} ${request.url ?? ''}`.trim();
      if (retryCount >= maxWaits) {
        log(`GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} wait(s).`);
        return false;
      }
      if (retryAfter > maxWait) {
        log(`GitHub ${kind} rate limit on ${what}: reset in ${retryAfter} s is longer than ${maxWait} s; giving up.`);
        return false;
      }
      log(`GitHub ${kind} rate limit on ${what}: waiting ${retryAfter} s (wait ${retryCount + 1} of ${maxWaits}).`);
      return true;
    };

  return new GitHubOctokit({
    ...(options.token !== undefined ? { auth: options.token } : {}),
    ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
    userAgent: 'opendata-pipeline',
    // Failed requests are reported by the caller (describeGitHubError), not by the request log.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => log(m), error: () => {} },
    retry: {
      retries: options.retries ?? DEFAULT_RETRIES,
      retryAfterBaseValue: baseMs,
      doNotRetry: DO_NOT_RETRY,
    },
    throttle: {
      // One id per client: the plugin's write spacing is shared process-wide per id.
      id: randomUUID(),
      retryAfterBaseValue: baseMs,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
  });
}
