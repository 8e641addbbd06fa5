import type { ErrorObject } from 'ajv';
import type { FieldSchema } from '../dataset/DatasetDefinition.ts';
import type { Finding } from '../problem/Problem.ts';

/** Staff-facing messages for schema errors, written per keyword (ajv's stock Japanese is not shipped). */
export function schemaFinding(error: ErrorObject, title: string, schema: FieldSchema | undefined): Finding {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const types = String(p.type ?? '');
      if (error.data === null) {
        return {
          code: 'constraint-error',
          severity: 'error',
          message: { ja: `「${title}」が空です。この項目は必ず入力が必要です。`, en: `"${title}" is empty, but it is required.` },
          fix: { ja: `「${title}」に値を入力してください。`, en: `Enter a value for "${title}".` },
        };
      }
      const integer = types.includes('integer') || types.includes('number');
      return {
        code: 'type-error',
        severity: 'error',
        message: integer
          ? { ja: `「${title}」は数値（整数）で入力してください。`, en: `"${title}" must be a whole number.` }
          : { ja: `「${title}」は文字で入力してください。`, en: `"${title}" must be text.` },
        fix: integer
          ? { ja: '数字だけを入力してください（単位や文字を入れない）。', en: 'Enter digits only, without units or words.' }
          : { ja: '文字として入力し直してください。', en: 'Enter it as text.' },
      };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title}」は${String(p.limit)}以上の数にしてください。`, en: `"${title}" must be at least ${String(p.limit)}.` },
        fix: { ja: `${String(p.limit)}以上の数を入力してください。マイナスや▲は使えません。`, en: `Enter a number of ${String(p.limit)} or more.` },
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title}」は${String(p.limit)}以下の数にしてください。`, en: `"${title}" must be at most ${String(p.limit)}.` },
        fix: { ja: `${String(p.limit)}以下の数を入力してください。`, en: `Enter a number of ${String(p.limit)} or less.` },
      };
    case 'enum': {
      const allowed = (schema?.enum ?? (p.allowedValues as unknown[]) ?? []).map(String);
      return {
        code: 'constraint-error',
        severity: 'error',
        message: {
          ja: `「${title}」は「${allowed.join('」「')}」のどれかにしてください。`,
          en: `"${title}" must be one of: ${allowed.join(', ')}.`,
        },
        fix: {
          ja: `「${allowed.join('」「')}」のどれかを、そのとおりの文字で入力してください。`,
          en: `Enter exactly one of: ${allowed.join(', ')}.`,
        },
      };
    }
    case 'minLength':
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title}」が空です。`, en: `"${title}" is empty.` },
        fix: { ja: `「${title}」に値を入力してください。`, en: `Enter a value for "${title}".` },
      };
    case 'maxLength':
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title}」が長すぎます（${String(p.limit)}文字まで）。`, en: `"${title}" is too long (at most ${String(p.limit)} characters).` },
        fix: { ja: `${String(p.limit)}文字以内にしてください。`, en: `Shorten it to ${String(p.limit)} characters.` },
      };
    case 'pattern':
    case 'format':
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title}」の書き方が決まった形になっていません。`, en: `"${title}" is not in the expected form (${String(p.pattern ?? p.format)}).` },
        fix: { ja: '他の行と同じ書き方で入力してください。', en: 'Write it the way the other rows do.' },
      };
    default:
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title}」の値が決まりに合いません（${error.keyword}）。`, en: `"${title}" breaks the rule ${error.keyword}: ${error.message ?? ''}` },
      };
  }
}
