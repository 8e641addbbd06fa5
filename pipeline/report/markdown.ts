import type { Normalization } from '../problem/Normalization.ts';
import type { Problem } from '../problem/Problem.ts';
import { countBy, omittedNote, summaryLine, summaryLineEn, where } from './format.ts';
import { markdownCell as cell } from './markdownCell.ts';
import type { Report } from './Report.ts';

/** GitHub refuses comments longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for what a caller adds around the report (a diff, a marker). */
const DEFAULT_BUDGET = 40_000;

/** `…ほか 12件（type-error 10件、blank-cell 2件）` for the part of a list that was left out. */
function more<T>(left: readonly T[], key: (item: T) => string): string {
  const counts = countBy(left, key);
  const ja = counts.map(({ key: k, count }) => `${k} ${count}件`).join('、');
  const en = counts.map(({ key: k, count }) => `${k} ${count}`).join(', ');
  return `…ほか ${left.length}件（${ja}）。全件は JSON レポートにあります / ${left.length} more (${en}) in the JSON report`;
}

type Titles = Record<string, string>;
const titleOf = (titles: Titles, field: string | undefined) => (field !== undefined && Object.hasOwn(titles, field) ? titles[field] : field);

/** One list of the report: its heading, its table, and how one item becomes a row. */
interface Section<T> {
  open: string[];
  close: string[];
  columns: string;
  items: readonly T[];
  row(item: T): string;
  key(item: T): string;
}

function problemSection(heading: string, problems: readonly Problem[], titles: Titles): Section<Problem> {
  return {
    open: ['', heading, ''],
    close: [],
    columns: '| セル | 項目 | 値 | 内容 | 直し方 |',
    items: problems,
    row: (p) => `| ${cell(where(p))} | ${cell(titleOf(titles, p.field))} | ${cell(p.value)} | ${cell(p.message.ja)}<br><sub>${cell(p.message.en)}</sub> | ${cell(p.fix?.ja)} |`,
    key: (p) => p.code,
  };
}

function normalizationSection(normalizations: readonly Normalization[], titles: Titles): Section<Normalization> {
  return {
    open: ['', `<details><summary>正規化の記録 ${normalizations.length}件 / Normalization log</summary>`, ''],
    close: ['', '</details>'],
    columns: '| セル | 項目 | 規則 | 前 | 後 |',
    items: normalizations,
    row: (n) => `| ${cell(`${n.sheet}!${n.cell}`)} | ${cell(titleOf(titles, n.field))} | ${cell(n.rule)} | ${cell(n.before)} | ${cell(n.after)} |`,
    key: (n) => n.rule,
  };
}

/** The section with the rows shown, and a count of the rest by code (or rule). */
function renderSection<T>(section: Section<T>, rows: readonly string[]): string[] {
  if (section.items.length === 0) return [];
  const lines = [...section.open, section.columns, `|${'---|'.repeat(5)}`, ...rows];
  if (rows.length < section.items.length) lines.push('', more(section.items.slice(rows.length), section.key));
  return [...lines, ...section.close];
}

const size = (lines: readonly string[]) => lines.reduce((n, line) => n + line.length + 1, 0);

/**
 * For a pull-request comment and the job summary, within `budget` characters (GitHub refuses comments
 * over 65,536; the default leaves room for what a caller adds). Rows are given to the errors first, then
 * the warnings, then the normalization log, as long as they fit; what is left out is counted by code.
 * Each row is rendered once, and only rows that can still fit are rendered.
 */
export function renderMarkdown(report: Report, budget = DEFAULT_BUDGET): string {
  const titles = report.fieldTitles;
  const head = [
    `### ${report.valid ? '✅' : '❌'} ${cell(report.dataset)}: ${cell(report.file)}`,
    '',
    `**${summaryLine(report)}** (${summaryLineEn(report)}) — ${report.rows}行${report.asOf ? `、${report.asOf}時点` : ''}`,
    ...(omittedNote(report) ? ['', omittedNote(report)] : []),
  ];
  const sections = [
    problemSection('#### エラー（直さないと公開できません） / Errors', report.errors, titles),
    problemSection('#### 警告（公開できますが確認してください） / Warnings', report.warnings, titles),
    normalizationSection(report.normalizations, titles),
  ] as Section<unknown>[];
  // Headings, tables and the longest possible "…ほか" line of every section are paid for first.
  let room = budget - size(head) - sections.reduce((n, s) => n + size(renderSection(s, [])), 0);
  const shown = sections.map((section) => {
    const rows: string[] = [];
    for (const item of section.items) {
      const line = section.row(item);
      if (line.length + 1 > room) break;
      rows.push(line);
      room -= line.length + 1;
    }
    return rows;
  });
  return `${[...head, ...sections.flatMap((section, i) => renderSection(section, shown[i]!))].join('\n')}\n`;
}
