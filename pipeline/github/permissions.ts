/** Why a command talks to GitHub; each purpose needs one permission on the workflow's token. */
export type GitHubPurpose = 'publish' | 'comment';

/** The `permissions:` entry a workflow job must grant for each purpose. */
export const PERMISSION_FOR: Readonly<Record<GitHubPurpose, string>> = {
  publish: 'contents: write',
  comment: 'pull-requests: write',
};
