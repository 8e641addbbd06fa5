import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshBuild } from '../helpers/freshBuild.ts';
import { SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';

// Imported before the bin: at exit, writes the CommonJS modules the process loaded (by package path).
const listLoaded = `data:text/javascript,${encodeURIComponent(`
import { createRequire } from 'node:module';
process.on('exit', () => {
  const files = Object.keys(createRequire(process.argv[1]).cache);
  process.stderr.write('\\nLOADED ' + JSON.stringify(files.map((file) => file.split('node_modules/').pop().split('/').slice(0, 3).join('/'))) + '\\n');
});`)}`;

describe('the opendata bin, as npm run build leaves it', () => {
  // Built here, in a copy holding the examples: the test needs no earlier build of this checkout.
  let built = '';
  beforeAll(() => {
    built = freshBuild();
  }, 300_000);

  it('has a bundle to run', () => {
    expect(existsSync(path.join(built, '.build/bundle/cli.js'))).toBe(true);
  });

  it('builds a declared dataset loading neither ajv nor yaml: its schemas and definitions were precompiled', () => {
    const args = ['--import', listLoaded, path.join(built, 'pipeline/bin/opendata.js'), 'build', SOURCE_WORKBOOK, '--out', tempDir()];
    const run = spawnSync(process.execPath, args, { cwd: built, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('running the sources');
    const loaded = JSON.parse(/^LOADED (.*)$/mu.exec(run.stderr)?.[1] ?? 'null') as string[];
    expect(loaded).toContain('ajv/dist/runtime');
    expect(loaded.filter((file) => /^(ajv\/dist\/(core|2020|compile)|ajv-formats\/dist\/index|yaml\/)/u.test(file))).toEqual([]);
  });
});
