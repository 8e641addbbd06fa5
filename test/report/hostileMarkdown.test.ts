/** Cell text through every renderer that puts it into Markdown: nothing it holds may format, link, mention or hide. */
import { describe, expect, it } from 'vitest';
import { commentBody } from '../../pipeline/github/commentBody.ts';
import { problem } from '../../pipeline/problem/Problem.ts';
import { renderChangelog } from '../../pipeline/report/changes/changelog.ts';
import { renderChangesMarkdown } from '../../pipeline/report/changes/markdown.ts';
import { renderMarkdown } from '../../pipeline/report/markdown.ts';
import { makeReport } from '../../pipeline/report/Report.ts';
import { HOSTILE, changeSetOf } from '../fixtures/changeSets.ts';
import { expectInert } from '../helpers/inertMarkdown.ts';

const report = () =>
  makeReport({
    dataset: 'hostile',
    file: 'sources/hostile.xlsx',
    rows: 1,
    asOf: null,
    problems: [problem('type-error', 'error', { sheet: 'Sheet1', cell: 'B2', row: 2, field: 'note', value: HOSTILE }, { ja: HOSTILE, en: HOSTILE }, { ja: HOSTILE, en: HOSTILE })],
    normalizations: [{ rule: 'space/trim', before: HOSTILE, after: HOSTILE, sheet: 'Sheet1', cell: 'B2', row: 2, field: 'note' }],
    fieldTitles: { note: HOSTILE },
  });

describe('hostile cell text is inert in', () => {
  it('the validate report (report.md)', () => {
    expectInert(renderMarkdown(report()));
  });

  it('diff.md (the pull request diff)', () => {
    const markdown = renderChangesMarkdown(changeSetOf(HOSTILE), { level: 3, limit: 100 });
    expect(markdown).toContain('\\[open the form\\]'); // still there for people to read
    expectInert(markdown);
  });

  it('CHANGES.md (the release notes) and CHANGELOG.md', () => {
    expectInert(renderChangesMarkdown(changeSetOf(HOSTILE), { level: 2 }));
    expectInert(renderChangelog({ ja: HOSTILE, en: HOSTILE }, [changeSetOf(HOSTILE), changeSetOf(HOSTILE)]));
  });

  it('the pull-request comment (report and diff under the marker)', () => {
    const body = commentBody('opendata-report', `${renderMarkdown(report())}\n\n${renderChangesMarkdown(changeSetOf(HOSTILE), { level: 3, limit: 100 })}`);
    const [marker, ...rest] = body.split('\n');
    expect(marker).toBe('<!-- opendata-report -->');
    expectInert(rest.join('\n'));
  });

  it('the comment even when it has to be cut: every escape and every cell stays whole', () => {
    const body = commentBody('opendata-report', renderChangesMarkdown(changeSetOf(`${HOSTILE} ${'長'.repeat(300)}`, 400), { level: 3, limit: 400 }));
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('GitHub’s comment limit');
    expectInert(body.split('\n').slice(1).join('\n'));
  });
});
