/**
 * The one way a workbook is read from disk, and what sources/ holds. A source is a regular file inside
 * sources/: a symlink (even to another file in sources/: what is published must be what was uploaded),
 * a device, a FIFO, a folder named like a workbook, or a file reached through a folder that leads out
 * of sources/ is refused before it is opened, and a file over the size cap before it is read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../dataset/DatasetDefinition.ts';
import { matchesSource } from '../dataset/sourcePattern.ts';
import { problem, type Problem, type Text } from '../problem/Problem.ts';

export type FileRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/** No symlink is followed at the last step, and opening a FIFO does not wait for a writer. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const MB = 1024 * 1024;

const within = (dir: string, file: string): boolean => {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** Whether `absolute`, lexically inside sources/, leads out of it through a linked folder on the way. */
function leavesSources(absolute: string, sourcesDir: string): boolean {
  if (!within(sourcesDir, absolute)) return false;
  try {
    return !within(realpathSync(sourcesDir), path.join(realpathSync(path.dirname(absolute)), path.basename(absolute)));
  } catch {
    return true;
  }
}

function notRegular(shown: string, what: Text): Problem {
  return problem('source-not-regular-file', 'error', { value: shown }, {
    ja: `「${shown}」は${what.ja}。安全のため読み込みません。sources/ に置けるのは表計算ファイルそのものだけです。`,
    en: `"${shown}" is ${what.en}; it is not read, for safety. sources/ holds the workbook files themselves, nothing else.`,
  }, {
    ja: 'リンクやフォルダではなく、表計算ファイルそのものを sources/ にアップロードしてください。',
    en: 'Upload the workbook file itself into sources/, not a link or a folder.',
  });
}

const LINK: Text = { ja: '別のファイルを指すリンク（シンボリックリンク）です', en: 'a symbolic link to another file' };

function kindOf(info: Stats): Text {
  if (info.isSymbolicLink()) return LINK;
  if (info.isDirectory()) return { ja: 'フォルダです', en: 'a folder' };
  return { ja: '普通のファイルではありません（デバイス・名前付きパイプなど）', en: 'not a regular file (a device, a named pipe or the like)' };
}

const failed = (found: Problem): FileRead => ({ ok: false, problem: found });

const CHECK_NAME: Text = { ja: 'ファイル名と置き場所を確かめてください。', en: 'Check the file name and its folder.' };

/** No file at `shown`, or (for a declared pattern) none matching it. */
export function sourceMissing(shown: string, pattern: boolean): Problem {
  return problem('source-error', 'error', { value: shown }, pattern
    ? { ja: `「${shown}」に当てはまるファイルがありません。`, en: `No file matches "${shown}".` }
    : { ja: `ファイル「${shown}」が見つかりません。`, en: `The file "${shown}" does not exist.` }, CHECK_NAME);
}

function unopenable(shown: string, code: string): FileRead {
  if (code === 'ENOENT') return failed(sourceMissing(shown, false));
  return failed(
    problem('source-error', 'error', { value: shown }, { ja: `ファイル「${shown}」を開けません（${code}）。`, en: `The file "${shown}" cannot be opened (${code}).` }, CHECK_NAME),
  );
}

function tooLarge(shown: string, size: number, maxBytes: number): FileRead {
  const mb = (bytes: number) => (Math.ceil((bytes / MB) * 10) / 10).toString();
  return failed(
    problem('source-error', 'error', { value: shown }, {
      ja: `ファイル「${shown}」の大きさが ${mb(size)} MB あり、上限の ${mb(maxBytes)} MB を超えているため読み込めません。`,
      en: `The file "${shown}" is ${mb(size)} MB, over the ${mb(maxBytes)} MB limit.`,
    }, {
      ja: '不要なシート・画像・書式を削除するか、データを複数のファイルに分けてください。',
      en: 'Delete unneeded sheets, images or formatting, or split the data into several files.',
    }),
  );
}

/**
 * The bytes of the workbook at `absolute` (shown as `shown`): checked with lstat before it is opened,
 * opened without following a link, and read only when the opened file is that same regular file and
 * at most `maxBytes` long.
 */
