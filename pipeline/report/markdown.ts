import type { Normalization } from '../problem/Normalization.ts';
import type { Problem } from '../problem/Problem.ts';
import { summaryLine, summaryLineEn, where } from './format.ts';
import type { Report } from './Report.ts';

/** GitHub refuses comments longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for what a caller adds around the report (a diff, a marker). */
const DEFAULT_BUDGET = 40_000;

const cell = (text: string | undefined): string =>
  (text ?? '').replace(/\|/gu, '\\|').replace(/\r?\n/gu, '<br>').slice(0, 300);

function problemTable(problems: Problem[], limit: number): string[] {
  const lines = ['| セル | 項目 | 値 | 内容 | 直し方 |', '|---|---|---|---|---|'];
  for (const p of problems.slice(0, limit)) {
    lines.push(`| ${cell(where(p))} | ${cell(p.field)} | ${cell(p.value)} | ${cell(p.message.ja)}<br><sub>${cell(p.message.en)}</sub> | ${cell(p.fix?.ja)} |`);
  }
  if (problems.length > limit) lines.push('', `…ほか ${problems.length - limit}件（全件は JSON レポートにあります / ${problems.length - limit} more in the JSON report）`);
  return lines;
}

function normalizationTable(normalizations: Normalization[], limit: number): string[] {
  const lines = ['| セル | 項目 | 規則 | 前 | 後 |', '|---|---|---|---|---|'];
  for (const n of normalizations.slice(0, limit)) {
    lines.push(`| ${cell(`${n.sheet}!${n.cell}`)} | ${cell(n.field)} | ${cell(n.rule)} | ${cell(n.before)} | ${cell(n.after)} |`);
  }
  if (normalizations.length > limit) lines.push('', `…ほか ${normalizations.length - limit}件 / ${normalizations.length - limit} more`);
  return lines;
}

function render(report: Report, limit: number): string {
  const lines = [
    `### ${report.valid ? '✅' : '❌'} ${report.dataset}: \`${report.file}\``,
    '',
    `**${summaryLine(report)}** (${summaryLineEn(report)}) — ${report.rows}行${report.asOf ? `、${report.asOf}時点` : ''}`,
  ];
  if (report.errors.length > 0) lines.push('', '#### エラー（直さないと公開できません） / Errors', '', ...problemTable(report.errors, limit));
  if (report.warnings.length > 0) lines.push('', '#### 警告（公開できますが確認してください） / Warnings', '', ...problemTable(report.warnings, limit));
  if (report.normalizations.length > 0) {
    lines.push('', `<details><summary>正規化の記録 ${report.normalizations.length}件 / Normalization log</summary>`, '', ...normalizationTable(report.normalizations, limit), '', '</details>');
  }
  return `${lines.join('\n')}\n`;
}

/** For a pull-request comment and the job summary; long lists are cut so the whole stays within `budget` characters. */
export function renderMarkdown(report: Report, budget = DEFAULT_BUDGET): string {
  let limit = Math.max(report.errors.length, report.warnings.length, report.normalizations.length);
  let text = render(report, limit);
  while (text.length > budget && limit > 0) {
    limit = Math.floor(limit / 2);
    text = render(report, limit);
  }
  return text;
}
