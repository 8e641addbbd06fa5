import { describe, expect, it } from 'vitest';
import { readGitHubContext } from '../../pipeline/github/context.ts';
import { tokenFromEnv } from '../../pipeline/github/client.ts';

const ENV = {
  GITHUB_REPOSITORY: 'city/opendata',
  GITHUB_EVENT_PATH: '/tmp/event.json',
  GITHUB_SHA: 'c'.repeat(40),
  GITHUB_TOKEN: 'secret-value',
};

describe('tokenFromEnv', () => {
  it('returns the token', () => {
    expect(tokenFromEnv({ GITHUB_TOKEN: ' abc ' }, 'publish')).toEqual({ ok: true, value: 'abc' });
  });

  it('names contents: write when publishing without a token', () => {
    const result = tokenFromEnv({}, 'publish');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ code: 'github-token-missing', severity: 'error' });
    expect(result.problem.message.en).toContain('`contents: write`');
    expect(result.problem.message.ja).toContain('`contents: write`');
    expect(result.problem.fix?.en).toContain('secrets.GITHUB_TOKEN');
  });

  it('names pull-requests: write when commenting with a blank token', () => {
    const result = tokenFromEnv({ GITHUB_TOKEN: '  ' }, 'comment');
    expect(!result.ok && result.problem.message.en).toContain('`pull-requests: write`');
  });
});

describe('readGitHubContext', () => {
  it('reads the repository, API and server URLs, commit, event path and token from the given env only', () => {
    const result = readGitHubContext({ ...ENV, GITHUB_API_URL: 'https://ghe.example/api/v3/', GITHUB_SERVER_URL: 'https://ghe.example/' }, 'comment', true);
    expect(result).toEqual({
      ok: true,
      value: {
        owner: 'city',
        repo: 'opendata',
        apiUrl: 'https://ghe.example/api/v3',
        serverUrl: 'https://ghe.example',
        sha: ENV.GITHUB_SHA,
        eventPath: ENV.GITHUB_EVENT_PATH,
        token: 'secret-value',
      },
    });
  });

  it('defaults the API URL to api.github.com and the server URL to github.com', () => {
    const result = readGitHubContext(ENV, 'publish');
    expect(result.ok && result.value.apiUrl).toBe('https://api.github.com');
    expect(result.ok && result.value.serverUrl).toBe('https://github.com');
  });

  it('lists every missing variable in both languages', () => {
    const result = readGitHubContext({ GITHUB_TOKEN: 'x' }, 'comment', true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.message.en).toContain('GITHUB_REPOSITORY, GITHUB_EVENT_PATH');
    expect(result.problem.message.ja).toContain('GITHUB_REPOSITORY, GITHUB_EVENT_PATH');
  });

  it('rejects a malformed GITHUB_REPOSITORY', () => {
    const result = readGitHubContext({ ...ENV, GITHUB_REPOSITORY: 'just-a-name' }, 'publish');
    expect(!result.ok && result.problem.code).toBe('github-repository-invalid');
  });

  it('reports a missing token with the permission the purpose needs', () => {
    const { GITHUB_TOKEN: _, ...noToken } = ENV;
    const result = readGitHubContext(noToken, 'publish');
    expect(!result.ok && result.problem.message.en).toContain('contents: write');
  });
});
