import type { Normalization } from '../problem/Normalization.ts';
import type { Problem } from '../problem/Problem.ts';
import { visible } from '../problem/visible.ts';
import { countBy, summaryLine, summaryLineEn, where } from './format.ts';
import type { Report } from './Report.ts';

/** GitHub refuses comments longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for what a caller adds around the report (a diff, a marker). */
const DEFAULT_BUDGET = 40_000;

/**
 * Cell text for a table cell: visible (⏎ for line breaks, no control characters), cut to 300
 * characters, with Markdown and HTML made literal so a value cannot format, link, hide the rest of
 * the comment (`<!--`, `</details>`) or mention anyone (`@team`).
 */
const cell = (text: string | undefined): string =>
  visible(text ?? '', 300)
    .replace(/[\\`*_[\]~|]/gu, (ch) => `\\${ch}`)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/@/gu, '@\u200B');

/** `…ほか 12件（type-error 10件、blank-cell 2件）` for the part of a list that was left out. */
function more<T>(left: readonly T[], key: (item: T) => string): string {
  const counts = countBy(left, key);
  const ja = counts.map(({ key: k, count }) => `${k} ${count}件`).join('、');
  const en = counts.map(({ key: k, count }) => `${k} ${count}`).join(', ');
  return `…ほか ${left.length}件（${ja}）。全件は JSON レポートにあります / ${left.length} more (${en}) in the JSON report`;
}

type Titles = Record<string, string>;
const titleOf = (titles: Titles, field: string | undefined) => (field !== undefined && Object.hasOwn(titles, field) ? titles[field] : field);

function problemTable(problems: Problem[], limit: number, titles: Titles): string[] {
  const lines = ['| セル | 項目 | 値 | 内容 | 直し方 |', '|---|---|---|---|---|'];
  for (const p of problems.slice(0, limit)) {
    lines.push(`| ${cell(where(p))} | ${cell(titleOf(titles, p.field))} | ${cell(p.value)} | ${cell(p.message.ja)}<br><sub>${cell(p.message.en)}</sub> | ${cell(p.fix?.ja)} |`);
  }
  if (problems.length > limit) lines.push('', more(problems.slice(limit), (p) => p.code));
  return lines;
}

function normalizationTable(normalizations: Normalization[], limit: number, titles: Titles): string[] {
  const lines = ['| セル | 項目 | 規則 | 前 | 後 |', '|---|---|---|---|---|'];
  for (const n of normalizations.slice(0, limit)) {
    lines.push(`| ${cell(`${n.sheet}!${n.cell}`)} | ${cell(titleOf(titles, n.field))} | ${cell(n.rule)} | ${cell(n.before)} | ${cell(n.after)} |`);
  }
  if (normalizations.length > limit) lines.push('', more(normalizations.slice(limit), (n) => n.rule));
  return lines;
}

/** How many rows of each list are shown. */
interface Limits {
  errors: number;
  warnings: number;
  normalizations: number;
}

function render(report: Report, limits: Limits): string {
  const titles = report.fieldTitles;
  const lines = [
    `### ${report.valid ? '✅' : '❌'} ${cell(report.dataset)}: ${cell(report.file)}`,
    '',
    `**${summaryLine(report)}** (${summaryLineEn(report)}) — ${report.rows}行${report.asOf ? `、${report.asOf}時点` : ''}`,
  ];
  if (report.errors.length > 0) lines.push('', '#### エラー（直さないと公開できません） / Errors', '', ...problemTable(report.errors, limits.errors, titles));
  if (report.warnings.length > 0) lines.push('', '#### 警告（公開できますが確認してください） / Warnings', '', ...problemTable(report.warnings, limits.warnings, titles));
  if (report.normalizations.length > 0) {
    lines.push('', `<details><summary>正規化の記録 ${report.normalizations.length}件 / Normalization log</summary>`, '', ...normalizationTable(report.normalizations, limits.normalizations, titles), '', '</details>');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * For a pull-request comment and the job summary. Within `budget` characters (GitHub refuses comments
 * over 65,536): when too long, the normalization log is cut first, then the warnings, then the errors,
 * each halved until it fits; what is left out is counted by code.
 */
export function renderMarkdown(report: Report, budget = DEFAULT_BUDGET): string {
  const limits: Limits = { errors: report.errors.length, warnings: report.warnings.length, normalizations: report.normalizations.length };
  let text = render(report, limits);
  for (const list of ['normalizations', 'warnings', 'errors'] as const) {
    while (text.length > budget && limits[list] > 0) {
      limits[list] = Math.floor(limits[list] / 2);
      text = render(report, limits);
    }
  }
  return text;
}
