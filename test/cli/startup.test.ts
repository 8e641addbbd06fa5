import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, SOURCE_WORKBOOK, tempDir } from '../helpers/project.ts';

// Runs the built CLI (what the `opendata` bin runs) and lists the packages it loaded.
const script = `
import { createRequire } from 'node:module';
const { main } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, '.build/pipeline/cli.js')).href)});
const io = { cwd: process.cwd(), env: process.env, stdout: () => {}, stderr: () => {} };
const code = await main(JSON.parse(process.argv[1]), io);
const loaded = Object.keys(createRequire(import.meta.url).cache).map((file) => file.split('node_modules/').pop().split('/').slice(0, 3).join('/'));
process.stdout.write(JSON.stringify({ code, loaded }));
`;

describe('the built build command starts without compiling', () => {
  it('loads neither ajv nor yaml for the committed project: its schemas and definitions were precompiled by npm run build', () => {
    const args = ['build', SOURCE_WORKBOOK, '--out', tempDir()];
    const { code, loaded } = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(args)], { cwd: ROOT, encoding: 'utf8' })) as { code: number; loaded: string[] };
    expect(code).toBe(0);
    expect(loaded).toContain('ajv/dist/runtime');
    expect(loaded.filter((file) => /^(ajv\/dist\/(core|2020|compile)|ajv-formats\/dist\/index|yaml\/)/u.test(file))).toEqual([]);
  });
});
