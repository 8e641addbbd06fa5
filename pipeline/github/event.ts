import { readFile } from 'node:fs/promises';
import { problem } from '../problem/Problem.ts';
import { type Result, failure, success } from './result.ts';

/** The event payload at `GITHUB_EVENT_PATH`, parsed; a bilingual problem when it cannot be read. */
export async function readEventPayload(path: string): Promise<Result<unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure(
      problem('github-event-unreadable', 'error', { value: path }, {
        ja: `イベントのファイル (GITHUB_EVENT_PATH) を読めません: ${reason}`,
        en: `Cannot read the event file (GITHUB_EVENT_PATH): ${reason}`,
      }),
    );
  }
  try {
    return success(JSON.parse(text) as unknown);
  } catch {
    return failure(
      problem('github-event-invalid', 'error', { value: path }, {
        ja: 'イベントのファイル (GITHUB_EVENT_PATH) が JSON ではありません。',
        en: 'The event file (GITHUB_EVENT_PATH) is not valid JSON.',
      }),
    );
  }
}
