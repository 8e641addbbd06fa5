import { describe, expect, it } from 'vitest';
import { commitSubject, parsePublishedFile, releaseTitle, tagFor } from '../../pipeline/github/publishedVersions.ts';

const entry = {
  dataset: 'population',
  version: '1.4.0',
  tag: 'population-v1.4.0',
  notesFile: 'dist/population/1.4.0/RELEASE.md',
  zipFile: 'dist/population/1.4.0/population-1.4.0.zip',
};

describe('published versions file', () => {
  it('accepts the contract and derives title, tag and commit subject', () => {
    const result = parsePublishedFile(JSON.stringify([entry, { ...entry, dataset: 'budget', version: '2.0.0', tag: 'budget-v2.0.0', assetFiles: ['x.json'] }]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value[1]?.assetFiles).toEqual(['x.json']);
    expect(releaseTitle(entry)).toBe('population v1.4.0');
    expect(tagFor('population', '1.4.0')).toBe('population-v1.4.0');
    expect(commitSubject(result.value)).toBe('publish: population v1.4.0, budget v2.0.0');
  });

  it('accepts an empty list', () => {
    expect(parsePublishedFile('[]')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['{"x":1}', 'expected a JSON array'],
    ['not json', 'not valid JSON'],
    [JSON.stringify([{ ...entry, zipFile: '' }]), '[0]'],
    [JSON.stringify([{ ...entry, tag: 'v1.4.0' }]), '"tag" must be "population-v1.4.0"'],
    [JSON.stringify([{ ...entry, assetFiles: 'a.zip' }]), '"assetFiles"'],
  ])('rejects %s', (text, reason) => {
    const result = parsePublishedFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message.en).toContain(reason);
  });
});
