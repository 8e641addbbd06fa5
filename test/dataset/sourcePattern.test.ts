import { describe, expect, it } from 'vitest';
import { isPattern, matchesSource, sourcesOverlap } from '../../pipeline/dataset/sourcePattern.ts';

describe('a declared source file: a name or a pattern of names', () => {
  it('matches names with * for any characters and ? for one, the rest literally', () => {
    const pattern = 'hiratsuka-covid19-measures-*.xlsx';
    expect(isPattern(pattern)).toBe(true);
    expect(isPattern('measures.xlsx')).toBe(false);
    expect(matchesSource(pattern, 'hiratsuka-covid19-measures-2020-10-01.xlsx')).toBe(true);
    expect(matchesSource(pattern, 'hiratsuka-covid19-measures-.xlsx')).toBe(true);
    expect(matchesSource(pattern, 'hiratsuka-covid19-measures-2020-10-01.xlsx.bak')).toBe(false);
    expect(matchesSource(pattern, 'hiratsuka-covid19-call-center-2020.xlsx')).toBe(false);
    expect(matchesSource('data-????.csv', 'data-2020.csv')).toBe(true);
    expect(matchesSource('data-????.csv', 'data-20201.csv')).toBe(false);
    // A plain name matches only itself; a file name is taken literally, a * in it included.
    expect(matchesSource('a.xlsx', 'a.xlsx')).toBe(true);
    expect(matchesSource('a.xlsx', 'ab.xlsx')).toBe(false);
    expect(matchesSource('a.xlsx', 'a?xlsx')).toBe(false);
    expect(matchesSource('平塚市_*.xlsx', '平塚市_写し.xlsx')).toBe(true);
  });

  it('finds two declarations that some file name matches both of', () => {
    expect(sourcesOverlap('a.xlsx', 'a.xlsx')).toBe(true);
    expect(sourcesOverlap('a.xlsx', 'b.xlsx')).toBe(false);
    expect(sourcesOverlap('measures-*.xlsx', 'measures-2020-10-01.xlsx')).toBe(true);
    expect(sourcesOverlap('measures-*.xlsx', '*-2020.xlsx')).toBe(true);
    expect(sourcesOverlap('measures-*.xlsx', 'measures-call-*.xlsx')).toBe(true);
    expect(sourcesOverlap('measures-*.xlsx', 'center-*.xlsx')).toBe(false);
    expect(sourcesOverlap('*.xlsx', '*.csv')).toBe(false);
    expect(sourcesOverlap('a-?.csv', 'a-*x.csv')).toBe(true);
    expect(sourcesOverlap('a-?.csv', 'a-??.csv')).toBe(false);
  });
});
