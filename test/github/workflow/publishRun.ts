/** One run of .github/workflows/publish.yml's job against a bare remote and the fake GitHub. */
import path from 'node:path';
import { ROOT } from '../../helpers/project.ts';
import type { FakeGitHub } from '../fakeGitHub.ts';
import type { Value } from './expressions.ts';
import { OWNER, REPO } from './events.ts';
import { checkoutFrom } from './gitRepo.ts';
import { newMachine } from './machine.ts';
import { type JobResult, readWorkflow, runJob, type Step } from './runner.ts';

export const PUBLISH_WORKFLOW = readWorkflow(path.join(ROOT, '.github/workflows/publish.yml'));

export interface PublishRun {
  fake: FakeGitHub;
  remote: string;
  eventName: 'push' | 'workflow_dispatch';
  payload: Record<string, Value>;
  /** The commit the event is about (`GITHUB_SHA`). */
  sha: string;
  token: string;
  runAttempt?: number;
  beforeStep?: (step: Step, index: number) => Promise<void> | void;
}

const noop = (): void => {};

export async function runPublish(run: PublishRun): Promise<JobResult & { workspace: string }> {
  const event = { sha: run.sha, ref: 'refs/heads/main' };
  const machine = newMachine({
    repository: `${OWNER}/${REPO}`,
    apiUrl: run.fake.url,
    eventName: run.eventName,
    payload: run.payload,
    ...event,
    ...(run.runAttempt !== undefined ? { runAttempt: run.runAttempt } : {}),
  });
  const result = await runJob({
    workflow: PUBLISH_WORKFLOW,
    job: 'publish',
    workspace: machine.workspace,
    temp: machine.temp,
    github: machine.github,
    env: machine.env,
    secrets: { GITHUB_TOKEN: run.token },
    actions: { 'actions/checkout': checkoutFrom(run.remote, event), 'actions/setup-node': noop },
    ...(run.beforeStep ? { beforeStep: run.beforeStep } : {}),
  });
  return { ...result, workspace: machine.workspace };
}
