import type { Text } from '../../problem/Problem.ts';
import type { ChangeSet } from './ChangeSet.ts';

const yen = (n: number) => n.toLocaleString('ja-JP');
const signed = (n: number) => (n > 0 ? `+${yen(n)}` : yen(n));

/** One line for people: what this version changed. */
export function describeChanges(change: ChangeSet): Text {
  if (change.fromVersion === null) {
    return { ja: `初版（${change.rows.after}件、${change.asOf.after}時点）`, en: `First version (${change.rows.after} rows, as of ${change.asOf.after})` };
  }
  const ja: string[] = [];
  const en: string[] = [];
  const breaking = change.schema.filter((c) => c.breaking);
  if (breaking.length > 0) {
    ja.push(`互換性のない項目の変更 ${breaking.length}件（${breaking.map((c) => c.detail.ja).join('、')}）`);
    en.push(`${breaking.length} breaking schema change(s) (${breaking.map((c) => c.detail.en).join(', ')})`);
  }
  const compatible = change.schema.length - breaking.length;
  if (compatible > 0) {
    ja.push(`互換性のある項目の変更 ${compatible}件`);
    en.push(`${compatible} compatible schema change(s)`);
  }
  if (change.asOf.before !== change.asOf.after) {
    ja.push(`時点 ${change.asOf.before ?? '-'} → ${change.asOf.after}`);
    en.push(`as of ${change.asOf.before ?? '-'} → ${change.asOf.after}`);
  }
  if (change.added.length > 0) {
    ja.push(`${change.added.length}件追加`);
    en.push(`${change.added.length} added`);
  }
  if (change.removed.length > 0) {
    ja.push(`${change.removed.length}件削除`);
    en.push(`${change.removed.length} removed`);
  }
  for (const t of change.transitions) {
    ja.push(`${t.title} ${String(t.from ?? '空')}→${String(t.to ?? '空')} ${t.rows.length}件`);
    en.push(`${t.field} ${String(t.from ?? 'empty')}→${String(t.to ?? 'empty')}: ${t.rows.length}`);
  }
  for (const d of change.deltas) {
    ja.push(`${d.title} ${signed(d.delta)}（${d.rows.length}件）`);
    en.push(`${d.field} ${signed(d.delta)} (${d.rows.length} rows)`);
  }
  const other = change.changed.length;
  if (other > 0) {
    ja.push(`${other}件の行を更新`);
    en.push(`${other} rows changed`);
  }
  if (change.metadataChanged) {
    ja.push('メタデータの修正');
    en.push('metadata corrected');
  }
  if (ja.length === 0) return { ja: '変更なし', en: 'no changes' };
  return { ja: ja.join('、'), en: en.join(', ') };
}
