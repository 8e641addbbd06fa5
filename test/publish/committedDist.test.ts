import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CatalogIndex } from '../../pipeline/publish/VersionIndex.ts';
import { checkDist } from '../helpers/checkDist.ts';
import { ROOT } from '../helpers/project.ts';

describe('the committed publication in dist/', () => {
  const dist = path.join(ROOT, 'dist');

  it('lists every dataset, and every indexed file matches its size and sha256', () => {
    const catalog = JSON.parse(readFileSync(path.join(dist, 'index.json'), 'utf8')) as CatalogIndex;
    expect(catalog.datasets.map((d) => d.name)).toContain('covid19-measures');
    expect(checkDist(dist)).toEqual([]);
  });
});
