/**
 * The project the tests run against: the two example datasets (the Hiratsuka list and the made-up call
 * center), from the tests' own copies in test/fixtures/examples/, never from the repository's schema/datasets/,
 * sources/ or dist/, which a fork deletes. Laid out like the repository in test-output/examples/:
 * the repository's schema/ but for its datasets/ (dataset.schema.json and the rest, which a fork keeps), and the
 * definitions and workbooks of test/fixtures/examples/. The workbooks are committed: the Hiratsuka list's transcript is
 * not in the repository, and the call center's is checked against its script (test/core/callCenter.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((rel) => statSync(path.join(dir, rel)).isFile()) : [];

/**
 * Brings test-output/examples/ up to date and returns its path. Every test worker calls it on loading the helpers:
 * a file is written only when its bytes differ, and through a rename, so workers doing it at once all read whole files.
 */
export function assembleExamples(root: string): string {
  const dir = path.join(root, 'test-output/examples');
  const fixtures = path.join(root, 'test/fixtures/examples');
  const files = new Map<string, Uint8Array>();
  for (const rel of filesUnder(path.join(root, 'schema'))) {
    if (!rel.startsWith(`datasets${path.sep}`)) files.set(path.join('schema', rel), readFileSync(path.join(root, 'schema', rel)));
  }
  for (const rel of filesUnder(fixtures)) files.set(rel, readFileSync(path.join(fixtures, rel)));
  for (const [rel, bytes] of files) {
    const file = path.join(dir, rel);
    if (existsSync(file) && Buffer.from(bytes).equals(readFileSync(file))) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  }
  // A file no longer among the fixtures (a definition renamed, a test's leftover) would be read as part of the project.
  for (const rel of filesUnder(dir)) if (!files.has(rel) && !rel.endsWith('.partial')) rmSync(path.join(dir, rel), { force: true });
  return dir;
}
