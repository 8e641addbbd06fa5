import type { Dataset } from '../dataset/DatasetDefinition.ts';

/** National habit for open-data files: `<全国地方公共団体コード>_<slug>` (e.g. 142034_covid19_measures). */
export function fileStem(dataset: Dataset): string {
  return `${dataset.publisher.lgCode}_${dataset.name.replaceAll('-', '_')}`;
}

export const DESCRIPTOR_FILE = 'datapackage.json';
