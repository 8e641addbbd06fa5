import type { DataPackage, Resource } from './DataPackage.ts';

/**
 * The CKAN `package_create` fields frictionless-ckan-mapper (frictionless_to_ckan.package) produces
 * from a Data Package descriptor, ported: description→notes, homepage→url, licenses[0]→license_id/
 * title/url, the first contributor without a role or with role author→author, role maintainer→
 * maintainer, keywords→tags [{name}], resources with bytes→size, mediatype→mimetype, path→url, and
 * every other key in extras ({key, value}, objects and arrays as JSON text).
 */
const CKAN_PACKAGE_KEYS = new Set([
  'author', 'author_email', 'creator_user_id', 'groups', 'id', 'license_id', 'license_title', 'license_url', 'maintainer',
  'maintainer_email', 'metadata_created', 'metadata_modified', 'name', 'notes', 'owner_org', 'private',
  'relationships_as_object', 'relationships_as_subject', 'resources', 'state', 'tags', 'title', 'type', 'url', 'version',
]);

const RESOURCE_KEYS: Record<string, string> = { bytes: 'size', mediatype: 'mimetype', path: 'url' };

export function toCkanResource(resource: Resource): Record<string, unknown> {
  return Object.fromEntries(Object.entries(resource).map(([key, value]) => [RESOURCE_KEYS[key] ?? key, value]));
}

type Contributor = { title?: string; email?: string; role?: string };

export function toCkanPackage(descriptor: DataPackage): Record<string, unknown> {
  const out: Record<string, unknown> = { ...descriptor };
  out.notes = out.description;
  delete out.description;
  if (descriptor.homepage !== undefined) {
    out.url = descriptor.homepage;
    delete out.homepage;
  }
  out.resources = descriptor.resources.map(toCkanResource);
  const license = descriptor.licenses[0];
  if (license) {
    Object.assign(out, { license_id: license.name, license_title: license.title, license_url: license.path });
    if (descriptor.licenses.length === 1) delete out.licenses;
  }
  // The mapper reads v1's singular `role`; a v2 contributor (roles: [...]) has none, so it is the author.
  const contributors = descriptor.contributors as Contributor[];
  const author = contributors.find((c) => c.role === undefined || c.role === 'author');
  if (author) Object.assign(out, { author: author.title ?? null, author_email: author.email ?? null });
  const maintainer = contributors.find((c) => c.role === 'maintainer');
  if (maintainer) Object.assign(out, { maintainer: maintainer.title ?? null, maintainer_email: maintainer.email ?? null });
  const roles = contributors.map((c) => c.role);
  const allExtracted =
    (roles.length === 1 && [undefined, 'author', 'maintainer'].includes(roles[0])) ||
    (roles.length === 2 && !['undefined,undefined', 'maintainer,maintainer', 'author,author'].includes(roles.map(String).join(',')));
  if (allExtracted) delete out.contributors;
  if (descriptor.keywords && descriptor.keywords.length > 0) {
    out.tags = descriptor.keywords.map((name) => ({ name }));
    delete out.keywords;
  }
  const extras: { key: string; value: unknown }[] = [];
  for (const [key, value] of Object.entries(out)) {
    if (CKAN_PACKAGE_KEYS.has(key) || key === 'extras') continue;
    extras.push({ key, value: typeof value === 'object' && value !== null ? JSON.stringify(value) : value });
    delete out[key];
  }
  if (extras.length > 0) out.extras = extras;
  return out;
}
