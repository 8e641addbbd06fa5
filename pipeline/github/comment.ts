import type { Octokit } from '@octokit/rest';
import { commentBody, markerLine } from './commentBody.ts';
import { statusOf } from './requestError.ts';

export interface UpsertCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Identifies the comment across runs, e.g. `opendata-report` → `<!-- opendata-report -->`. */
  marker: string;
  body: string;
  /** Login the token comments as: only a marked comment of this author is edited. Default `github-actions[bot]`. */
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
 * the marker (among all pages) and that this workflow's bot wrote, and edits it in place,
 * or creates it once. A comment deleted between the listing and the edit is created anew.
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
  // Never a comment that merely quotes the marker, by a person or by another bot or app: only our own.
  const mine = comments.find((c) => c.user?.login === author && (c.body ?? '').includes(line));
  const create = async (): Promise<UpsertCommentResult> => {
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { id: data.id, action: 'created', htmlUrl: data.html_url };
  };

  if (mine === undefined) return create();
  if (mine.body === body) return { id: mine.id, action: 'unchanged', htmlUrl: mine.html_url };
  try {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
    return { id: data.id, action: 'updated', htmlUrl: data.html_url };
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    return create();
  }
}
