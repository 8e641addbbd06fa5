/**
 * `npm run bench`: how `opendata build` scales from 85 rows to a million, against the floor (SheetJS
 * reading the same workbook as fast as it can) and csvkit's in2csv, on this machine, in one run.
 *
 *   npm run bench                       # every size, 5 runs each (3 for a million)
 *   npm run bench -- --sizes 1000,10000 --runs 3 --no-in2csv
 *
 * Every measurement is a separate process timed from the outside: wall time from this process's
 * clock, peak RSS from `/usr/bin/time -f %M`. The build also prints its stage timings
 * (OPENDATA_TIMINGS=1). Workbooks are generated once with a fixed seed and cached in
 * test-output/bench/. Prints one table and writes test-output/bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkbook, type Variant } from './generate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'test-output/bench');
const BIN = path.join(ROOT, 'pipeline/bin/opendata.js');
const FLOOR = path.join(ROOT, 'test/bench/floor.mjs');
const SOURCE = path.join(ROOT, 'sources/hiratsuka-covid19-measures-2020-09-01.xlsx');
/** Bump when generate.ts changes what it writes, so cached workbooks are made again. */
const GENERATOR_VERSION = 1;
const SEED = 20200901;
/** The dataset the generated workbooks belong to (the project declares more than one). */
const DATASET = ['--dataset', 'covid19-measures'];

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000,1000000' },
    runs: { type: 'string', default: '5' },
    'runs-million': { type: 'string', default: '3' },
    'no-in2csv': { type: 'boolean', default: false },
    'no-startup': { type: 'boolean', default: false },
    'no-bad': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(OUT, 'results.json') },
  },
});
const SIZES = args.sizes.split(',').map(Number).filter((n) => n > 0);
const RUNS = Number(args.runs);
const RUNS_MILLION = Number(args['runs-million']);

interface Sample {
  ms: number;
  rssMB: number;
  code: number;
  stages?: Record<string, number>;
  stderr: string;
  stdout: string;
}

