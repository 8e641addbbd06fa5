/**
 * A local stand-in for the parts of the GitHub REST API the pipeline uses, so tests run
 * Octokit (with its real retry and throttling plugins) against real HTTP.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { status: number; message?: string }
  | { drop: true }
  | {
      rateLimit: 'primary' | 'secondary';
      /** 403 (default, as GitHub mostly answers) or 429. */
      status?: 403 | 429;
      /** Seconds until `x-ratelimit-reset`. Default 1. */
      resetSeconds?: number;
      /** `retry-after` header in seconds; secondary limits default to 1. */
      retryAfter?: number;
    };

export interface RequestMatch {
  method?: string;
  /** Exact path, or a pattern tested against the path (no query). */
  path?: string | RegExp;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  status: number | 'dropped';
}

export interface TokenInfo {
  login?: string;
  type?: 'Bot' | 'User';
  readOnly?: boolean;
}

export interface FakeAsset {
  id: number;
  name: string;
  label: string | null;
  contentType: string;
  state: 'uploaded' | 'starter';
  data: Uint8Array;
}

export interface FakeRelease {
  id: number;
  owner: string;
  repo: string;
  tag: string;
  target: string;
  name: string;
  body: string;
  draft: boolean;
  assets: FakeAsset[];
}

export interface FakeComment {
  id: number;
  owner: string;
  repo: string;
  issue: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
}

export interface FakePull {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  headRef: string;
  /** `owner/name` of the head repository: a fork when it differs from the base. */
  headRepo: string;
  state: 'open' | 'closed';
  /** False makes `GET /commits/{sha}/pulls` leave it out (as GitHub sometimes does for forks). */
  associatedWithCommit: boolean;
}

export interface FakeGitHubOptions {
  /** Accepted tokens. Default: any token, commenting as `github-actions[bot]`, allowed to write. */
  tokens?: Record<string, TokenInfo>;
}

