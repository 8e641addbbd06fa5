import { spawnSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES, ROOT, tempDir } from './project.ts';

/**
 * A copy of the repository with the examples as its datasets, after `npm run build` ran in it: what a fresh clone
 * has after `npm ci`, for tests of the built bin that must not rely on an earlier build of this checkout.
 */
export function freshBuild(): string {
  const dir = tempDir('opendata-build-');
  for (const file of ['pipeline', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) {
    cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
  }
  for (const folder of ['schema', 'sources']) cpSync(path.join(EXAMPLES, folder), path.join(dir, folder), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: dir, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status}): ${build.stdout}${build.stderr}`);
  return dir;
}