interface Measured {
  runs: number;
  failed: number;
  medianMs: number | null;
  medianRssMB: number | null;
  msAll: number[];
  rssAllMB: number[];
  stages?: Record<string, number>;
  rssAfterMB?: Record<string, number>;
  note?: string;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** One process, timed from outside; peak RSS from GNU time (the last line it writes to stderr). */
function measureOnce(command: string, commandArgs: string[], env: Record<string, string> = {}): Sample {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', 'BENCH_TIME %e %M', command, ...commandArgs], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const stderr = run.stderr ?? '';
  const timeLine = stderr.split('\n').reverse().find((line) => line.startsWith('BENCH_TIME '));
  const rssKB = timeLine ? Number(timeLine.split(' ')[2]) : NaN;
  const stagesLine = stderr.split('\n').find((line) => line.startsWith('OPENDATA_TIMINGS '));
  const stages = stagesLine ? (JSON.parse(stagesLine.slice('OPENDATA_TIMINGS '.length)) as Record<string, number>) : undefined;
  // GNU time reports a child killed by a signal as "Command terminated by signal N" and exit 0 of its own.
  const killed = /Command terminated by signal/.test(stderr) || /Command exited with non-zero status/.test(stderr);
  // The bin runs the TypeScript sources through tsx when pipeline/ is newer than .build/: not what is measured.
  if (/\.build\/ is older than pipeline\//.test(stderr)) return { ms, rssMB: rssKB / 1024, code: -2, stderr, stdout: run.stdout ?? '' };
  const code = run.status ?? -1;
  return { ms, rssMB: rssKB / 1024, code: killed && code === 0 ? -1 : code, stderr, stdout: run.stdout ?? '', ...(stages ? { stages } : {}) };
}

const rssOf = (s: Sample) => ((s.stages as Record<string, unknown> | undefined)?.rssMB ?? {}) as Record<string, number>;

function summarize(samples: Sample[], ok: (s: Sample) => boolean): Measured {
  const good = samples.filter(ok);
  const stageNames = [...new Set(good.flatMap((s) => Object.keys(s.stages ?? {}).filter((k) => typeof s.stages?.[k] === 'number')))];
  const stages = stageNames.length
    ? Object.fromEntries(stageNames.map((name) => [name, median(good.map((s) => s.stages?.[name] ?? 0)) ?? 0]))
    : undefined;
  // Resident memory when each stage ended (the build prints it with its timings): where the peak builds up.
  const rssStages = [...new Set(good.flatMap((s) => Object.keys(rssOf(s))))];
  const rssAfterMB = rssStages.length ? Object.fromEntries(rssStages.map((name) => [name, median(good.map((s) => rssOf(s)[name] ?? 0)) ?? 0])) : undefined;
  const failed = samples.length - good.length;
  const firstFailure = samples.find((s) => !ok(s));
  return {
    runs: samples.length,
    failed,
    medianMs: median(good.map((s) => s.ms)),
    medianRssMB: median(good.map((s) => s.rssMB)),
    msAll: samples.map((s) => Math.round(s.ms)),
    rssAllMB: samples.map((s) => Math.round(s.rssMB)),
    ...(stages ? { stages } : {}),
    ...(rssAfterMB ? { rssAfterMB } : {}),
    ...(firstFailure ? { note: `exit ${firstFailure.code}: ${lastLines(firstFailure.stderr, 3)}` } : {}),
  };
}

const lastLines = (text: string, n: number) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('BENCH_TIME'))
    .slice(-n)
    .join(' | ')
    .slice(0, 400);

function workbookFor(rows: number, variant: Variant): string {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `measures-${variant}-${rows}-seed${SEED}-v${GENERATOR_VERSION}.xlsx`);
  if (!existsSync(file)) {
    const started = Date.now();
    process.stderr.write(`generating ${path.relative(ROOT, file)} … `);
    const made = generateWorkbook(file, rows, { seed: SEED, variant });
    process.stderr.write(`${(made.bytes / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return file;
}

/**
 * The dataset definitions the benchmark builds against: the project's own, with the source size limit
 * raised (`source.maxUnpackedMB`), since the larger workbooks unpack to more than the default 50 MB.
 */
function benchSchemaDir(): string {
  const dir = path.join(OUT, 'schema');
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'schema'), dir, { recursive: true });
  const definition = path.join(dir, 'datasets/covid19-measures.yaml');
  const text = readFileSync(definition, 'utf8');
  writeFileSync(definition, text.replace(/^source:\n/m, 'source:\n  maxUnpackedMB: 2048\n'));
  return dir;
}

function interleaved(runs: number, commands: Record<string, () => Sample>): Record<string, Sample[]> {
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, run] of Object.entries(commands)) {
      const sample = run();
      samples[name]!.push(sample);
      process.stderr.write(`  ${name} #${i + 1}: ${(sample.ms / 1000).toFixed(2)} s, ${sample.rssMB.toFixed(0)} MB${sample.code !== 0 ? ` (exit ${sample.code})` : ''}\n`);
    }
  }
  return samples;
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  const in2csv = spawnSync('in2csv', ['--version'], { encoding: 'utf8' });
  return {
    nproc: Number(nproc),
    cpu: model,
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    xlsx: (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/xlsx/package.json'), 'utf8')) as { version: string }).version,
    in2csv: (in2csv.stdout || in2csv.stderr || 'not installed').trim(),
  };
}

// ---------------------------------------------------------------------------

const started = new Date();
const loadBefore = loadAverage();
process.stderr.write(`load average before: ${loadBefore.join(' ')}\n`);
const schemaDir = benchSchemaDir();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'opendata-bench-'));
const node = process.execPath;
const withIn2csv = !args['no-in2csv'] && spawnSync('in2csv', ['--version']).status === 0;

const sizes: Record<string, { rows: number; workbookMB: number; build: Measured; floor: Measured; in2csv?: Measured }> = {};
for (const rows of SIZES) {
  const file = workbookFor(rows, 'good');
  const runs = rows >= 1_000_000 ? RUNS_MILLION : RUNS;
  process.stderr.write(`${rows.toLocaleString('en-US')} rows (${runs} runs)\n`);
  let n = 0;
  const commands: Record<string, () => Sample> = {
    build: () => {
      const out = path.join(scratch, `out-${rows}-${n++}`);
      const sample = measureOnce(node, [BIN, 'build', file, '--out', out, '--schema', schemaDir, ...DATASET], { OPENDATA_TIMINGS: '1' });
      rmSync(out, { recursive: true, force: true });
      return sample;
    },
    floor: () => measureOnce(node, [FLOOR, file]),
  };
  if (withIn2csv) commands.in2csv = () => measureOnce('sh', ['-c', `in2csv --skip-lines 2 "$0" > /dev/null`, file]);
  const samples = interleaved(runs, commands);
  sizes[String(rows)] = {
    rows,
    workbookMB: Math.round((readFileSync(file).length / 1024 / 1024) * 10) / 10,
    build: summarize(samples.build!, (s) => s.code === 0),
    floor: summarize(samples.floor!, (s) => s.code === 0),
    ...(samples.in2csv ? { in2csv: summarize(samples.in2csv, (s) => s.code === 0) } : {}),
  };
}

