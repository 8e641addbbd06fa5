// `npm run build`, last: bundles the compiled CLI (.build/pipeline/cli.js and the command modules
// it imports when they run) into .build/bundle/, one file per command plus shared chunks, which
// pipeline/bin/opendata.js runs. Loading ~90 small ES modules one by one cost ~45 ms of the 85-row
// build's start-up. esbuild is the one tsx already installs (pinned in package-lock.json); where it
// is missing the bin runs .build/pipeline/ unbundled, which behaves the same, only more slowly.
import { rmSync } from 'node:fs';
import path from 'node:path';

interface Esbuild {
  build(options: Record<string, unknown>): Promise<unknown>;
}

const compiled = path.resolve('.build/pipeline');
const outdir = path.resolve('.build/bundle');
rmSync(outdir, { recursive: true, force: true });

let esbuild: Esbuild | undefined;
try {
  esbuild = (await import('esbuild' as string)) as Esbuild;
} catch {
  process.stderr.write('opendata: esbuild is not installed; the CLI runs unbundled from .build/pipeline/\n');
}
await esbuild?.build({
  entryPoints: [path.join(compiled, 'cli.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages stay imports from node_modules, as they are unbundled.
  packages: 'external',
  // No keepNames: it wraps every function made at run time in a __name() call (~130 ms of a
  // 100,000-row build, closures made per cell); without minifying, names stay as written anyway,
  // except where two modules' top-level names collide.
  logLevel: 'warning',
});
