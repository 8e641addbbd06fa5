/**
 * Did an optimization change anything? Builds and validates a few workbooks with the compiled CLI and
 * records a hash of every output (package files, the JSON report, exit codes). `record` writes them to
 * test-output/bench/golden.json; `check` compares against it. Run `npm run build` first.
 *
 *   node --import tsx test/bench/sameOutput.ts record
 *   node --import tsx test/bench/sameOutput.ts check
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkbook } from './generate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'test-output/bench');
const GOLDEN = path.join(OUT, 'golden.json');
const BIN = path.join(ROOT, 'pipeline/bin/opendata.js');

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);
/** The bin's note when pipeline/ is newer than .build/ (colleagues editing): not an output. */
const STALE = /^opendata: \.build\/ is older than pipeline\/.*\n/m;
const stderrOf = (text: string) => text.replace(STALE, '');

function workbooks(): Record<string, string> {
  const files: Record<string, string> = { source: path.join(ROOT, 'sources/hiratsuka-covid19-measures-2020-09-01.xlsx') };
  for (const [rows, variant] of [[2000, 'good'], [2000, 'bad'], [20000, 'good']] as const) {
    const file = path.join(OUT, `same-${variant}-${rows}.xlsx`);
    if (!existsSync(file)) generateWorkbook(file, rows, { seed: 1234, variant });
    files[`${variant}-${rows}`] = file;
  }
  return files;
}

function outputs(): Record<string, string> {
  const result: Record<string, string> = {};
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'opendata-same-'));
  const schema = path.join(OUT, 'schema');
  for (const [name, file] of Object.entries(workbooks())) {
    const out = path.join(scratch, name);
    const args = [...(name === 'source' ? [] : ['--schema', schema]), '--dataset', 'covid19-measures'];
    const build = spawnSync(process.execPath, [BIN, 'build', file, '--out', out, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
    result[`${name} build exit`] = String(build.status);
    result[`${name} build stdout`] = sha(build.stdout.replaceAll(scratch, '<tmp>'));
    result[`${name} build stderr`] = sha(stderrOf(build.stderr));
    if (existsSync(out)) for (const f of readdirSync(out).sort()) result[`${name} ${f}`] = sha(readFileSync(path.join(out, f)));
    for (const format of ['json', 'text', 'markdown']) {
      const validate = spawnSync(process.execPath, [BIN, 'validate', file, '--format', format, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
      result[`${name} validate ${format}`] = `${validate.status} ${sha(validate.stdout)} ${sha(stderrOf(validate.stderr))}`;
    }
  }
  rmSync(scratch, { recursive: true, force: true });
  return result;
}

const mode = process.argv[2];
const now = outputs();
if (mode === 'record') {
  writeFileSync(GOLDEN, `${JSON.stringify(now, null, 2)}\n`);
  console.log(`recorded ${Object.keys(now).length} outputs in ${path.relative(ROOT, GOLDEN)}`);
} else {
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
  const keys = [...new Set([...Object.keys(golden), ...Object.keys(now)])].sort();
  const differ = keys.filter((k) => golden[k] !== now[k]);
  for (const k of differ) console.log(`DIFFERS ${k}: ${golden[k]} → ${now[k]}`);
  console.log(differ.length === 0 ? `same: ${keys.length} outputs` : `${differ.length} of ${keys.length} outputs differ`);
  process.exitCode = differ.length === 0 ? 0 : 1;
}