let startup: Record<string, Measured> | undefined;
if (!args['no-startup']) {
  process.stderr.write('85-row source workbook and start-up (10 runs)\n');
  let n = 0;
  const samples = interleaved(10, {
    build: () => {
      const out = path.join(scratch, `out-85-${n++}`);
      const sample = measureOnce(node, [BIN, 'build', SOURCE, '--out', out, ...DATASET], { OPENDATA_TIMINGS: '1' });
      rmSync(out, { recursive: true, force: true });
      return sample;
    },
    importXlsx: () => measureOnce(node, ['-e', "import('xlsx')"]),
    nodeOnly: () => measureOnce(node, ['-e', '0']),
  });
  startup = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v, (s) => s.code === 0)]));
}

let badRows: (Measured & { rows: number; shownErrors?: number; omittedErrors?: number; totalErrors?: number }) | undefined;
if (!args['no-bad'] && SIZES.includes(100_000)) {
  const rows = 100_000;
  const file = workbookFor(rows, 'bad');
  process.stderr.write(`validate ${rows.toLocaleString('en-US')} bad rows (${RUNS} runs)\n`);
  const samples = interleaved(RUNS, { validate: () => measureOnce(node, [BIN, 'validate', file, '--format', 'json', '--schema', schemaDir, ...DATASET]) });
  const runs = samples.validate!;
  const measured = summarize(runs, (s) => s.code === 1);
  let shown: { shownErrors?: number; omittedErrors?: number; totalErrors?: number } = {};
  try {
    const report = JSON.parse(runs.find((s) => s.code === 1)?.stdout ?? '') as { errors: unknown[]; omitted?: { errors?: number } };
    shown = { shownErrors: report.errors.length, omittedErrors: report.omitted?.errors ?? 0, totalErrors: report.errors.length + (report.omitted?.errors ?? 0) };
  } catch {
    // no JSON: the note says why
  }
  badRows = { rows, ...measured, ...shown };
}
rmSync(scratch, { recursive: true, force: true });

// ---------------------------------------------------------------------------
// Targets (issue 8), as ratios within this run

interface Target {
  target: string;
  value: string;
  limit: string;
  met: boolean | null;
}
const targets: Target[] = [];
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? a / b : null);
const check = (target: string, value: number | null, limit: number, unit: string, lowerIsBetter = true) =>
  targets.push({
    target,
    value: value === null ? 'n/a' : `${value.toFixed(2)}${unit}`,
    limit: `${lowerIsBetter ? '≤' : '≥'} ${limit}${unit}`,
    met: value === null ? null : lowerIsBetter ? value <= limit : value >= limit,
  });
const s100k = sizes['100000'];
const s10k = sizes['10000'];
const s1m = sizes['1000000'];
if (s100k) {
  check('100k rows: build time ÷ floor time', ratio(s100k.build.medianMs, s100k.floor.medianMs), 1.3, '×');
  check('100k rows: build peak RSS ÷ floor peak RSS', ratio(s100k.build.medianRssMB, s100k.floor.medianRssMB), 1.5, '×');
  if (s100k.in2csv) check('100k rows: in2csv time ÷ build time', ratio(s100k.in2csv.medianMs, s100k.build.medianMs), 2.5, '×', false);
}
if (s100k && s10k) check('linear: 100k build time ÷ 10k build time', ratio(s100k.build.medianMs, s10k.build.medianMs), 11, '×');
if (s1m) check('1M rows: build peak RSS (MB)', s1m.build.failed === s1m.build.runs ? null : s1m.build.medianRssMB, 2048, ' MB');
if (startup) check('85 rows: build time ÷ node importing SheetJS', ratio(startup.build!.medianMs, startup.importXlsx!.medianMs), 2, '×');
if (badRows) {
  targets.push({
    target: '100k bad rows: report shows the first 1,000 problems and counts the rest',
    value: badRows.shownErrors === undefined ? 'n/a' : `${badRows.shownErrors} shown + ${badRows.omittedErrors} counted`,
    limit: '≤ 1000 shown, all counted',
    met: badRows.shownErrors === undefined ? null : badRows.shownErrors <= 1000 && badRows.totalErrors === badRows.rows,
  });
}

