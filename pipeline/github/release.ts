import type { Octokit } from '@octokit/rest';
import { isAlreadyExists, statusOf } from './requestError.ts';

export interface ReleaseAssetInput {
  name: string;
  contentType: string;
  data: Uint8Array;
}

export interface EnsureReleaseOptions {
  owner: string;
  repo: string;
  tag: string;
  /** Commit or branch the tag is created at when it does not exist yet; omit when the tag was pushed. */
  target?: string;
  name: string;
  body: string;
  assets: ReleaseAssetInput[];
}

export interface EnsureReleaseResult {
  releaseId: number;
  htmlUrl: string;
  /** True when this call created the release. */
  created: boolean;
  /** Asset names this call uploaded. */
  uploaded: string[];
  /** Asset names already on the release (or given twice), left as they were. */
  skipped: string[];
  /** Skipped names whose existing asset has a different size than the given bytes. */
  mismatched: string[];
}

interface ReleaseRef {
  id: number;
  html_url: string;
  upload_url: string;
}

async function releaseByTag(octokit: Octokit, owner: string, repo: string, tag: string): Promise<ReleaseRef | undefined> {
  try {
    const { data } = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag });
    return data;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Finds the release for the tag or creates it; a concurrent run's creation is reused. */
async function findOrCreate(octokit: Octokit, options: EnsureReleaseOptions): Promise<{ release: ReleaseRef; created: boolean }> {
  const { owner, repo, tag } = options;
  const existing = await releaseByTag(octokit, owner, repo, tag);
  if (existing) return { release: existing, created: false };
  try {
    const { data } = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: tag,
      ...(options.target !== undefined ? { target_commitish: options.target } : {}),
      name: options.name,
      body: options.body,
    });
    return { release: data, created: true };
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const concurrent = await releaseByTag(octokit, owner, repo, tag);
    if (concurrent) return { release: concurrent, created: false };
    // GET by tag does not see draft releases: a draft holds the tag.
    throw new Error(`A release for tag ${tag} already exists but cannot be read by tag (is it a draft?)`);
  }
}

/**
 * Makes sure the release for `tag` exists with every given asset, doing only what is
 * missing: it never creates a release or uploads an asset twice, so it can be re-run
 * after a half-finished run or race a concurrent one.
 */
export async function ensureRelease(octokit: Octokit, options: EnsureReleaseOptions): Promise<EnsureReleaseResult> {
  const { owner, repo } = options;
  const { release, created } = await findOrCreate(octokit, options);

  const existing = await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
    owner,
    repo,
    release_id: release.id,
    per_page: 100,
  });
  const byName = new Map(existing.map((asset) => [asset.name, asset]));

  const uploaded: string[] = [];
  const skipped: string[] = [];
  const mismatched: string[] = [];
  const seen = new Set<string>();

  for (const asset of options.assets) {
    if (seen.has(asset.name)) {
      skipped.push(asset.name);
      continue;
    }
    seen.add(asset.name);
    const present = byName.get(asset.name);
    if (present && present.state !== 'uploaded') {
      // An upload cut off half-way leaves a `starter` asset that blocks the name.
      await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: present.id });
    } else if (present) {
      skipped.push(asset.name);
      if (present.size !== asset.data.byteLength) mismatched.push(asset.name);
      continue;
    }
    try {
      await octokit.rest.repos.uploadReleaseAsset({
        owner,
        repo,
        release_id: release.id,
        // Octokit's default is uploads.github.com, not the client's baseUrl: use the release's own.
        url: release.upload_url,
        name: asset.name,
        // The REST types say string; the request layer sends a Uint8Array as raw bytes.
        data: asset.data as unknown as string,
        headers: { 'content-type': asset.contentType },
      });
      uploaded.push(asset.name);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      skipped.push(asset.name);
    }
  }

  return { releaseId: release.id, htmlUrl: release.html_url, created, uploaded, skipped, mismatched };
}
