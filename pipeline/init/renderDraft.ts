import type { Draft } from './Draft.ts';
import { toYaml, type YamlComments } from './yaml.ts';

/** Where each guess's comment goes: a column's guesses share the column's line. */
function commentPath(path: string): string {
  const column = /^columns\[\d+\]/u.exec(path);
  return column ? column[0] : path.split('.')[0]!;
}

/** The drafted definition as YAML: every guess marked `# 推測 / guessed: …`, and the `guessed:` list at the end. */
export function renderDefinition(draft: Draft, workbook: string): string {
  const trailing = new Map<string, string>();
  for (const guess of draft.guesses) {
    const at = commentPath(guess.path);
    const what = `${at.startsWith('columns[') ? guess.path.slice(at.length + 1) || guess.path : guess.path}: ${guess.why.ja}`;
    trailing.set(at, trailing.has(at) ? `${trailing.get(at)}; ${what}` : `推測 / guessed: ${what}`);
  }
  const before = new Map<string, string[]>();
  for (const todo of draft.todos) before.set(todo.path, [...(before.get(todo.path) ?? []), `要確認 / to do: ${todo.text.ja}`, `  ${todo.text.en}`]);
  before.set('guessed', [
    '推測した項目の一覧。上の「推測 / guessed」を確かめて直したら、この一覧を消してください（残っている間は公開しません）。',
    'What opendata init guessed. Check and correct each value marked above, then delete this list (it is not published while the list is there).',
  ]);
  const comments: YamlComments = { trailing, before };
  const header = [
    `データセット定義の下書き / Draft dataset definition — opendata init ${workbook}`,
    `シート「${draft.sheet}」の${draft.headerRow}行目を見出し、その下の${draft.rows}行をデータとして推測しました。`,
    `Guessed from sheet "${draft.sheet}": header on row ${draft.headerRow}, ${draft.rows} data rows below it.`,
    '「# 推測 / guessed」の付いた値は機械的な推測です。人が確かめて直してください。書き方は README の「データセット定義」を見てください。',
    'Values marked "# 推測 / guessed" are machine guesses for a person to review. The format is described in README (Dataset definition).',
  ];
  return toYaml(draft.definition as unknown as Parameters<typeof toYaml>[0], comments, header);
}

/** The drafted record schema as JSON (each field's `$comment` says what was guessed). */
export function renderRecordSchema(draft: Draft): string {
  return `${JSON.stringify(draft.recordSchema, null, 2)}\n`;
}
