import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { compileOnce } from './ajv.ts';
import { readDefinition, type ParsedDefinition } from './parseDefinition.ts';
import { validatorKey } from './precompiled.ts';
import { checkConsistency } from './consistency.ts';
import { UnsafePatternError } from './safePattern.ts';
import { describeDefinitionErrors } from './definitionErrors.ts';
import { duplicateDefinitions } from './duplicates.ts';
import type { Dataset, DatasetDefinitionFile, RecordSchema } from './DatasetDefinition.ts';
import { problem, type Problem } from '../problem/Problem.ts';

export type LoadResult = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

export interface ProjectPaths {
  /** Folder holding dataset.schema.json and datasets/. */
  schemaDir: string;
  /** Folder holding the source workbooks. */
  sourcesDir: string;
}

const DEFINITION_EXTENSIONS = ['.yaml', '.yml'];

export function definitionPaths(schemaDir: string): string[] {
  const dir = path.join(schemaDir, 'datasets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => DEFINITION_EXTENSIONS.includes(path.extname(f)))
    .sort()
    .map((f) => path.join(dir, f));
}

const definitionProblem = (file: string, en: string, ja: string, value?: string): Problem =>
  problem('definition-error', 'error', { sheet: file, ...(value !== undefined ? { value } : {}) }, { ja, en });

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const failed = (...problems: Problem[]): LoadResult => ({ ok: false, problems });

/** Reads and checks one dataset definition file and its record schema. Never throws for bad files. */
export function loadDataset(definitionPath: string, paths: ProjectPaths): LoadResult {
  const rel = path.relative(process.cwd(), definitionPath) || definitionPath;
  let parsed: ParsedDefinition;
  try {
    parsed = readDefinition(readFileSync(definitionPath, 'utf8'));
  } catch (error) {
    return failed(
      definitionProblem(
        rel,
        `The dataset definition cannot be read as YAML: ${(error as Error).message}`,
        `データセット定義をYAMLとして読めません: ${(error as Error).message}`,
      ),
    );
  }
  const raw = parsed.value;
  const definitionSchema = readJson(path.join(paths.schemaDir, 'dataset.schema.json')) as object;
  // The build already found this very definition valid against this very schema (see ParsedDefinition).
  const checked = parsed.validAgainst !== undefined && parsed.validAgainst === validatorKey(JSON.stringify(definitionSchema));
  const validateDefinition = checked ? undefined : compileOnce(definitionSchema);
  if (validateDefinition && !validateDefinition(raw)) {
    return failed(
      ...describeDefinitionErrors(validateDefinition.errors ?? [], raw).map((text) =>
        definitionProblem(
          rel,
          `The dataset definition does not match schema/dataset.schema.json: ${text.en}`,
          `データセット定義の書き方が schema/dataset.schema.json と合いません: ${text.ja}`,
        ),
      ),
    );
  }
  const definition = raw as DatasetDefinitionFile;
  const schemaPath = path.join(path.dirname(definitionPath), definition.recordSchema);
  let recordSchemaJson: RecordSchema;
  try {
    recordSchemaJson = readJson(schemaPath) as RecordSchema;
    compileOnce(recordSchemaJson);
  } catch (error) {
    return failed(
      definitionProblem(
        rel,
        `The record schema ${definition.recordSchema} cannot be used: ${(error as Error).message}`,
        `レコードのスキーマ ${definition.recordSchema} を使えません: ${error instanceof UnsafePatternError ? error.ja : (error as Error).message}`,
        definition.recordSchema,
      ),
    );
  }
  const dataset: Dataset = {
    ...definition,
    recordSchemaJson,
    fields: Object.keys(recordSchemaJson.properties ?? {}),
    definitionPath: rel,
    sourcePath: path.join(paths.sourcesDir, definition.source.file),
  };
  const inconsistencies = checkConsistency(dataset);
  if (inconsistencies.length > 0) return failed(...inconsistencies);
  return { ok: true, dataset };
}

/** Loads every definition under schemaDir/datasets; names and source files must be unique among them. */
export function loadAllDatasets(paths: ProjectPaths): { datasets: Dataset[]; problems: Problem[] } {
  const datasets: Dataset[] = [];
  const problems: Problem[] = [];
  for (const file of definitionPaths(paths.schemaDir)) {
    const result = loadDataset(file, paths);
    if (result.ok) datasets.push(result.dataset);
    else problems.push(...result.problems);
  }
  problems.push(...duplicateDefinitions(datasets));
  return { datasets, problems };
}
