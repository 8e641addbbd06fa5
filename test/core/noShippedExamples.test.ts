/**
 * A fork deletes the examples (schema/datasets/covid19-*, sources/*, dist/*) and must still pass npm test, so no test
 * reads the repository's own datasets, workbooks or publication but the generic checks of what it publishes. Tests
 * use the examples' copies (test/helpers/examples.ts: EXAMPLES, SOURCE_WORKBOOK, exampleDataset, runCli's default).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project.ts';

/** Ways a test reaches the repository's schema/datasets/, sources/ or dist/ (schema/*.schema.json are the repository's own). */
const READS_THE_REPOSITORY = [
  /\w*ROOT\s*,\s*[`'"](?:schema(?:[`'"]|\/datasets)|sources\b|dist\b)/u,
  /[`'"](?:\.\.\/)+(?:schema|sources|dist)\b/u,
  // The CLI run in the repository reads its schema/, sources/ and dist/.
  /\],\s*ROOT\s*[,)]/u,
  /cwd:\s*ROOT\b/u,
];

/** Files allowed to, and why. */
const ALLOWED: Record<string, string> = {
  'test/publish/committedDist.test.ts': 'checks whatever datasets the repository declares and publishes',
  'test/core/callCenter.test.ts': 'reads the git history of the example files (cwd: ROOT), not the files',
  'test/fixtures/build-source-workbook.ts': 'the script that writes the shipped example workbook',
  'test/fixtures/build-call-center-workbook.ts': 'the script that writes the shipped example workbook (when run, not imported)',
  'test/fixtures/build-aed-workbook.ts': 'the script that writes the shipped example workbook (when run, not imported)',
  'test/cli/internalError.test.ts': 'runs the CLI with --help in the repository (cwd: ROOT), which reads no project',
  'test/helpers/scriptWorkbook.ts': 'runs a workbook script in the repository (cwd: ROOT, where tsx is found); reads no dataset',
  'test/core/noShippedExamples.test.ts': 'this list of patterns',
};

/** Every .ts file under test/ but test/bench/ (npm run bench measures the shipped workbook; npm test does not run it). */
const testFiles = readdirSync(path.join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.startsWith(`bench${path.sep}`))
  .map((file) => path.posix.join('test', ...file.split(path.sep)))
  .sort();

describe('the tests', () => {
  it('read the examples from their own copies, never from the repository’s schema/datasets/, sources/ or dist/', () => {
    const offending = testFiles.flatMap((file) =>
      file in ALLOWED
        ? []
        : readFileSync(path.join(ROOT, file), 'utf8')
            .split('\n')
            .flatMap((line, i) => (READS_THE_REPOSITORY.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('are allowed exceptions only in files that exist and need one', () => {
    const reads = (file: string) => READS_THE_REPOSITORY.some((pattern) => pattern.test(readFileSync(path.join(ROOT, file), 'utf8')));
    const needing = testFiles.filter(reads);
    expect(Object.keys(ALLOWED).sort()).toEqual(needing);
  });
});
