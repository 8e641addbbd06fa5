/** The test runner's reading of `${{ }}` and `if:` must match GitHub's, or the end-to-end tests prove nothing. */
import { describe, expect, it } from 'vitest';
import { condition, evaluate, interpolate } from './workflow/expressions.ts';
import { readCommandFile } from './workflow/files.ts';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/project.ts';
import path from 'node:path';

const contexts = {
  github: { event_name: 'push', run_attempt: '2', event: { workflow_run: { event: 'pull_request', conclusion: 'failure' } } },
  steps: { publish: { outputs: { count: '0' } }, none: { outputs: {} } },
  needs: { changes: { outputs: { datasets: '["a","b"]' } } },
  runner: { temp: '/tmp/r' },
  matrix: { dataset: 'a' },
};

describe('workflow expressions in the test runner', () => {
  it('compares like GitHub: strings ignoring case, missing values as empty, numbers loosely', () => {
    expect(evaluate("steps.publish.outputs.count != '0'", contexts)).toBe(false);
    expect(evaluate("steps.none.outputs.count != '' && steps.none.outputs.count != '0'", contexts)).toBe(false);
    expect(evaluate("github.event_name == 'PUSH'", contexts)).toBe(true);
    expect(evaluate("github.run_attempt != '1'", contexts)).toBe(true);
    expect(evaluate('github.run_attempt > 1', contexts)).toBe(true);
    expect(evaluate("github.event.workflow_run.event == 'pull_request' && github.event.workflow_run.conclusion != 'cancelled'", contexts)).toBe(true);
  });

  it('adds the implicit success() to conditions without a status function', () => {
    expect(condition("github.event_name == 'push'", contexts, { failed: true })).toBe(false);
    expect(condition('${{ !cancelled() }}', contexts, { failed: true })).toBe(true);
    expect(condition(undefined, contexts, { failed: false })).toBe(true);
    expect(condition('always()', contexts, { failed: true })).toBe(true);
  });

  it('keeps a whole-string value (a matrix list) and interpolates inside text', () => {
    expect(interpolate('${{ fromJSON(needs.changes.outputs.datasets) }}', contexts)).toEqual(['a', 'b']);
    expect(interpolate('report-${{ matrix.dataset }}', contexts)).toBe('report-a');
    expect(interpolate('${{ runner.temp }}/reports', contexts)).toBe('/tmp/r/reports');
  });

  it('refuses what it does not know instead of guessing', () => {
    expect(() => evaluate('hashFiles(\'x\')', contexts)).toThrow(/not supported/);
    expect(() => evaluate('job.status', contexts)).toThrow(/unknown context "job"/);
    expect(() => evaluate("github.ref == 'a' 'b'", contexts)).toThrow(/unexpected/);
  });

  it('reads $GITHUB_OUTPUT lines and @actions/core heredoc blocks', () => {
    const file = path.join(tempDir('outputs-'), 'output');
    writeFileSync(file, 'found=true\ncount<<ghadelimiter_1\n1\nghadelimiter_1\npublished<<ghadelimiter_2\n[\n{"a": "x=y"}\n]\nghadelimiter_2\n');
    expect(readCommandFile(file)).toEqual({ found: 'true', count: '1', published: '[\n{"a": "x=y"}\n]' });
  });
});
