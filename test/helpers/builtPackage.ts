import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../pipeline/dataset/DatasetDefinition.ts';
import { processFile } from '../../pipeline/commands/readSource.ts';
import type { Values } from '../../pipeline/normalize/RecordRow.ts';
import { buildPackage } from '../../pipeline/package/buildPackage.ts';
import type { BuiltPackage } from '../../pipeline/package/DataPackage.ts';
import { EXAMPLES, measuresDataset, SOURCE_WORKBOOK } from './project.ts';

export interface MeasuresSource {
  dataset: Dataset;
  records: Values[];
  asOf: string;
}

let source: MeasuresSource | undefined;

/** The Hiratsuka workbook (the tests' copy), validated once per test file. */
export function measuresSource(): MeasuresSource {
  if (!source) {
    const dataset = measuresDataset();
    const { report, records } = processFile(SOURCE_WORKBOOK, dataset, EXAMPLES);
    if (!report.valid || report.asOf === null) throw new Error('the committed workbook does not validate');
    source = { dataset, records, asOf: report.asOf };
  }
  return source;
}

export function buildMeasures(version = '1.0.0'): BuiltPackage {
  const { dataset, records, asOf } = measuresSource();
  return buildPackage({ dataset, records, asOf, version });
}

export function writePackage(dir: string, built: BuiltPackage): void {
  mkdirSync(dir, { recursive: true });
  for (const file of built.files) writeFileSync(path.join(dir, file.path), file.bytes);
}

export const fileText = (built: BuiltPackage, name: string): string => {
  const file = built.files.find((f) => f.path === name);
  if (!file) throw new Error(`${name} is not in the package`);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
};
