/** A bug ends in "internal error" with its stack, but never prints a token: an error thrown from a request can carry it. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/project.ts';

describe('an internal error', () => {
  it('says so with exit 70, and the token in its message is redacted', () => {
    const token = `ghs_${'A1b2C3d4'.repeat(5)}`;
    const entry = path.join(tempDir(), 'throwing-entry.mts');
    // The CLI's own output function throws, as a failing request would, with the token in the message.
    writeFileSync(
      entry,
      `import { runFromProcess } from ${JSON.stringify(path.join(ROOT, 'pipeline/cli.ts'))};\n` +
        'await runFromProcess({ stdout: () => { throw new Error(`request failed for ${process.env.GITHUB_TOKEN}`); } });\n',
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', entry, '--help'], { cwd: ROOT, env: { ...process.env, GITHUB_TOKEN: token }, encoding: 'utf8' });
    expect(run.status).toBe(70);
    expect(run.stderr).toContain('internal error');
    expect(run.stderr).toContain('request failed for ***');
    expect(run.stderr).not.toContain(token);
  });
});
