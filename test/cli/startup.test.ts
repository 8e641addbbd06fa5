import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';

// Imported before the bin: at exit, writes the CommonJS modules the process loaded (by package path).
const listLoaded = `data:text/javascript,${encodeURIComponent(`
import { createRequire } from 'node:module';
process.on('exit', () => {
  const files = Object.keys(createRequire(process.argv[1]).cache);
  process.stderr.write('\\nLOADED ' + JSON.stringify(files.map((file) => file.split('node_modules/').pop().split('/').slice(0, 3).join('/'))) + '\\n');
});`)}`;

describe('the opendata bin, as npm run build left it', () => {
  it('has a bundle to run', () => {
    expect(existsSync(path.join(ROOT, '.build/bundle/cli.js')), 'run npm run build').toBe(true);
  });

  it('builds the committed dataset loading neither ajv nor yaml: its schemas and definitions were precompiled', () => {
    const args = ['--import', listLoaded, path.join(ROOT, 'pipeline/bin/opendata.js'), 'build', SOURCE_WORKBOOK, '--out', tempDir()];
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const loaded = JSON.parse(/^LOADED (.*)$/mu.exec(run.stderr)?.[1] ?? 'null') as string[];
    expect(loaded).toContain('ajv/dist/runtime');
    expect(loaded.filter((file) => /^(ajv\/dist\/(core|2020|compile)|ajv-formats\/dist\/index|yaml\/)/u.test(file))).toEqual([]);
  });
});
