import { problem, type Problem } from '../problem/Problem.ts';
import type { Dataset } from './DatasetDefinition.ts';
import { sourcesOverlap } from './sourcePattern.ts';

/**
 * Two definitions of one name (a copied YAML) would publish into the same dist/<name>/, one replacing
 * the other; two claiming one workbook would publish it twice. Either is a definition error naming
 * both files, found before anything is read or built.
 */
export function duplicateDefinitions(datasets: readonly Dataset[]): Problem[] {
  const problems: Problem[] = [];
  datasets.forEach((later, index) => {
    for (const earlier of datasets.slice(0, index)) {
      const files = `${earlier.definitionPath}, ${later.definitionPath}`;
      if (earlier.name === later.name) {
        problems.push(
          problem('definition-duplicate-name', 'error', { sheet: later.definitionPath, field: 'name', value: later.name }, {
            ja: `データセット名「${later.name}」が二つの定義（${files}）に書かれています。名前は定義ごとに別にします。`,
            en: `The dataset name "${later.name}" is declared by two definitions (${files}); each definition needs its own name.`,
          }, {
            ja: `コピーした定義なら、片方の name（とファイル名）を別の名前に変えるか、要らないほうを消してください。`,
            en: 'If one is a copy, give it another name (and file name), or delete the one not needed.',
          }),
        );
      }
      if (sourcesOverlap(earlier.source.file, later.source.file)) {
        const both = `「${earlier.source.file}」と「${later.source.file}」`;
        problems.push(
          problem('definition-duplicate-source', 'error', { sheet: later.definitionPath, field: 'source.file', value: later.source.file }, {
            ja: `二つの定義（${files}）の source.file ${both}に同じファイルが当てはまり得るため、どちらのデータか決められません。`,
            en: `The source.file of two definitions (${files}), "${earlier.source.file}" and "${later.source.file}", can name the same file, so it would belong to both.`,
          }, {
            ja: 'それぞれの定義が別のファイル名（またはパターン）を書くようにしてください。',
            en: 'Make each definition name its own file (or a pattern no other definition matches).',
          }),
        );
      }
    }
  });
  return problems;
}
