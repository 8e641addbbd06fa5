/** The two GitHub entry points the CLI calls (`opendata github release|comment`). */
export { type ClientTuning, type ReleaseCommandOptions, type ReleasesFromFileOptions, releaseCommand, releasesFromFileCommand } from './releaseCommand.ts';
export { type CommentCommandOptions, commentCommand } from './commentCommand.ts';
export type { CommandResult } from './commandResult.ts';
