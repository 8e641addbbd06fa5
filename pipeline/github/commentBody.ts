import { cutMarkdown } from '../report/cutMarkdown.ts';

/** GitHub rejects issue comments longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65_536;

const TRUNCATION_NOTE =
  '\n\n---\n> ⚠️ この報告は GitHub のコメント上限 (65,536 文字) を超えたため途中で省略しました。全文はワークフロー実行のサマリーと成果物 (artifact) にあります。\n' +
  '> This report was cut to fit GitHub’s comment limit (65,536 characters). The full report is in the workflow run’s summary and artifacts.\n';

/** The hidden first line that identifies the pipeline's comment, e.g. `<!-- opendata-report -->`. */
export function markerLine(marker: string): string {
  const trimmed = marker.trim();
  if (/^<!--[\s\S]*-->$/.test(trimmed)) return trimmed;
  if (trimmed === '' || trimmed.includes('--') || trimmed.includes('>')) {
    throw new Error(`Invalid comment marker ${JSON.stringify(marker)}: use letters, digits, ':', '/', '.', '_' or single '-'.`);
  }
  return `<!-- ${trimmed} -->`;
}

/** Marker line, then the body; cut with a bilingual note when the whole would exceed GitHub's limit. */
export function commentBody(marker: string, body: string): string {
  return cutMarkdown(`${markerLine(marker)}\n${body}`, MAX_COMMENT_LENGTH, TRUNCATION_NOTE);
}
