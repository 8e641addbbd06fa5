import { readFile } from 'node:fs/promises';
import { problem } from '../problem/Problem.ts';
import { type Result, failure, success } from './result.ts';

/** Reads a file a command was given; a missing or unreadable file is a bilingual problem. */
export async function readInputFile(path: string, what: { ja: string; en: string }): Promise<Result<Uint8Array>> {
  try {
    return success(new Uint8Array(await readFile(path)));
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return failure(
      problem('input-file-unreadable', 'error', { value: path }, {
        ja: `${what.ja} (${path}) を読めません (${reason})。`,
        en: `Cannot read the ${what.en} ${path} (${reason}).`,
      }),
    );
  }
}

export async function readInputText(path: string, what: { ja: string; en: string }): Promise<Result<string>> {
  const bytes = await readInputFile(path, what);
  return bytes.ok ? success(new TextDecoder().decode(bytes.value)) : bytes;
}
