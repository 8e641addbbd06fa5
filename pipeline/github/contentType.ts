import { extname } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.md': 'text/markdown',
  '.txt': 'text/plain',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
};

/** The media type a release asset is uploaded with, from its file name. */
export function contentTypeFor(fileName: string): string {
  return TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
