/** actions/upload-artifact and actions/download-artifact, offline: artifacts kept per workflow run. */
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionEmulation } from './runner.ts';

const globToRegExp = (glob: string): RegExp => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

export class ArtifactStore {
  private readonly runs = new Map<string, Map<string, string>>();
  private readonly root = mkdtempSync(path.join(os.tmpdir(), 'artifacts-'));

  /** Names of the artifacts a run uploaded. */
  names(runId: string | number): string[] {
    return [...(this.runs.get(String(runId))?.keys() ?? [])].sort();
  }

  /** upload-artifact in run `runId`: copies `path` (relative to the workspace) under `name`. */
  upload(runId: string | number): ActionEmulation {
    return ({ workspace, with: inputs }) => {
      const name = inputs.name ?? 'artifact';
      const source = path.resolve(workspace, inputs.path ?? '.');
      if (!existsSync(source)) throw new Error(`upload-artifact: ${inputs.path} does not exist (the real action warns and uploads nothing)`);
      const run = this.runs.get(String(runId)) ?? new Map<string, string>();
      if (run.has(name)) throw new Error(`upload-artifact: ${name} was already uploaded in run ${runId}`);
      const target = path.join(this.root, String(runId), name);
      cpSync(source, target, { recursive: true });
      run.set(name, target);
      this.runs.set(String(runId), run);
    };
  }

  /** download-artifact: the artifacts of `run-id` whose name matches `pattern`, each into `path/<name>/`. */
  download(): ActionEmulation {
    return ({ workspace, with: inputs }) => {
      const runId = inputs['run-id'];
      if (!runId) throw new Error('download-artifact: this emulation needs run-id (artifacts of another run)');
      if (!inputs['github-token']) throw new Error('download-artifact: run-id needs github-token');
      const pattern = globToRegExp(inputs.pattern ?? '*');
      const into = path.resolve(workspace, inputs.path ?? '.');
      mkdirSync(into, { recursive: true });
      for (const [name, dir] of this.runs.get(runId) ?? []) {
        if (pattern.test(name)) cpSync(dir, path.join(into, name), { recursive: true });
      }
    };
  }
}
