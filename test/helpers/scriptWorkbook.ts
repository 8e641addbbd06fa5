import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './project.ts';

/**
 * The workbook a script under test/fixtures/ builds, made in a process of its own as when the script is run:
 * SheetJS keeps the number formats of every workbook it wrote in a global table and writes them into the next.
 */
export function scriptWorkbook(script: string, exported: string): Buffer {
  const url = pathToFileURL(path.join(ROOT, script)).href;
  const code = `const m = await import(${JSON.stringify(url)}); process.stdout.write(m.${exported}());`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${script}: ${run.stderr.toString()}`);
  return run.stdout;
}
