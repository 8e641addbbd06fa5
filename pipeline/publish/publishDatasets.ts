import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import type { Values } from '../normalize/RecordRow.ts';
import type { Problem } from '../problem/Problem.ts';
import { fileOps, type FileOps } from './fileOps.ts';
import { planVersion, type VersionPlan } from './planVersion.ts';
import { takePublishLock } from './publishLock.ts';
import type { CatalogIndex } from './VersionIndex.ts';
import { writeCatalog, writeVersion } from './writeVersion.ts';

export interface DatasetRecords {
  dataset: Dataset;
  records: Values[];
  asOf: string;
}

export interface PublishOutcome {
  plans: VersionPlan[];
  /** Plans whose version already exists with other content: nothing was written. */
  conflicts: VersionPlan[];
  written: boolean;
  /** Another publish holds dist/: nothing was planned or written. */
  busy?: Problem;
}

/**
 * Plans every dataset's next version; writes them all unless one would overwrite a published version or this is a dry run.
 * Planning and writing happen under dist/'s publish lock, so two publishes never plan from, or write into, the same state.
 */
export function publishDatasets(
  inputs: DatasetRecords[],
  dist: string,
  options: { dryRun?: boolean; fileOps?: FileOps } = {},
): PublishOutcome {
  const planAll = () =>
    inputs.map(({ dataset, records, asOf }) => planVersion({ dataset, records, asOf, datasetDir: path.join(dist, dataset.name) }));
  if (options.dryRun) {
    const plans = planAll();
    return { plans, conflicts: plans.filter((p) => p.status === 'conflict'), written: false };
  }
  const ops = options.fileOps ?? fileOps;
  const lock = takePublishLock(dist, ops);
  if (!lock.held) return { plans: [], conflicts: [], written: false, busy: lock.busy };
  try {
    const plans = planAll();
    const conflicts = plans.filter((p) => p.status === 'conflict');
    if (conflicts.length > 0) return { plans, conflicts, written: false };
    const catalog: CatalogIndex['datasets'] = plans.map((plan) => {
      const index = writeVersion(plan, path.join(dist, plan.dataset.name), plan.dataset.title, ops);
      const latest = index.versions.find((v) => v.version === index.latest)!;
      const { publisher } = plan.dataset;
      return {
        name: plan.dataset.name,
        title: plan.dataset.title,
        latest: index.latest,
        asOf: latest.asOf,
        publisher: { ja: `${publisher.prefecture?.ja ?? ''}${publisher.name.ja}`, en: publisher.name.en },
        path: `${plan.dataset.name}/`,
      };
    });
    writeCatalog(dist, catalog, ops);
    return { plans, conflicts, written: true };
  } finally {
    lock.release();
  }
}
