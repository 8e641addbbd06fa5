import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFINITIONS_DIR } from '../../pipeline/dataset/parseDefinition.ts';
import { precompileProject } from '../../pipeline/dataset/precompile.ts';
import { VALIDATORS_DIR } from '../../pipeline/dataset/precompiled.ts';
import { EXAMPLES, tempDir } from './project.ts';

/**
 * Adds to .build/ what `npm run build` precompiles for a project holding the examples (parsed definitions and
 * validators, each file named by the hash of its source text), so that tests of the build's own folders need no
 * earlier `npm run build`. Nothing there is removed or rewritten: a file is added through a rename, whole.
 */
export function precompileExamplesIntoBuild(): void {
  const staging = tempDir('opendata-precompiled-');
  const dirs = { validators: path.join(staging, 'validators'), definitions: path.join(staging, 'definitions') };
  const { skipped } = precompileProject(path.join(EXAMPLES, 'schema'), dirs);
  if (skipped.length > 0) throw new Error(`not precompiled: ${skipped.join('; ')}`);
  for (const [from, into] of [[dirs.validators, VALIDATORS_DIR], [dirs.definitions, DEFINITIONS_DIR]] as const) {
    mkdirSync(into, { recursive: true });
    for (const name of readdirSync(from)) {
      if (existsSync(path.join(into, name))) continue;
      const partial = path.join(into, `${name}.${process.pid}.partial`);
      writeFileSync(partial, readFileSync(path.join(from, name)));
      renameSync(partial, path.join(into, name));
    }
  }
}
