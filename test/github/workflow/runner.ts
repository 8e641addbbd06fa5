/**
 * Runs one job of a workflow file the way the Actions runner does, offline: `run:` scripts
 * verbatim with `bash -e`, `if:` conditions, `env:`, step outputs through `$GITHUB_OUTPUT`,
 * job outputs; `uses:` steps only through emulations the test provides (checkout, artifacts).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { type Contexts, condition, interpolate, interpolateText, type Value } from './expressions.ts';
import { readCommandFile } from './files.ts';

export interface Step {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'working-directory'?: string;
  'continue-on-error'?: boolean;
}

export interface Job {
  if?: string | boolean;
  needs?: string | string[];
  env?: Record<string, unknown>;
  outputs?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  defaults?: { run?: { shell?: string } };
  steps: Step[];
}

export interface Workflow {
  env?: Record<string, unknown>;
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, Job>;
}

export const readWorkflow = (file: string): Workflow => parse(readFileSync(file, 'utf8')) as Workflow;

export interface StepResult {
  name: string;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  output: string;
}

export interface JobResult {
  result: 'success' | 'failure' | 'skipped';
  steps: StepResult[];
  outputs: Record<string, string>;
  /** Everything the scripts printed, for failure messages. */
  log: string;
}

export interface StepContext {
  workspace: string;
  temp: string;
  with: Record<string, string>;
  env: Record<string, string>;
}

/** An offline stand-in for a `uses:` action, keyed by `owner/name` (without the pinned SHA). */
export type ActionEmulation = (context: StepContext) => Promise<void> | void;

export interface RunJobOptions {
  workflow: Workflow;
  job: string;
  /** The checked-out repository ($GITHUB_WORKSPACE). */
  workspace: string;
  /** $RUNNER_TEMP; also holds the scripts and command files. */
  temp: string;
  /** The `github` context (event_name, event, sha, ref, repository, run_attempt, …). */
  github: Record<string, Value>;
  secrets: Record<string, string>;
  needs?: Record<string, { result: string; outputs: Record<string, string> }>;
  matrix?: Record<string, Value>;
  /** Variables the runner machine provides (PATH, HOME, GITHUB_*, …). */
  env: Record<string, string>;
  actions: Record<string, ActionEmulation>;
  /** Called before each step: to stage what happens on GitHub meanwhile (e.g. another push). */
  beforeStep?: (step: Step, index: number) => Promise<void> | void;
}

function runScript(script: string, shell: string | undefined, cwd: string, env: Record<string, string>, file: string): Promise<{ code: number; output: string }> {
  writeFileSync(file, script);
  const args = shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', file] : ['-e', file];
  if (shell !== undefined && shell !== 'bash') throw new Error(`shell ${shell} is not supported by the test runner`);
  return new Promise((resolve, reject) => {
    const child = spawn('bash', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const record = (value: Record<string, unknown> | undefined, contexts: Contexts): Record<string, string> =>
  Object.fromEntries(Object.entries(value ?? {}).map(([k, v]) => [k, interpolateText(v, contexts)]));

export async function runJob(options: RunJobOptions): Promise<JobResult> {
  const job = options.workflow.jobs[options.job];
  if (!job) throw new Error(`no job ${options.job}`);
  const steps: Record<string, Value> = {};
  const contexts: Contexts = {
    github: { ...options.github, workspace: options.workspace },
    secrets: options.secrets,
    needs: options.needs ?? {},
    matrix: options.matrix ?? {},
    runner: { temp: options.temp, os: 'Linux', arch: 'X64' },
    inputs: {},
    vars: {},
    env: {},
    steps,
  };
  const status = { failed: Object.values(options.needs ?? {}).some((n) => n.result !== 'success') };
  if (!condition(job.if, contexts, status)) return { result: 'skipped', steps: [], outputs: {}, log: '' };

  const exported: Record<string, string> = {};
  const results: StepResult[] = [];
  let log = '';
  for (const [index, step] of job.steps.entries()) {
    await options.beforeStep?.(step, index);
    const name = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${index}`;
    contexts.env = { ...record(options.workflow.env, contexts), ...record(job.env, contexts), ...exported };
    contexts.env = { ...contexts.env, ...record(step.env, contexts) };
    if (!condition(step.if, contexts, status)) {
      results.push({ name, outcome: 'skipped', outputs: {}, output: '' });
      if (step.id) steps[step.id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
      continue;
    }
    const dir = path.join(options.temp, '_runner', String(index));
    mkdirSync(dir, { recursive: true });
    const files = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_ENV: path.join(dir, 'env'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'), GITHUB_PATH: path.join(dir, 'path') };
    // The runner creates the command files empty before each step; @actions/core needs them to exist.
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env = { ...options.env, ...files, RUNNER_TEMP: options.temp, GITHUB_WORKSPACE: options.workspace, ...(contexts.env as Record<string, string>) };
    let outcome: StepResult['outcome'] = 'success';
    let output = '';
    if (step.run !== undefined) {
      const cwd = path.resolve(options.workspace, step['working-directory'] ?? '.');
      const shell = step.shell ?? job.defaults?.run?.shell ?? options.workflow.defaults?.run?.shell;
      const run = await runScript(step.run, shell, cwd, env, path.join(dir, 'script.sh'));
      output = run.output;
      if (run.code !== 0) outcome = 'failure';
    } else if (step.uses !== undefined) {
      const action = step.uses.replace(/@.*$/, '');
      const emulate = options.actions[action];
      if (!emulate) throw new Error(`the test runner has no emulation for ${step.uses}`);
      await emulate({ workspace: options.workspace, temp: options.temp, with: record(step.with, contexts), env });
    }
    const outputs = readCommandFile(files.GITHUB_OUTPUT);
    Object.assign(exported, readCommandFile(files.GITHUB_ENV));
    log += `--- ${name} (${outcome})\n${output}`;
    results.push({ name, outcome, outputs, output });
    if (step.id) steps[step.id] = { outcome, conclusion: outcome, outputs };
    if (outcome === 'failure' && step['continue-on-error'] !== true) status.failed = true;
  }
  const outputs = record(job.outputs, contexts);
  return { result: status.failed ? 'failure' : 'success', steps: results, outputs, log };
}

/** The matrix combinations of a job (one dimension or a product; no include/exclude). */
export function matrixOf(job: Job, contexts: Contexts): Record<string, Value>[] {
  const matrix = job.strategy?.matrix;
  if (matrix === undefined) return [{}];
  let combos: Record<string, Value>[] = [{}];
  for (const [key, raw] of Object.entries(matrix)) {
    if (key === 'include' || key === 'exclude') throw new Error('matrix include/exclude is not supported by the test runner');
    const values = interpolate(raw, contexts);
    if (!Array.isArray(values)) throw new Error(`matrix.${key} is not a list: ${JSON.stringify(values)}`);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return combos;
}
