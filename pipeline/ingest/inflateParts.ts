/**
 * The second guard against zip bombs. container.ts refuses a ZIP by what its directory DECLARES;
 * declarations can lie (a 1 KB declared entry may inflate to gigabytes, and SheetJS trusts the local
 * headers, not the directory the gate read). So every entry is inflated here, once, in small steps,
 * counting the bytes really produced and stopping as soon as the total passes the limit. SheetJS is
 * then handed a plain stored ZIP of exactly those bytes: it inflates nothing itself.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';
import { problem, type Problem } from '../problem/Problem.ts';
import { damaged, encrypted, type ContainerLimits, type ZipEntry } from './container.ts';

/** Compressed bytes fed to the inflater per step: DEFLATE expands at most ~1,032 times, so one step yields at most ~16 MB past the cap (smaller steps cost twice the time). */
const STEP = 16 * 1024;
const MB = 1024 * 1024;

export type InflatedZip =
  | {
      ok: true;
      zip: Uint8Array;
      names: string[];
      /** The inflated parts by name (what `zip` stores), for what SheetJS does not read (hiddenMarks.ts). */
      files: Record<string, Uint8Array>;
    }
  | { ok: false; problem: Problem };

type Inflated = { data: Uint8Array } | { over: true } | { broken: true };

/** Inflates raw DEFLATE data, giving up once more than `cap` bytes have come out. */
function inflateCapped(data: Uint8Array, cap: number): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= cap) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length || at === 0; at += STEP) {
      const end = Math.min(at + STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
      if (total > cap) return { over: true };
    }
  } catch {
    return { broken: true };
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { data: out };
}

function tooLarge(fileName: string, part: string, limit: number): Problem {
  const mb = Math.round(limit / MB);
  return problem(
    'compression-error',
    'error',
    { value: fileName },
    {
      ja: `ファイルの中の「${part}」を展開すると、ファイルに書かれている大きさよりずっと大きくなり、上限の ${mb} MB を超えました。安全のため読み込みを止めました。`,
      en: `Inflating the part "${part}" produced far more than the file declares, passing the ${mb} MB limit; reading was stopped for safety.`,
    },
    {
      ja: '元のファイルを Excel で開き、「ファイル → 名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直し、そのファイルをアップロードしてください。',
      en: 'Open the original file in Excel, use File → Save As, choose "Excel Workbook (*.xlsx)", and upload the newly saved file.',
    },
  );
}

/** Every entry inflated under `limits.maxUncompressedBytes` in all, re-packed as a stored ZIP. */
export function inflateParts(bytes: Uint8Array, parts: readonly ZipEntry[], fileName: string, limits: ContainerLimits): InflatedZip {
  const files = Object.create(null) as Record<string, Uint8Array>;
  const names: string[] = [];
  let total = 0;
  for (const part of parts) {
    if (part.encrypted) return encrypted(fileName);
    const raw = bytes.subarray(part.dataAt, part.dataAt + part.compressedSize);
    let data: Uint8Array;
    if (part.method === 0) {
      data = raw;
    } else if (part.method === 8) {
      const result = inflateCapped(raw, limits.maxUncompressedBytes - total);
      if ('over' in result) return { ok: false, problem: tooLarge(fileName, part.name, limits.maxUncompressedBytes) };
      if ('broken' in result) return damaged(fileName);
      data = result.data;
    } else {
      return damaged(fileName);
    }
    total += data.length;
    if (total > limits.maxUncompressedBytes) return { ok: false, problem: tooLarge(fileName, part.name, limits.maxUncompressedBytes) };
    names.push(part.name);
    // Folders carry nothing; `__proto__` would become fflate's own object's prototype, and no spreadsheet needs it.
    if (part.name.endsWith('/') || part.name === '__proto__') continue;
    files[part.name] = data;
  }
  try {
    return { ok: true, zip: zipSync(files as Zippable, { level: 0 }), names, files };
  } catch {
    return damaged(fileName); // e.g. a part name too long to write back
  }
}
