import type { Text } from '../../problem/Problem.ts';
import type { ChangeSet } from '../../publish/diff/ChangeSet.ts';
import { markdownCell as cell } from '../markdownCell.ts';
import { renderChangesMarkdown } from './markdown.ts';

/** CHANGELOG.md for one dataset: every version's changes, newest first. */
export function renderChangelog(title: Text, changes: ChangeSet[]): string {
  const head = [
    `# 変更履歴 / Changelog — ${cell(title.ja)}`,
    '',
    `${cell(title.en)}. 版番号は semver に従います: MAJOR は互換性のない項目の変更、MINOR は新しい時点や行・項目の追加、PATCH は同じ時点の修正です。`,
    'Versions follow semver: MAJOR for breaking schema changes, MINOR for a new as-of snapshot or added rows/fields, PATCH for corrections within the same as-of date.',
    '',
  ];
  return `${head.join('\n')}\n${changes.map((c) => renderChangesMarkdown(c, { level: 2 })).join('\n')}`;
}
