#!/usr/bin/env node
// The `opendata` command. `npm install` compiles the TypeScript into .build/ (the `prepare`
// script), so nothing is compiled at run time; a checkout without that build falls back to tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../../.build/pipeline/cli.js', import.meta.url);
let cli;
if (existsSync(compiled)) {
  cli = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../cli.ts');
}
await cli.runFromProcess();