const DOCS = 'https://docs.github.com/rest';
/** What GitHub takes at most, in characters, before answering 422: a release's body, an issue comment's body. */
export const RELEASE_BODY_LIMIT = 125_000;
export const COMMENT_BODY_LIMIT = 65_536;
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function matches(match: RequestMatch | undefined, method: string, path: string): boolean {
  if (match === undefined) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly releases: FakeRelease[] = [];
  readonly commentList: FakeComment[] = [];
  readonly pulls: FakePull[] = [];
  private readonly faults: { remaining: number; fault: Fault; match: RequestMatch | undefined }[] = [];
  private readonly hooks: { match: RequestMatch; action: () => void }[] = [];
  private nextId = 1000;
  private port = 0;
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => {
      json(res, 500, { message: `fake server error: ${String(error)}` });
    });
  });

  private constructor(private readonly options: FakeGitHubOptions) {}

  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The API base URL to give Octokit (`baseUrl`) or the CLI (`GITHUB_API_URL`). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` requests (matching `match`, if given) get `fault` instead of an answer. */
  failNext(count: number, fault: Fault, match?: RequestMatch): void {
    this.faults.push({ remaining: count, fault, match });
  }

  /** Runs `action` once, just before the next matching request is handled (to stage races). */
  beforeNext(match: RequestMatch, action: () => void): void {
    this.hooks.push({ match, action });
  }

  /** How many recorded requests match; `status` narrows to answers with that status. */
  count(method: string, path: string | RegExp, status?: number | 'dropped'): number {
    return this.requests.filter(
      (r) => matches({ method, path }, r.method, r.path) && (status === undefined || r.status === status),
    ).length;
  }

  // ---- state set-up and inspection -------------------------------------------------

  addRelease(owner: string, repo: string, init: { tag: string; name?: string; body?: string; draft?: boolean; target?: string }): FakeRelease {
    const release: FakeRelease = {
      id: this.nextId++,
      owner,
      repo,
      tag: init.tag,
      target: init.target ?? 'main',
      name: init.name ?? init.tag,
      body: init.body ?? '',
      draft: init.draft ?? false,
      assets: [],
    };
    this.releases.push(release);
    return release;
  }

  addAsset(release: FakeRelease, name: string, data: Uint8Array, init: { contentType?: string; state?: 'uploaded' | 'starter' } = {}): FakeAsset {
    const asset: FakeAsset = {
      id: this.nextId++,
      name,
      label: null,
      contentType: init.contentType ?? 'application/octet-stream',
      state: init.state ?? 'uploaded',
      data,
    };
    release.assets.push(asset);
    return asset;
  }

  release(owner: string, repo: string, tag: string): FakeRelease | undefined {
    return this.releases.find((r) => r.owner === owner && r.repo === repo && r.tag === tag);
  }

  addComment(owner: string, repo: string, issue: number, body: string, user: { login?: string; type?: 'Bot' | 'User' } = {}): FakeComment {
    const comment: FakeComment = {
      id: this.nextId++,
      owner,
      repo,
      issue,
      body,
      login: user.login ?? 'octocat',
      type: user.type ?? 'User',
    };
    this.commentList.push(comment);
    return comment;
  }

  /** Deletes a comment, as someone on the pull request's page would. */
  deleteComment(id: number): void {
    const index = this.commentList.findIndex((c) => c.id === id);
    if (index >= 0) this.commentList.splice(index, 1);
  }

  comments(owner: string, repo: string, issue: number): FakeComment[] {
    return this.commentList.filter((c) => c.owner === owner && c.repo === repo && c.issue === issue);
  }

  addPull(owner: string, repo: string, init: Partial<Omit<FakePull, 'owner' | 'repo'>> & { number: number; headSha: string }): FakePull {
    const pull: FakePull = {
      owner,
      repo,
      headRef: `branch-${init.number}`,
      headRepo: `${owner}/${repo}`,
      state: 'open',
      associatedWithCommit: true,
      ...init,
    };
    this.pulls.push(pull);
    return pull;
  }

  // ---- JSON shapes ---------------------------------------------------------------

  private releaseJson(r: FakeRelease): unknown {
    const api = `${this.url}/repos/${r.owner}/${r.repo}`;
    return {
      id: r.id,
      url: `${api}/releases/${r.id}`,
      assets_url: `${api}/releases/${r.id}/assets`,
      upload_url: `${this.url}/uploads/repos/${r.owner}/${r.repo}/releases/${r.id}/assets{?name,label}`,
      html_url: `https://github.com/${r.owner}/${r.repo}/releases/tag/${encodeURIComponent(r.tag)}`,
      tag_name: r.tag,
      target_commitish: r.target,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: false,
      created_at: '2024-01-01T00:00:00Z',
      published_at: r.draft ? null : '2024-01-01T00:00:00Z',
      author: { login: 'github-actions[bot]', type: 'Bot' },
      assets: r.assets.map((a) => this.assetJson(r, a)),
    };
  }

  private assetJson(r: FakeRelease, a: FakeAsset): unknown {
    return {
      id: a.id,
      url: `${this.url}/repos/${r.owner}/${r.repo}/releases/assets/${a.id}`,
      browser_download_url: `https://github.com/${r.owner}/${r.repo}/releases/download/${r.tag}/${a.name}`,
      name: a.name,
      label: a.label,
      state: a.state,
      content_type: a.contentType,
      size: a.data.byteLength,
      download_count: 0,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    };
  }

  private commentJson(c: FakeComment): unknown {
    return {
      id: c.id,
      url: `${this.url}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
      html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${c.owner}/${c.repo}/issues/${c.issue}`,
      body: c.body,
      user: { login: c.login, type: c.type },
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    };
  }

  private pullJson(p: FakePull): unknown {
    return {
      number: p.number,
      state: p.state,
      html_url: `https://github.com/${p.owner}/${p.repo}/pull/${p.number}`,
      head: { sha: p.headSha, ref: p.headRef, repo: { full_name: p.headRepo } },
      base: { ref: 'main', sha: 'b'.repeat(40), repo: { full_name: `${p.owner}/${p.repo}` } },
    };
  }

  // ---- request handling ----------------------------------------------------------

  /** Answers one page of `items` with GitHub's `per_page`/`page` and a real `Link` header. */
  private page(res: ServerResponse, url: URL, items: unknown[]): number {
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number, rel: string): string => {
      const target = new URL(url.pathname, this.url);
      for (const [k, v] of url.searchParams) target.searchParams.set(k, v);
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(n));
      return `<${target.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    json(res, 200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
    return 200;
  }

  private applyFault(res: ServerResponse, fault: Fault): number | 'dropped' {
    if ('drop' in fault) {
      res.socket?.destroy();
      return 'dropped';
    }
    if ('rateLimit' in fault) {
      const status = fault.status ?? 403;
      const now = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-used': fault.rateLimit === 'primary' ? '5000' : '120',
        'x-ratelimit-remaining': fault.rateLimit === 'primary' ? '0' : '4880',
        'x-ratelimit-reset': String(now + (fault.resetSeconds ?? 1)),
        'x-ratelimit-resource': 'core',
      };
      const retryAfter = fault.retryAfter ?? (fault.rateLimit === 'secondary' ? 1 : undefined);
      if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
      const message =
        fault.rateLimit === 'primary'
          ? 'API rate limit exceeded for installation ID 1.'
          : 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
      json(res, status, { message, documentation_url: DOCS }, headers);
      return status;
    }
    json(res, fault.status, { message: fault.message ?? 'Server Error' });
    return fault.status;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.url);
    const record = (status: number | 'dropped'): void => {
      this.requests.push({ method, path: url.pathname, query: url.search, status });
    };

    const faultIndex = this.faults.findIndex((f) => f.remaining > 0 && matches(f.match, method, url.pathname));
    const fault = this.faults[faultIndex];
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining === 0) this.faults.splice(faultIndex, 1);
      record(this.applyFault(res, fault.fault));
      return;
    }

    const body = await readBody(req);
    const hookIndex = this.hooks.findIndex((h) => matches(h.match, method, url.pathname));
    const hook = this.hooks[hookIndex];
    if (hook) {
      this.hooks.splice(hookIndex, 1);
      hook.action();
    }

    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const token = auth?.[1];
    const info: TokenInfo | undefined =
      token === undefined ? undefined : this.options.tokens ? this.options.tokens[token] : {};
    if (info === undefined) {
      json(res, 401, { message: 'Bad credentials', documentation_url: DOCS });
      record(401);
      return;
    }
    if (info.readOnly && method !== 'GET' && method !== 'HEAD') {
      json(res, 403, { message: 'Resource not accessible by integration', documentation_url: DOCS });
      record(403);
      return;
    }
    record(this.route(method, url, body, info, res));
  }

  private notFound(res: ServerResponse): number {
    json(res, 404, { message: 'Not Found', documentation_url: DOCS });
    return 404;
  }

  private validationFailed(res: ServerResponse, resource: string, field: string): number {
    json(res, 422, {
      message: 'Validation Failed',
      errors: [{ resource, code: 'already_exists', field }],
      documentation_url: DOCS,
    });
    return 422;
  }

  /** GitHub's 422 for a body over its limit (`custom` code, message naming the maximum). */
  private tooLong(res: ServerResponse, resource: string, body: unknown, limit: number): number | undefined {
    if (typeof body !== 'string' || body.length <= limit) return undefined;
    json(res, 422, {
      message: 'Validation Failed',
      errors: [{ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${limit} characters)` }],
      documentation_url: DOCS,
    });
    return 422;
  }

  private route(method: string, url: URL, raw: Buffer, who: TokenInfo, res: ServerResponse): number {
    const path = url.pathname;
    const parseJson = (): Record<string, unknown> => (raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {});
    let m: RegExpExecArray | null;

    // Releases
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/releases\/tags\/(.+)$/.exec(path)) && method === 'GET') {
      const [, owner = '', repo = '', tag = ''] = m;
      const release = this.release(owner, repo, decodeURIComponent(tag));
      if (!release || release.draft) return this.notFound(res);
      json(res, 200, this.releaseJson(release));
      return 200;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/releases$/.exec(path)) && method === 'POST') {
      const [, owner = '', repo = ''] = m;
      const input = parseJson();
      const tag = String(input.tag_name ?? '');
      const refused = this.tooLong(res, 'Release', input.body, RELEASE_BODY_LIMIT);
      if (refused !== undefined) return refused;
      if (this.release(owner, repo, tag)) return this.validationFailed(res, 'Release', 'tag_name');
      const release = this.addRelease(owner, repo, {
        tag,
        name: String(input.name ?? tag),
        body: String(input.body ?? ''),
        draft: input.draft === true,
        ...(typeof input.target_commitish === 'string' ? { target: input.target_commitish } : {}),
      });
      json(res, 201, this.releaseJson(release));
      return 201;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/releases\/(\d+)(\/assets)?$/.exec(path)) && method === 'GET') {
      const [, owner, repo, id, assets] = m;
      const release = this.releases.find((r) => r.owner === owner && r.repo === repo && r.id === Number(id));
      if (!release) return this.notFound(res);
      if (assets) return this.page(res, url, release.assets.map((a) => this.assetJson(release, a)));
      json(res, 200, this.releaseJson(release));
      return 200;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/releases\/assets\/(\d+)$/.exec(path)) && method === 'DELETE') {
      const [, owner, repo, id] = m;
      for (const release of this.releases.filter((r) => r.owner === owner && r.repo === repo)) {
        const index = release.assets.findIndex((a) => a.id === Number(id));
        if (index >= 0) {
          release.assets.splice(index, 1);
          res.writeHead(204).end();
          return 204;
        }
      }
      return this.notFound(res);
    }
    if ((m = /^\/uploads\/repos\/([^/]+)\/([^/]+)\/releases\/(\d+)\/assets$/.exec(path)) && method === 'POST') {
      const [, owner, repo, id] = m;
      const release = this.releases.find((r) => r.owner === owner && r.repo === repo && r.id === Number(id));
      if (!release) return this.notFound(res);
      const name = url.searchParams.get('name');
      if (!name) {
        json(res, 422, { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code: 'missing', field: 'name' }] });
        return 422;
      }
      if (release.assets.some((a) => a.name === name)) return this.validationFailed(res, 'ReleaseAsset', 'name');
      const asset = this.addAsset(release, name, new Uint8Array(raw), {
        contentType: String(res.req.headers['content-type'] ?? 'application/octet-stream'),
      });
      json(res, 201, this.assetJson(release, asset));
      return 201;
    }

    // Issue comments
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path))) {
      const [, owner = '', repo = '', issue] = m;
      if (method === 'GET') return this.page(res, url, this.comments(owner, repo, Number(issue)).map((c) => this.commentJson(c)));
      if (method === 'POST') {
        const input = parseJson();
        const refused = this.tooLong(res, 'IssueComment', input.body, COMMENT_BODY_LIMIT);
        if (refused !== undefined) return refused;
        const comment = this.addComment(owner, repo, Number(issue), String(input.body ?? ''), {
          login: who.login ?? 'github-actions[bot]',
          type: who.type ?? 'Bot',
        });
        json(res, 201, this.commentJson(comment));
        return 201;
      }
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const [, owner, repo, id] = m;
      const comment = this.commentList.find((c) => c.owner === owner && c.repo === repo && c.id === Number(id));
      if (!comment) return this.notFound(res);
      const input = parseJson();
      const refused = this.tooLong(res, 'IssueComment', input.body, COMMENT_BODY_LIMIT);
      if (refused !== undefined) return refused;
      comment.body = String(input.body ?? '');
      json(res, 200, this.commentJson(comment));
      return 200;
    }

    // Pull requests
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/.exec(path)) && method === 'GET') {
      const [, owner, repo, sha] = m;
      const found = this.pulls.filter((p) => p.owner === owner && p.repo === repo && p.headSha === sha && p.associatedWithCommit);
      return this.page(res, url, found.map((p) => this.pullJson(p)));
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(path)) && method === 'GET') {
      const [, owner, repo] = m;
      const state = url.searchParams.get('state') ?? 'open';
      const found = this.pulls.filter((p) => p.owner === owner && p.repo === repo && (state === 'all' || p.state === state));
      return this.page(res, url, found.map((p) => this.pullJson(p)));
    }

    return this.notFound(res);
  }
}

export const startFakeGitHub = (options?: FakeGitHubOptions): Promise<FakeGitHub> => FakeGitHub.start(options);
