import { describe, expect, it } from 'vitest';
import { problem, type Problem } from '../../pipeline/problem/Problem.ts';
import { BoundedProblems, found } from '../../pipeline/problem/ProblemSink.ts';
import { makeReport } from '../../pipeline/report/Report.ts';
import { prng } from '../bench/generate.ts';

/** Problems in a random order of rows, several per row, each told apart by its code. */
function shuffled(count: number, seed: number): Problem[] {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const row = 1 + Math.floor(random() * (count / 3));
    return problem(`p${i}`, random() < 0.4 ? 'error' : 'warning', { sheet: 'S', cell: `A${row}`, row }, { ja: `${i}`, en: `${i}` });
  });
}

describe('problems bounded as they are found keep what sorting everything and cutting keeps', () => {
  it.each([
    [0, 5],
    [7, 5],
    [10, 5],
    [2_999, 100],
    [10_000, 1_000],
  ])('%i problems, limit %i', (count, limit) => {
    const all = shuffled(count, count + limit);
    const bounded = new BoundedProblems(limit);
    for (const p of all) bounded.add(p);
    const fromBounded = makeReport({ dataset: 'd', file: 'f', rows: 0, asOf: null, problems: bounded, limit });
    const fromAll = makeReport({ dataset: 'd', file: 'f', rows: 0, asOf: null, problems: all, limit });
    // Checks that ask first (found) and only count what would not be kept give the same report.
    const asked = new BoundedProblems(limit);
    let made = 0;
    for (const p of all) found(asked, p.severity, p.row, () => (made++, p));
    const fromAsked = makeReport({ dataset: 'd', file: 'f', rows: 0, asOf: null, problems: asked, limit });
    expect(fromAsked.errors).toEqual(fromBounded.errors);
    expect(fromAsked.warnings).toEqual(fromBounded.warnings);
    expect(fromAsked.omitted).toEqual(fromBounded.omitted);
    if (count > 4 * limit) expect(made).toBeLessThan(count);
    expect(fromBounded.errors.map((p) => p.code)).toEqual(fromAll.errors.map((p) => p.code));
    expect(fromBounded.warnings.map((p) => p.code)).toEqual(fromAll.warnings.map((p) => p.code));
    expect(fromBounded.omitted).toEqual(fromAll.omitted);
    expect(fromBounded.errors.length + fromBounded.warnings.length + fromBounded.omitted.errors + fromBounded.omitted.warnings).toBe(count);
  });

  it('never holds more than twice the limit of each kind', () => {
    const bounded = new BoundedProblems(10);
    let most = 0;
    for (const p of shuffled(5_000, 3)) {
      bounded.add(p);
      most = Math.max(most, bounded.held);
    }
    expect(most).toBeLessThan(40);
    expect(bounded.result().omitted.errors + bounded.result().omitted.warnings).toBe(5_000 - 20);
  });
});
