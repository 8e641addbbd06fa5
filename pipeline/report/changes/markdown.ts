import type { FieldValue } from '../../normalize/RecordRow.ts';
import type { ChangeSet } from '../../publish/diff/ChangeSet.ts';
import { markdownCell as cell } from '../markdownCell.ts';

const BUMP_LABEL = { initial: '初版 / initial', major: 'MAJOR（互換性のない変更 / breaking）', minor: 'MINOR（追加・新しい時点 / additions）', patch: 'PATCH（修正 / corrections）', none: '変更なし / no change' } as const;

// Keys, labels, values and titles are cells or definition text: each goes through the one escaping.
const show = (v: FieldValue | undefined): string => (v === null || v === undefined ? '（空）' : cell(String(v)));
const num = (n: number | null | undefined): string => (n === null || n === undefined ? '-' : n.toLocaleString('ja-JP'));
const signed = (n: number): string => (n > 0 ? `+${num(n)}` : num(n));

function capped<T>(items: T[], limit: number, line: (item: T) => string): string[] {
  const lines = items.slice(0, limit).map(line);
  if (items.length > limit) lines.push(`| …ほか ${items.length - limit}件 / ${items.length - limit} more | | | | |`);
  return lines;
}

/** Whether re-listed rows make any total differ, so that "without re-listed" says something. */
export function hasRelisted(change: ChangeSet): boolean {
  return change.totals.some((t) => t.after.all !== t.after.withoutRelisted || (t.before !== null && t.before.all !== t.before.withoutRelisted));
}

/** The changes of one version: for a pull request, a release and a CHANGELOG.md entry. */
export function renderChangesMarkdown(change: ChangeSet, options: { level?: number; limit?: number } = {}): string {
  const h = '#'.repeat(options.level ?? 2);
  const sub = `${h}#`;
  const limit = options.limit ?? 200;
  const lines = [
    `${h} ${cell(change.dataset)} ${change.toVersion}（${change.asOf.after}時点）`,
    '',
    `- 版の上げ方 / bump: ${BUMP_LABEL[change.bump]}${change.fromVersion ? `（${change.fromVersion} から / from ${change.fromVersion}）` : ''}`,
    `- 要約: ${cell(change.summary.ja, 1000)}`,
    `- Summary: ${cell(change.summary.en, 1000)}`,
    `- 行数 / rows: ${change.rows.before} → ${change.rows.after}`,
  ];
  if (change.schema.length > 0) {
    lines.push('', `${sub} 項目（スキーマ）の変更 / Schema changes`, '', '| 内容 | Change | 互換性 / compatible |', '|---|---|---|');
    for (const c of change.schema) lines.push(`| ${cell(c.detail.ja)} | ${cell(c.detail.en)} | ${c.breaking ? '❌ なし（MAJOR）' : '✅ あり'} |`);
  }
  if (change.transitions.length > 0) {
    lines.push('', `${sub} 状況の変化 / Transitions`, '', '| 項目 | 変化 / change | 件数 / rows | 対象 / which |', '|---|---|---|---|');
    for (const t of change.transitions) lines.push(`| ${cell(t.title)} | ${show(t.from)} → ${show(t.to)} | ${t.rows.length} | ${t.rows.map((r) => `${cell(r.key)} ${show(r.label)}`).slice(0, 20).join('<br>')} |`);
  }
  for (const d of change.deltas) {
    lines.push('', `${sub} ${cell(d.title)}の増減 / ${cell(d.field)} deltas（計 ${signed(d.delta)}）`, '', '| キー / key | 名称 / name | 前 / before | 後 / after | 増減 / delta |', '|---|---|---|---|---|');
    lines.push(...capped(d.rows, limit, (r) => `| ${cell(r.key)} | ${show(r.label)} | ${num(r.old)} | ${num(r.new)} | ${signed((r.new ?? 0) - (r.old ?? 0))} |`));
  }
  if (change.totals.length > 0) {
    if (hasRelisted(change)) {
      lines.push('', `${sub} 合計 / Totals`, '', '| 項目 | 前・全件 / before, all | 後・全件 / after, all | 前・再掲除く / before, without re-listed | 後・再掲除く / after, without re-listed |', '|---|---|---|---|---|');
      for (const t of change.totals) lines.push(`| ${cell(t.title)} | ${num(t.before?.all)} | ${num(t.after.all)} | ${num(t.before?.withoutRelisted)} | ${num(t.after.withoutRelisted)} |`);
    } else {
      lines.push('', `${sub} 合計 / Totals`, '', '| 項目 | 前 / before | 後 / after |', '|---|---|---|');
      for (const t of change.totals) lines.push(`| ${cell(t.title)} | ${num(t.before?.all)} | ${num(t.after.all)} |`);
    }
  }
  if (change.added.length > 0) {
    lines.push('', `${sub} 追加 / Added（${change.added.length}）`, '', '| キー / key | 名称 / name | | | |', '|---|---|---|---|---|');
    lines.push(...capped(change.added, limit, (r) => `| ${cell(r.key)} | ${show(r.label)} | | | |`));
  }
  if (change.removed.length > 0) {
    lines.push('', `${sub} 削除 / Removed（${change.removed.length}）`, '', '| キー / key | 名称 / name | | | |', '|---|---|---|---|---|');
    lines.push(...capped(change.removed, limit, (r) => `| ${cell(r.key)} | ${show(r.label)} | | | |`));
  }
  const edits = change.changed.flatMap((row) => row.fields.map((f) => ({ row, f })));
  if (edits.length > 0) {
    lines.push('', `${sub} 変更された値 / Changed values（${change.changed.length}行）`, '', '| キー / key | 名称 / name | 項目 / field | 前 / before | 後 / after |', '|---|---|---|---|---|');
    lines.push(...capped(edits, limit, ({ row, f }) => `| ${cell(row.key)} | ${show(row.label)} | ${cell(f.title)} | ${show(f.old)} | ${show(f.new)} |`));
  }
  return `${lines.join('\n')}\n`;
}
