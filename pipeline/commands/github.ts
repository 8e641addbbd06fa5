import path from 'node:path';
import { parseArgs } from 'node:util';
import { type CommandResult, commentCommand, releaseCommand, releasesFromFileCommand, releaseVersionsCommand } from '../github/commands.ts';
import { problemLines } from '../github/commandResult.ts';
import { envValue } from '../github/env.ts';
import { redactTokens } from '../github/redact.ts';
import { runGit } from './git.ts';
import { EXIT, type ExitCode, type Io } from './Io.ts';
import { taggedVersions, versionsInDist } from './taggedVersions.ts';

export const GITHUB_USAGE = `  opendata github release --from FILE                  (the list publish --published-file wrote)
  opendata github release --tag T [--name N] --notes-file F --asset FILE… [--target SHA]
  opendata github release --tagged [--dist DIR]           (every version in dist/ whose git tag exists)
  opendata github comment --body-file F --marker M
`;

const RELEASE_OPTIONS = {
  from: { type: 'string' },
  tag: { type: 'string' },
  name: { type: 'string' },
  'notes-file': { type: 'string' },
  asset: { type: 'string', multiple: true },
  target: { type: 'string' },
  tagged: { type: 'boolean' },
  dist: { type: 'string' },
} as const;

const COMMENT_OPTIONS = { 'body-file': { type: 'string' }, marker: { type: 'string' } } as const;

class GitHubUsageError extends Error {}

/** Every line a github command prints passes here: no token reaches the log, whatever GitHub answered. */
function print(io: Io, result: CommandResult): ExitCode {
  const text = redactTokens(result.messages.map((m) => `${m}\n`).join(''), [envValue(io.env, 'GITHUB_TOKEN')]);
  if (result.exitCode === 0) io.stdout(text);
  else io.stderr(text);
  return result.exitCode;
}

function parse<T extends typeof RELEASE_OPTIONS | typeof COMMENT_OPTIONS>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new GitHubUsageError((error as Error).message);
  }
}

function only(given: Record<string, unknown>, allowed: string[], mode: string): void {
  const extra = Object.keys(given).filter((k) => given[k] !== undefined && !allowed.includes(k));
  if (extra.length > 0) throw new GitHubUsageError(`${mode} does not take ${extra.map((k) => `--${k}`).join(', ')}`);
}

async function release(args: string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parse(args, RELEASE_OPTIONS);
  const at = (file: string) => path.resolve(io.cwd, file);
  const modes = [values.from !== undefined, values.tag !== undefined, values.tagged === true].filter(Boolean).length;
  if (modes !== 1) throw new GitHubUsageError('github release needs exactly one of --from FILE, --tag TAG or --tagged');
  if (values.from !== undefined || values.tagged) {
    if (positionals.length > 0) throw new GitHubUsageError(`unexpected arguments: ${positionals.join(' ')}`);
    if (values.from !== undefined) {
      only(values, ['from'], '--from');
      return print(io, await releasesFromFileCommand({ env: io.env, fromFile: at(values.from), cwd: io.cwd }));
    }
    only(values, ['tagged', 'dist'], '--tagged');
    return releaseTagged(io, at(values.dist ?? 'dist'));
  }
  only(values, ['tag', 'name', 'notes-file', 'asset', 'target'], '--tag');
  const notes = values['notes-file'];
  if (notes === undefined) throw new GitHubUsageError('github release --tag needs --notes-file FILE');
  // `--asset a.zip b.zip` (a shell glob) and repeated `--asset` both work.
  if (positionals.length > 0 && values.asset === undefined) throw new GitHubUsageError(`unexpected arguments: ${positionals.join(' ')}`);
  const result = await releaseCommand({
    env: io.env,
    tag: values.tag!,
    ...(values.name !== undefined ? { name: values.name } : {}),
    bodyFile: at(notes),
    assetFiles: [...(values.asset ?? []), ...positionals].map(at),
    ...(values.target !== undefined ? { target: values.target } : {}),
  });
  return print(io, result);
}

/** Creates or completes the release of every version in dist/ whose tag the repository holds. */
async function releaseTagged(io: Io, dist: string): Promise<ExitCode> {
  const tags = await runGit(['tag', '--list'], io.cwd);
  if (!tags.ok) return print(io, { exitCode: 1, messages: problemLines(tags.problem) });
  const versions = taggedVersions(versionsInDist(dist, io.cwd), new Set(tags.stdout.split('\n').filter(Boolean)));
  if (versions.length === 0) {
    io.stdout('タグのついた公開済みの版はありません。 / No published version has a tag yet: no release to complete.\n');
    return EXIT.ok;
  }
  return print(io, await releaseVersionsCommand({ env: io.env, versions, cwd: io.cwd }));
}

async function comment(args: string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parse(args, COMMENT_OPTIONS);
  if (positionals.length > 0) throw new GitHubUsageError(`unexpected arguments: ${positionals.join(' ')}`);
  const bodyFile = values['body-file'];
  if (bodyFile === undefined || values.marker === undefined) throw new GitHubUsageError('github comment needs --body-file FILE and --marker M');
  return print(io, await commentCommand({ env: io.env, bodyFile: path.resolve(io.cwd, bodyFile), marker: values.marker }));
}

/** `opendata github release|comment …`: the steps of the workflows that talk to GitHub. */
export async function githubCommand(args: string[], io: Io): Promise<ExitCode> {
  const [sub, ...rest] = args;
  if (sub === undefined || args.includes('--help') || args.includes('-h')) {
    io.stdout(`使い方 / usage:\n${GITHUB_USAGE}`);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  try {
    if (sub === 'release') return await release(rest, io);
    if (sub === 'comment') return await comment(rest, io);
    throw new GitHubUsageError(`unknown github command "${sub}" (release or comment)`);
  } catch (error) {
    if (!(error instanceof GitHubUsageError)) throw error;
    io.stderr(`opendata: ${error.message}\n\n使い方 / usage:\n${GITHUB_USAGE}`);
    return EXIT.usage;
  }
}
