/** The guides say what the code does: the quick start, every definition key and column rule, every problem staff can meet. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project.ts';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const CONTRIBUTING = readFileSync(path.join(ROOT, '.github/CONTRIBUTING.md'), 'utf8');
const DEFINITION_SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'schema/dataset.schema.json'), 'utf8')) as {
  properties: Record<string, { description?: string }>;
  $defs: Record<string, unknown>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : name.endsWith('.ts') ? [file] : [];
  });
}

/** Problem codes the pipeline can report, read from its source: problem('code', …), code: 'code', X_CODE = 'code', fail('code', …). */
function problemCodes(): Set<string> {
  const codes = new Set<string>();
  const patterns = [/problem\(\s*'([a-z0-9/-]+)'/gu, /\bcode: '([a-z0-9/-]+)'/gu, /_CODE = '([a-z0-9/-]+)'/gu, /TYPE_ERROR = '([a-z0-9/-]+)'/gu, /\bfail\(\s*'([a-z0-9/-]+)'/gu];
  for (const file of sourceFiles(path.join(ROOT, 'pipeline'))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1]!);
  }
  return codes;
}

/** Codes only the workflows or `opendata init` meet, never staff looking at a report. */
const NOT_FOR_STAFF = /^(github-|init-)|^(input-file-unreadable|published-file-invalid|git-failed)$/u;

describe('README', () => {
  it('keeps the two quick-start commands exactly', () => {
    expect(README).toContain('npm install && npm run pipeline');
    expect(README).toContain('npm test  ');
  });

  it('puts Japanese first and English below in the guides it adds', () => {
    const order = [
      ['公開したデータは', 'Published data lives'],
      ['一つのデータセットは', 'A dataset is declared'],
      ['見出しの行（最初の30行で', '`opendata init` finds the header row'],
      ['1. **フォークする**', '1. **Fork**'],
    ] as const;
    for (const [ja, en] of order) {
      expect(README.indexOf(ja), ja).toBeGreaterThan(0);
      expect(README.indexOf(ja), `${ja} before ${en}`).toBeLessThan(README.indexOf(en));
    }
  });

  it('documents every key of a definition and every column rule', () => {
    const section = README.slice(README.indexOf('## データセット定義'), README.indexOf('## フォークして'));
    for (const key of Object.keys(DEFINITION_SCHEMA.properties)) expect(section, key).toContain(`\`${key}\``);
    for (const rule of ['text', 'integer', 'date', 'month', 'enum', 'code', 'numbered-label', 'relist-marker']) expect(section, rule).toContain(`| \`${rule}\` |`);
  });

  it('names the permissions every workflow declares', () => {
    const workflows = readdirSync(path.join(ROOT, '.github/workflows'));
    const section = README.slice(README.indexOf('## フォークして'));
    for (const file of workflows) {
      expect(section, file).toContain(`\`${file}\``);
      const declared = [...readFileSync(path.join(ROOT, '.github/workflows', file), 'utf8').matchAll(/^ {6}([a-z-]+): (read|write)$/gmu)].map((m) => `${m[1]}: ${m[2]}`);
      for (const permission of declared) expect(section, `${file} ${permission}`).toContain(permission);
    }
  });
});

describe('.github/CONTRIBUTING.md', () => {
  it('walks staff through the web pages: upload on a new branch, pull request, report, re-upload, merge', () => {
    const steps = ['Upload files', 'Create a new branch for this commit and start a pull request', 'Create pull request', '報告のコメント', 'Commit directly to the', 'Merge pull request'];
    let at = 0;
    for (const step of steps) {
      const found = CONTRIBUTING.indexOf(step, at);
      expect(found, step).toBeGreaterThan(at - 1);
      at = found;
    }
  });

  it('explains every problem code the pipeline reports to staff', () => {
    const codes = [...problemCodes()].filter((code) => !NOT_FOR_STAFF.test(code));
    expect(codes.length).toBeGreaterThan(30);
    const missing = codes.filter((code) => !CONTRIBUTING.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
