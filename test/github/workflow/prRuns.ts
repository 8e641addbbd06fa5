/** validate.yml (changes job, then one validate job per changed dataset) and comment.yml, for one pull request push. */
import path from 'node:path';
import { ROOT } from '../../helpers/project.ts';
import type { FakeGitHub } from '../fakeGitHub.ts';
import { ArtifactStore } from './artifacts.ts';
import { OWNER, type PullInfo, pullRequestEvent, REPO, workflowRunEvent } from './events.ts';
import { checkoutFrom, remoteState } from './gitRepo.ts';
import { newMachine } from './machine.ts';
import { type JobResult, matrixOf, readWorkflow, runJob } from './runner.ts';

const VALIDATE = readWorkflow(path.join(ROOT, '.github/workflows/validate.yml'));
const COMMENT = readWorkflow(path.join(ROOT, '.github/workflows/comment.yml'));
const noop = (): void => {};

export interface PullRequestRuns {
  fake: FakeGitHub;
  remote: string;
  artifacts: ArtifactStore;
  token: string;
}

export interface ValidateRun {
  runId: number;
  changes: JobResult;
  /** One job per dataset of the matrix. */
  validate: Record<string, JobResult>;
  conclusion: 'success' | 'failure';
}

/** validate.yml for a push to the pull request (the merge commit is the head, since the branch is up to date). */
export async function runValidate(runs: PullRequestRuns, pull: PullInfo, runId: number, action: 'opened' | 'synchronize'): Promise<ValidateRun> {
  const event = { sha: pull.headSha, ref: `refs/pull/${pull.number}/merge` };
  const settings = { repository: `${OWNER}/${REPO}`, apiUrl: runs.fake.url, eventName: 'pull_request', payload: pullRequestEvent(runs.fake.url, pull, action), ...event, runId };
  const job = async (name: string, extra: Partial<Parameters<typeof runJob>[0]> = {}): Promise<JobResult> => {
    const machine = newMachine(settings);
    return runJob({
      workflow: VALIDATE,
      job: name,
      workspace: machine.workspace,
      temp: machine.temp,
      github: machine.github,
      env: machine.env,
      secrets: { GITHUB_TOKEN: runs.token },
      actions: { 'actions/checkout': checkoutFrom(runs.remote, event), 'actions/setup-node': noop, 'actions/upload-artifact': runs.artifacts.upload(runId) },
      ...extra,
    });
  };
  const changes = await job('changes');
  const needs = { changes: { result: changes.result, outputs: changes.outputs } };
  const validate: Record<string, JobResult> = {};
  if (changes.result === 'success' && changes.outputs.datasets !== '[]') {
    for (const matrix of matrixOf(VALIDATE.jobs.validate!, { needs })) {
      validate[String(matrix.dataset)] = await job('validate', { needs, matrix });
    }
  }
  const all = [changes, ...Object.values(validate)];
  return { runId, changes, validate, conclusion: all.some((j) => j.result === 'failure') ? 'failure' : 'success' };
}

/** comment.yml, triggered by the completed validate run. */
export async function runComment(runs: PullRequestRuns, pull: PullInfo, validate: ValidateRun): Promise<JobResult> {
  // workflow_run runs on the default branch: GITHUB_SHA is main's latest commit.
  const main = { sha: remoteState(runs.remote).main, ref: 'refs/heads/main' };
  const machine = newMachine({
    repository: `${OWNER}/${REPO}`,
    apiUrl: runs.fake.url,
    eventName: 'workflow_run',
    payload: workflowRunEvent(runs.fake.url, pull, { id: validate.runId, conclusion: validate.conclusion }),
    ...main,
    runId: validate.runId + 1,
  });
  return runJob({
    workflow: COMMENT,
    job: 'comment',
    workspace: machine.workspace,
    temp: machine.temp,
    github: machine.github,
    env: machine.env,
    secrets: { GITHUB_TOKEN: runs.token },
    actions: { 'actions/checkout': checkoutFrom(runs.remote, main), 'actions/setup-node': noop, 'actions/download-artifact': runs.artifacts.download() },
  });
}
