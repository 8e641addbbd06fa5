/**
 * A fresh "runner machine" per workflow run: an empty workspace, $RUNNER_TEMP, a HOME of its
 * own, the event payload file, and PATH shims so that the scripts' `npx opendata …` runs this
 * repository's CLI from source and `npm ci` (dependencies are already installed) does nothing.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../helpers/project.ts';
import type { Value } from './expressions.ts';

const TSX = import.meta.resolve('tsx');
const ENTRY = path.join(ROOT, 'test/helpers/cliEntry.ts');

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function writeShims(bin: string): void {
  mkdirSync(bin, { recursive: true });
  const npx = `#!/usr/bin/env bash
# Test shim: \`npx opendata …\` runs the CLI of the repository under test, from source.
if [ "$1" = opendata ]; then shift; exec ${quote(process.execPath)} --import ${quote(TSX)} ${quote(ENTRY)} "$@"; fi
echo "npx shim: only 'npx opendata' is available in this test (got: $*)" >&2
exit 127
`;
  const npm = `#!/usr/bin/env bash
# Test shim: dependencies come from the repository under test.
if [ "$1" = ci ]; then echo "npm ci: skipped (test runner)"; exit 0; fi
echo "npm shim: only 'npm ci' is available in this test (got: $*)" >&2
exit 127
`;
  writeFileSync(path.join(bin, 'npx'), npx);
  writeFileSync(path.join(bin, 'npm'), npm);
  chmodSync(path.join(bin, 'npx'), 0o755);
  chmodSync(path.join(bin, 'npm'), 0o755);
}

export interface Machine {
  workspace: string;
  temp: string;
  env: Record<string, string>;
  /** The `github` context for expressions. */
  github: Record<string, Value>;
}

export interface RunSettings {
  repository: string;
  apiUrl: string;
  eventName: string;
  payload: Record<string, Value>;
  sha: string;
  ref: string;
  runAttempt?: number;
  runId?: number;
}

export function newMachine(settings: RunSettings): Machine {
  const root = mkdtempSync(path.join(os.tmpdir(), 'runner-'));
  const workspace = path.join(root, 'work');
  const temp = path.join(root, 'temp');
  const home = path.join(root, 'home');
  for (const dir of [workspace, temp, home]) mkdirSync(dir, { recursive: true });
  writeShims(path.join(root, 'bin'));
  const eventPath = path.join(root, 'event.json');
  writeFileSync(eventPath, JSON.stringify(settings.payload, null, 2));
  const runId = settings.runId ?? 7001;
  const runAttempt = settings.runAttempt ?? 1;
  // No GITHUB_TOKEN here: as on GitHub, a step has it only when its `env:` passes the secret.
  const env: Record<string, string> = {
    PATH: `${path.join(root, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: settings.repository,
    GITHUB_REPOSITORY_OWNER: settings.repository.split('/')[0]!,
    GITHUB_API_URL: settings.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: settings.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: settings.sha,
    GITHUB_REF: settings.ref,
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_ATTEMPT: String(runAttempt),
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: temp,
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const github: Record<string, Value> = {
    event_name: settings.eventName,
    event: settings.payload,
    sha: settings.sha,
    ref: settings.ref,
    ref_name: settings.ref.replace(/^refs\/(heads|tags)\//, ''),
    repository: settings.repository,
    repository_owner: settings.repository.split('/')[0]!,
    api_url: settings.apiUrl,
    server_url: 'https://github.com',
    run_id: String(runId),
    run_attempt: String(runAttempt),
    actor: 'staff-member',
  };
  return { workspace, temp, env, github };
}
