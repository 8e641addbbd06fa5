import type { ChangeSet } from '../../publish/diff/ChangeSet.ts';
import { hasRelisted } from './markdown.ts';

/** For a terminal: the summary, then one line per added, removed or changed row. */
export function renderChangesText(change: ChangeSet): string {
  const lines = [
    `${change.dataset}: ${change.fromVersion ?? '（なし）'} → ${change.toVersion} [${change.bump}]`,
    `  ${change.summary.ja}`,
    `  ${change.summary.en}`,
  ];
  for (const c of change.schema) lines.push(`  ${c.breaking ? '!' : '~'} ${c.detail.ja} / ${c.detail.en}`);
  for (const r of change.added) lines.push(`  + ${r.key} ${r.label}`);
  for (const r of change.removed) lines.push(`  - ${r.key} ${r.label}`);
  for (const r of change.changed) {
    for (const f of r.fields) lines.push(`  ~ ${r.key} ${r.label}: ${f.title} ${String(f.old ?? '（空）')} → ${String(f.new ?? '（空）')}`);
  }
  for (const t of change.totals) {
    const relisted = hasRelisted(change) ? `（再掲除く / without re-listed ${t.before?.withoutRelisted ?? '-'} → ${t.after.withoutRelisted}）` : '';
    lines.push(`  Σ ${t.title}: ${t.before?.all ?? '-'} → ${t.after.all}${relisted}`);
  }
  return `${lines.join('\n')}\n`;
}
