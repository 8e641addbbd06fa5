import type { RuleResult } from './RuleResult.ts';

/** A code column's cell stored as a number: leading zeros may already be gone. */
export const CODE_AS_NUMBER_CODE = 'code-as-number';

/**
 * Codes (団体コード 011002, 地区番号 0012) are text: a CSV cell keeps its zeros, but an xlsx cell
 * stored as a number has already lost them. The number is kept as written (its digits, no zeros
 * added: they cannot be known) and a warning asks for the cell to be entered as text.
 */
export function codeFromNumber(value: number): RuleResult<string> {
  const text = String(value);
  return {
    value: text,
    changes: [],
    findings: [
      {
        code: CODE_AS_NUMBER_CODE,
        severity: 'warning',
        message: {
          ja: `コードが数値として保存されています（${text}）。数値では先頭の「0」が消えるため、元のコードと違っている可能性があります。${text} のまま読み取りました。`,
          en: `The code is stored as a number (${text}); numbers lose leading zeros, so it may differ from the real code. It was read as ${text}.`,
        },
        fix: {
          ja: 'セルの表示形式を「文字列」にしてから、コードを先頭の0も含めて入力し直してください（または先頭に「\'」を付けて入力）。',
          en: "Format the cell as Text and enter the code again with its leading zeros (or type it with a leading ').",
        },
      },
    ],
  };
}
