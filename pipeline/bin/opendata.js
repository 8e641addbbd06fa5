#!/usr/bin/env node
// The `opendata` command. `npm install` compiles the TypeScript into .build/ (the `prepare`
// script), so nothing is compiled at run time: .build/bundle/ when esbuild was there to bundle it
// (fewer modules to load), otherwise .build/pipeline/. When the sources are newer than that build (a
// developer edited pipeline/ without `npm run build`), the sources are run through tsx instead,
// so a stale build is never silently used.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundled = new URL('../../.build/bundle/cli.js', import.meta.url);
const compiled = existsSync(bundled) ? bundled : new URL('../../.build/pipeline/cli.js', import.meta.url);
const sources = fileURLToPath(new URL('..', import.meta.url));

// A walk of its own: readdirSync's `recursive` costs ~15 ms more here, a tenth of the start-up.
function newestSource(dir = sources) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

let cli;
if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource()) {
  cli = await import(compiled.href);
} else {
  if (existsSync(compiled)) process.stderr.write('opendata: .build/ is older than pipeline/; running the sources (npm run build refreshes it)\n');
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli.ts');
}
await cli.runFromProcess();
