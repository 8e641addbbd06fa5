import type { ErrorObject } from 'ajv';
import type { FieldSchema } from '../dataset/DatasetDefinition.ts';
import type { Finding, Text } from '../problem/Problem.ts';

/** Staff-facing messages for schema errors, written per keyword (ajv's stock Japanese is not shipped). */
export function schemaFinding(error: ErrorObject, title: Text, schema: FieldSchema | undefined): Finding {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const types = String(p.type ?? '');
      if (error.data === null) {
        return {
          code: 'constraint-error',
          severity: 'error',
          message: { ja: `「${title.ja}」が空です。この項目は必ず入力が必要です。`, en: `"${title.en}" is empty, but it is required.` },
          fix: { ja: `「${title.ja}」に値を入力してください。`, en: `Enter a value for "${title.en}".` },
        };
      }
      const integer = types.includes('integer') || types.includes('number');
      return {
        code: 'type-error',
        severity: 'error',
        message: integer
          ? { ja: `「${title.ja}」は数値（整数）で入力してください。`, en: `"${title.en}" must be a whole number.` }
          : { ja: `「${title.ja}」は文字で入力してください。`, en: `"${title.en}" must be text.` },
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
        message: { ja: `「${title.ja}」は${String(p.limit)}以上の数にしてください。`, en: `"${title.en}" must be at least ${String(p.limit)}.` },
        fix: { ja: `${String(p.limit)}以上の数を入力してください。マイナスや▲は使えません。`, en: `Enter a number of ${String(p.limit)} or more.` },
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title.ja}」は${String(p.limit)}以下の数にしてください。`, en: `"${title.en}" must be at most ${String(p.limit)}.` },
        fix: { ja: `${String(p.limit)}以下の数を入力してください。`, en: `Enter a number of ${String(p.limit)} or less.` },
      };
    case 'enum': {
      const allowed = (schema?.enum ?? (p.allowedValues as unknown[]) ?? []).map(String);
      return {
        code: 'constraint-error',
        severity: 'error',
        message: {
          ja: `「${title.ja}」は「${allowed.join('」「')}」のどれかにしてください。`,
          en: `"${title.en}" must be one of: ${allowed.join(', ')}.`,
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
        message: { ja: `「${title.ja}」が空です。`, en: `"${title.en}" is empty.` },
        fix: { ja: `「${title.ja}」に値を入力してください。`, en: `Enter a value for "${title.en}".` },
      };
    case 'maxLength':
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title.ja}」が長すぎます（${String(p.limit)}文字まで）。`, en: `"${title.en}" is too long (at most ${String(p.limit)} characters).` },
        fix: { ja: `${String(p.limit)}文字以内にしてください。`, en: `Shorten it to ${String(p.limit)} characters.` },
      };
    case 'format':
      if (p.format === 'date') {
        return {
          code: 'constraint-error',
          severity: 'error',
          message: { ja: `「${title.ja}」は日付ではありません。`, en: `"${title.en}" is not a date.` },
          fix: { ja: '「2020-09-01」や「2020年9月1日」のように、年・月・日のある日付を入力してください。', en: 'Enter a date with year, month and day, such as 2020-09-01.' },
        };
      }
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title.ja}」の書き方が違います。`, en: `"${title.en}" is not in the expected form (${String(p.format)}).` },
        fix: { ja: '他の行と同じ書き方で入力してください。', en: 'Write it the way the other rows do.' },
      };
    case 'pattern':
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title.ja}」の書き方が違います。`, en: `"${title.en}" is not in the expected form (${String(p.pattern)}).` },
        fix: { ja: '他の行と同じ書き方で入力してください。', en: 'Write it the way the other rows do.' },
      };
    default:
      // Never ajv's own wording: the keyword alone, in both languages.
      return {
        code: 'constraint-error',
        severity: 'error',
        message: { ja: `「${title.ja}」の値が決まりに合いません（${error.keyword}）。`, en: `"${title.en}" does not meet the rule "${error.keyword}".` },
        fix: { ja: '値を確かめて入力し直してください。わからなければデータセットの担当者に相談してください。', en: 'Check the value; ask the dataset maintainer if unsure.' },
      };
  }
}
