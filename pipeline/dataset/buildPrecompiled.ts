// `npm run build`, after tsc: precompiles the project's own definitions and schemas into .build/
// (never committed), so commands start without parsing YAML, compiling schemas or loading either library.
import path from 'node:path';
import { PACKAGE_PROFILE_FILE } from '../package/profileAjv.ts';
import { precompileProfile } from '../package/precompileProfile.ts';
import { DEFINITIONS_DIR } from './parseDefinition.ts';
import { precompileProject } from './precompile.ts';
import { VALIDATORS_DIR } from './precompiled.ts';

const { skipped } = precompileProject(path.resolve('schema'), { validators: VALIDATORS_DIR, definitions: DEFINITIONS_DIR });
// The official Data Package profile every built descriptor is checked against (after: precompileProject empties the folder).
try {
  precompileProfile(VALIDATORS_DIR);
} catch (error) {
  skipped.push(`${PACKAGE_PROFILE_FILE}: ${(error as Error).message}`);
}
for (const reason of skipped) process.stderr.write(`opendata: not precompiled, read when used instead: ${reason}\n`);
