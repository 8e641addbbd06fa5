/** The two GitHub entry points the CLI calls (`opendata github release|comment`). */
export {
  type ClientTuning,
  type ReleaseCommandOptions,
  type ReleasesFromFileOptions,
  type ReleaseVersionsOptions,
  releaseCommand,
  releasesFromFileCommand,
  releaseVersionsCommand,
} from './releaseCommand.ts';
export { type CommentCommandOptions, commentCommand } from './commentCommand.ts';
export type { CommandResult } from './commandResult.ts';
