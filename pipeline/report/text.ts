import type { Problem } from '../problem/Problem.ts';
import { groupByRow, summaryLine, summaryLineEn, where } from './format.ts';
import type { Report } from './Report.ts';

const LABEL = { error: 'エラー', warning: '警告' } as const;

function problemLines(p: Problem): string[] {
  const value = p.value !== undefined ? `（値: ${p.value}）` : '';
  const lines = [`  [${LABEL[p.severity]}] ${where(p)} ${p.message.ja}${value}`, `      ${p.message.en}`];
  if (p.fix) lines.push(`      直し方: ${p.fix.ja}`);
  return lines;
}

function section(title: string, problems: Problem[]): string[] {
  if (problems.length === 0) return [];
  const lines = ['', title];
  for (const [row, group] of groupByRow(problems)) {
    lines.push(row === undefined ? '― ファイル全体 ―' : `― ${row}行目 ―`);
    for (const p of group) lines.push(...problemLines(p));
  }
  return lines;
}

/** For a terminal: grouped by row, errors first, one summary line at the top and the bottom. */
export function renderText(report: Report): string {
  const head = `${report.dataset}: ${report.file}（${report.rows}行${report.asOf ? `、${report.asOf}時点` : ''}）`;
  const verdict = report.valid ? '公開できます / valid' : '直すところがあります / invalid';
  const lines = [
    head,
    `${summaryLine(report)}  (${summaryLineEn(report)})`,
    ...section('■ エラー（直さないと公開できません） / Errors', report.errors),
    ...section('■ 警告（公開できますが確認してください） / Warnings', report.warnings),
    '',
    `${verdict} — ${summaryLine(report)}`,
  ];
  return `${lines.join('\n')}\n`;
}
