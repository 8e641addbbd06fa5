import type { Octokit } from '@octokit/rest';
import { commentBody, markerLine } from './commentBody.ts';

export interface UpsertCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Identifies the comment across runs, e.g. `opendata-report` → `<!-- opendata-report -->`. */
  marker: string;
  body: string;
  /** Login whose marked comment is preferred; other bots' marked comments are the fallback. Default `github-actions[bot]`. */
  author?: string;
}

export interface UpsertCommentResult {
  id: number;
  action: 'created' | 'updated' | 'unchanged';
  htmlUrl: string;
}

/** The login the workflow token (`GITHUB_TOKEN`) comments as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * Keeps exactly one pipeline comment per pull request: finds the comment that carries
 * the marker (among all pages) and edits it in place, or creates it once.
 */
export async function upsertComment(octokit: Octokit, options: UpsertCommentOptions): Promise<UpsertCommentResult> {
  const { owner, repo, issueNumber } = options;
  const author = options.author ?? ACTIONS_BOT_LOGIN;
  const line = markerLine(options.marker);
  const body = commentBody(options.marker, options.body);

  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const marked = comments.filter((c) => (c.body ?? '').includes(line));
  // Never a person's comment that merely quotes the marker: only the bot's own, else another bot's.
  const mine = marked.find((c) => c.user?.login === author) ?? marked.find((c) => c.user?.type === 'Bot');

  if (mine === undefined) {
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { id: data.id, action: 'created', htmlUrl: data.html_url };
  }
  if (mine.body === body) return { id: mine.id, action: 'unchanged', htmlUrl: mine.html_url };
  const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
  return { id: data.id, action: 'updated', htmlUrl: data.html_url };
}
