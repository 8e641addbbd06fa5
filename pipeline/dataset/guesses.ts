import type { Dataset } from './DatasetDefinition.ts';
import { problem, type Problem, type Severity } from '../problem/Problem.ts';

/**
 * A definition drafted by `opendata init` still lists its guesses: a warning while it is tried
 * (validate, build), an error when it would be published.
 */
export function unreviewedGuesses(dataset: Dataset, severity: Severity): Problem | undefined {
  const guessed = dataset.guessed ?? [];
  if (guessed.length === 0) return undefined;
  return problem('definition-unreviewed', severity, { sheet: dataset.definitionPath, value: guessed.slice(0, 10).join(', ') }, {
    ja: `データセット定義 ${dataset.definitionPath} には、opendata init が推測したまま確かめていない値が ${guessed.length} か所あります（guessed:）。${severity === 'error' ? '確かめるまで公開しません。' : ''}`,
    en: `The dataset definition ${dataset.definitionPath} still lists ${guessed.length} values guessed by opendata init (guessed:).${severity === 'error' ? ' It is not published until they are reviewed.' : ''}`,
  }, {
    ja: '「# 推測 / guessed」の付いた値を確かめて直し、guessed: の一覧を消してください。',
    en: 'Check and correct every value marked "# 推測 / guessed", then delete the guessed: list.',
  });
}