export function readSourceFile(absolute: string, shown: string, limits: { sourcesDir: string; maxBytes: number }): FileRead {
  let info: Stats;
  try {
    info = lstatSync(absolute);
  } catch (error) {
    return unopenable(shown, (error as NodeJS.ErrnoException).code ?? 'EIO');
  }
  if (!info.isFile()) return failed(notRegular(shown, kindOf(info)));
  if (leavesSources(absolute, limits.sourcesDir)) {
    return failed(notRegular(shown, { ja: 'sources/ の外を指すフォルダ（リンク）の中にあります', en: 'inside a folder that links out of sources/' }));
  }
  if (info.size > limits.maxBytes) return tooLarge(shown, info.size, limits.maxBytes);
  let fd: number;
  try {
    fd = openSync(absolute, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    // ELOOP: the file became a link after lstat looked at it.
    return code === 'ELOOP' ? failed(notRegular(shown, LINK)) : unopenable(shown, code);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev) {
      return failed(notRegular(shown, { ja: '確かめている間に別のものに置き換わりました', en: 'replaced by something else while it was checked' }));
    }
    if (opened.size > limits.maxBytes) return tooLarge(shown, opened.size, limits.maxBytes);
    const bytes = Buffer.alloc(opened.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return { ok: true, bytes: bytes.subarray(0, filled) };
  } catch (error) {
    return unopenable(shown, (error as NodeJS.ErrnoException).code ?? 'EIO');
  } finally {
    closeSync(fd);
  }
}

/**
 * Every entry under sources/ except hidden ones (`.gitkeep`), as paths relative to it with `/`, sorted;
 * folders are listed and entered, links and other odd entries listed and never followed.
 */
export function sourceEntries(sourcesDir: string): { name: string; folder: boolean }[] {
  const entries: { name: string; folder: boolean }[] = [];
  const walk = (sub: string) => {
    let dirents;
    try {
      dirents = readdirSync(path.join(sourcesDir, sub), { withFileTypes: true });
    } catch {
      return;
    }
    for (const dirent of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (dirent.name.startsWith('.')) continue;
      const name = sub === '' ? dirent.name : `${sub}/${dirent.name}`;
      entries.push({ name, folder: dirent.isDirectory() });
      if (dirent.isDirectory()) walk(name);
    }
  };
  walk('');
  return entries;
}

/** Names in sources/ (files, or anything else named so) that the dataset's source.file stands for. */
export function sourceCandidates(dataset: Dataset, entries = sourceEntries(path.dirname(dataset.sourcePath))): string[] {
  return entries.filter((e) => !e.name.includes('/') && matchesSource(dataset.source.file, e.name)).map((e) => e.name);
}

/** What is in sources/ that no definition declares: uploaded there, it would never be validated or published. */
export function undeclaredSources(datasets: readonly Dataset[], sourcesDir: string, cwd: string): Problem[] {
  const entries = sourceEntries(sourcesDir);
  const claimed = new Set(datasets.flatMap((d) => sourceCandidates(d, entries)));
  const shown = (name: string) => path.relative(cwd, path.join(sourcesDir, name)).split(path.sep).join('/');
  return entries.filter((e) => !e.folder && !claimed.has(e.name)).map((e) => sourceNotDeclared(shown(e.name)));
}

/** A file in sources/ that no definition names: an error, so that an upload never silently goes nowhere. */
export function sourceNotDeclared(file: string): Problem {
  return problem('source-not-declared', 'error', { value: file }, {
    ja: `${file} はどのデータセット定義（schema/datasets/*.yaml の source.file）にも当てはまらないため、確認も公開もできません。`,
    en: `${file} matches the source.file of no dataset definition (schema/datasets/*.yaml), so it can be neither validated nor published.`,
  }, {
    ja: 'データセットを更新するときは、その定義の source.file に書かれた名前でアップロードし直し、このファイルは消してください'
      + '（source.file が hiratsuka-covid19-measures-*.xlsx のようなパターンなら、* の部分を日付などに変えた名前にできます）。'
      + '新しいデータセットのファイルなら、その定義の source.file にこのファイル名を書いてください。',
    en: 'To update a dataset, upload the workbook again under the name its definition gives in source.file and delete this file '
      + '(when source.file is a pattern such as hiratsuka-covid19-measures-*.xlsx, the * may be any text, e.g. the date); '
      + 'for a new dataset, name this file in the source.file of its definition.',
  });
}
