import type { Problem } from '../problem/Problem.ts';
import { groupByRow, shownProblem, summaryLine, summaryLineEn, where, omittedNote } from './format.ts';
import type { Report } from './Report.ts';
import { visible } from '../problem/visible.ts';

const LABEL = { error: 'エラー', warning: '警告' } as const;

function problemLines(problem: Problem): string[] {
  const p = shownProblem(problem, 500);
  // The value only when the message does not already quote it.
  const value = p.value !== undefined && !p.message.ja.includes(p.value) ? `（値: ${p.value}）` : '';
  const place = where(p);
  const lines = [`  [${LABEL[p.severity]}] ${place ? `${place} ` : ''}${p.message.ja}${value}`, `      ${p.message.en}`];
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
  const head = `${report.dataset}: ${visible(report.file)}（${report.rows}行${report.asOf ? `、${report.asOf}時点` : ''}）`;
  const verdict = report.valid ? '公開できます / valid' : '直すところがあります / invalid';
  const lines = [
    head,
    `${summaryLine(report)}  (${summaryLineEn(report)})`,
    ...section('■ エラー（直さないと公開できません） / Errors', report.errors),
    ...section('■ 警告（公開できますが確認してください） / Warnings', report.warnings),
    ...(omittedNote(report) ? ['', omittedNote(report)] : []),
    '',
    `${verdict} — ${summaryLine(report)}`,
  ];
  return `${lines.join('\n')}\n`;
}