const results = {
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  started: started.toISOString(),
  seconds: Math.round((Date.now() - started.getTime()) / 1000),
  machine: machine(),
  loadAverage: { before: loadBefore, after: loadAverage() },
  seed: SEED,
  sizes,
  startup,
  badRows,
  targets,
};
mkdirSync(path.dirname(args.out), { recursive: true });
writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);

// ---------------------------------------------------------------------------
// The table

const sec = (ms: number | null | undefined) => (ms === null || ms === undefined ? 'n/a' : (ms / 1000).toFixed(2));
const mb = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : v.toFixed(0));
const x = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(2)}×`);
const lines: string[] = [];
lines.push(`machine: ${results.machine.nproc} × ${results.machine.cpu}, ${results.machine.memoryGB} GB, Node ${results.machine.node}, SheetJS ${results.machine.xlsx}; load average ${loadBefore.join(' ')} → ${results.loadAverage.after.join(' ')}`);
lines.push('');
lines.push('| rows | build s | build MB | floor s | floor MB | in2csv s | in2csv MB | build÷floor time | build÷floor RSS | in2csv÷build | stages (median ms) |');
lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const s of Object.values(sizes)) {
  const st = s.build.stages ?? {};
  const stages = ['read', 'ingest', 'normalize', 'validate', 'lint', 'report', 'package', 'write']
    .filter((k) => st[k] !== undefined)
    .map((k) => `${k} ${Math.round(st[k]!)}`)
    .join(', ');
  lines.push(
    `| ${s.rows.toLocaleString('en-US')} | ${sec(s.build.medianMs)} | ${mb(s.build.medianRssMB)} | ${sec(s.floor.medianMs)} | ${mb(s.floor.medianRssMB)} | ${sec(s.in2csv?.medianMs)} | ${mb(s.in2csv?.medianRssMB)} | ${x(ratio(s.build.medianMs, s.floor.medianMs))} | ${x(ratio(s.build.medianRssMB, s.floor.medianRssMB))} | ${x(ratio(s.in2csv?.medianMs, s.build.medianMs))} | ${stages}${s.build.failed ? ` (${s.build.failed} failed: ${s.build.note})` : ''}${s.floor.failed ? ` (floor ${s.floor.failed} failed: ${s.floor.note})` : ''} |`,
  );
}
if (startup) {
  lines.push('');
  lines.push('| 85-row source workbook | s | MB |');
  lines.push('|---|---:|---:|');
  lines.push(`| opendata build | ${sec(startup.build!.medianMs)} | ${mb(startup.build!.medianRssMB)} |`);
  lines.push(`| node -e "import('xlsx')" | ${sec(startup.importXlsx!.medianMs)} | ${mb(startup.importXlsx!.medianRssMB)} |`);
  lines.push(`| node -e 0 | ${sec(startup.nodeOnly!.medianMs)} | ${mb(startup.nodeOnly!.medianRssMB)} |`);
}
if (badRows) {
  lines.push('');
  lines.push(`validate, ${badRows.rows.toLocaleString('en-US')} bad rows: ${sec(badRows.medianMs)} s, ${mb(badRows.medianRssMB)} MB; report: ${badRows.shownErrors ?? 'n/a'} errors shown, ${badRows.omittedErrors ?? 'n/a'} counted${badRows.failed ? ` (${badRows.note})` : ''}`);
}
lines.push('');
lines.push('| target | value | limit | met |');
lines.push('|---|---:|---:|:---:|');
for (const t of targets) lines.push(`| ${t.target} | ${t.value} | ${t.limit} | ${t.met === null ? '?' : t.met ? 'yes' : 'NO'} |`);
process.stdout.write(`${lines.join('\n')}\n\nwritten: ${path.relative(ROOT, args.out)}\n`);
