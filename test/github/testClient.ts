import { type GitHubClient, type GitHubClientOptions, createGitHubClient } from '../../pipeline/github/client.ts';
import type { FakeGitHub } from './fakeGitHub.ts';

export const TOKEN = 'test-token-not-a-secret';

/** A real client pointed at the fake server, with back-off shortened to milliseconds. */
export function testClient(fake: FakeGitHub, options: GitHubClientOptions = {}): GitHubClient {
  return createGitHubClient({ token: TOKEN, baseUrl: fake.url, retryBaseMs: 5, ...options });
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
