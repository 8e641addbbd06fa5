import { createGitHubClient } from './client.ts';
import { type CommandResult, failed } from './commandResult.ts';
import { type UpsertCommentResult, upsertComment } from './comment.ts';
import { readGitHubContext } from './context.ts';
import { describeGitHubError } from './describeError.ts';
import type { Env } from './env.ts';
import { readEventPayload } from './event.ts';
import { pullRequestNumberFromEvent } from './pullRequest.ts';
import { readInputText } from './readInput.ts';
import type { ClientTuning } from './releaseCommand.ts';

export interface CommentCommandOptions {
  env: Env;
  /** Markdown file with the comment body. */
  bodyFile: string;
  /** Hidden marker that identifies the comment, e.g. `opendata-report`. */
  marker: string;
  client?: ClientTuning;
}

/**
 * `opendata github comment --body-file F --marker M`: finds the pull request of the
 * `workflow_run` (or `pull_request`) event at GITHUB_EVENT_PATH and creates or updates
 * the one comment carrying the marker. No pull request found: nothing is done, exit 0.
 */
export async function commentCommand(options: CommentCommandOptions): Promise<CommandResult> {
  const log: string[] = [];
  const doing = { ja: 'プルリクエストへのコメント', en: 'commenting on the pull request' };
  try {
    const context = readGitHubContext(options.env, 'comment', true);
    if (!context.ok) return failed(context.problem);
    const { owner, repo, token, apiUrl, eventPath } = context.value;
    const payload = await readEventPayload(eventPath ?? '');
    if (!payload.ok) return failed(payload.problem);
    const body = await readInputText(options.bodyFile, { ja: 'コメント本文のファイル', en: 'comment body file' });
    if (!body.ok) return failed(body.problem);
    if (body.value.trim() === '') {
      return { exitCode: 1, messages: ['エラー / Error: コメント本文が空です。 / The comment body file is empty.'] };
    }

    const octokit = createGitHubClient({ log: (m) => log.push(m), ...options.client, token, baseUrl: apiUrl });
    const issueNumber = await pullRequestNumberFromEvent(octokit, payload.value);
    if (issueNumber === null) {
      return {
        exitCode: 0,
        messages: [...log, 'このイベントに対応するプルリクエストが見つからないため、コメントしませんでした。 / No pull request found for this event; nothing was commented.'],
      };
    }
    const result: UpsertCommentResult = await upsertComment(octokit, {
      owner,
      repo,
      issueNumber,
      marker: options.marker,
      body: body.value,
    });
    return { exitCode: 0, messages: [...log, `Comment ${result.action} on #${issueNumber}: ${result.htmlUrl}`] };
  } catch (error) {
    return failed(describeGitHubError(error, 'comment', doing), log);
  }
}
