import { cutMarkdown } from '../report/cutMarkdown.ts';

/** GitHub refuses a release whose body is longer than this many characters (422). */
export const MAX_RELEASE_BODY_LENGTH = 125_000;

/** The name the full notes are attached under when the body had to be cut. */
export const FULL_NOTES_ASSET = 'CHANGES.md';

export interface ReleaseNotes {
  body: string;
  /** Whether the body was cut, so the full notes must be attached as FULL_NOTES_ASSET. */
  cut: boolean;
}

/** Where FULL_NOTES_ASSET of the release for `tag` is downloaded from. */
export function fullNotesUrl(serverUrl: string, owner: string, repo: string, tag: string): string {
  return `${serverUrl}/${owner}/${repo}/releases/download/${encodeURIComponent(tag)}/${FULL_NOTES_ASSET}`;
}

/** The release body: the notes, or as much of them as GitHub takes with a line linking to the full notes. */
export function releaseNotes(notes: string, fullUrl: string): ReleaseNotes {
  const limit = MAX_RELEASE_BODY_LENGTH.toLocaleString('en-US');
  const note =
    '\n\n---\n' +
    `> ⚠️ リリースノートが GitHub の上限 (${limit} 文字) を超えたため途中で省略しました。全文は添付の [${FULL_NOTES_ASSET}](${fullUrl}) にあります。\n` +
    `> These notes were cut to GitHub's limit (${limit} characters). The full notes are attached as [${FULL_NOTES_ASSET}](${fullUrl}).\n`;
  const body = cutMarkdown(notes, MAX_RELEASE_BODY_LENGTH, note);
  return { body, cut: body !== notes };
}
