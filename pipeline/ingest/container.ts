/**
 * The byte-level gate in front of the spreadsheet reader.
 *
 * Before SheetJS inflates anything, this looks only at the container: the ZIP
 * central directory (xlsx / ods), the CFB directory (xls, or an encrypted
 * OOXML workbook), or the text encoding (csv). It refuses hostile or broken
 * files with one bilingual problem, in time proportional to the directory and
 * without inflating any entry (except the tiny ODF `mimetype`). It never throws
 * for bad input.
 *
 * Declared sizes can lie: this checks declarations and compression ratios only;
 * the spreadsheet reader is guarded again when it actually inflates.
 */
import { inflateSync } from 'fflate';
import { problem, type Problem, type Text } from '../problem/Problem.ts';

export interface ContainerLimits {
  /** Sum of the declared uncompressed sizes of all ZIP entries (and the size of a CSV/XLS file). */
  maxUncompressedBytes: number;
  /** Number of ZIP entries. */
  maxEntries: number;
  /** Declared uncompressed ÷ compressed size, per entry, checked only for entries over 1 MB uncompressed. */
  maxCompressionRatio: number;
}

export const DEFAULT_LIMITS: ContainerLimits = {
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 10_000,
  maxCompressionRatio: 200,
};

/** Entries at or below this uncompressed size are never refused for their ratio. */
const RATIO_MIN_ENTRY_BYTES = 1024 * 1024;

export type ContainerKind = 'xlsx' | 'ods' | 'xls' | 'csv';

export type ContainerCheck =
  | {
      ok: true;
      kind: ContainerKind;
      encoding?: 'utf-8' | 'utf-8-bom' | 'shift_jis';
      text?: string /* decoded text for csv */;
      /** The ZIP entries (xlsx, ods), for the reader that inflates them under a real byte cap. */
      parts?: ZipEntry[];
    }
  | { ok: false; problem: Problem };

// ---------------------------------------------------------------------------
// Messages (Japanese first, in plain words for city staff)

const ACCEPTED_JA = '受け付けている形式は Excel ブック（.xlsx、.xls）、OpenDocument スプレッドシート（.ods）、CSV（.csv）です。';
const ACCEPTED_EN = 'Accepted formats are Excel workbooks (.xlsx, .xls), OpenDocument spreadsheets (.ods) and CSV (.csv).';

const RESAVE_FIX: Text = {
  ja: '元のファイルを Excel で開き、「ファイル → 名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直し、そのファイルをアップロードしてください。',
  en: 'Open the original file in Excel, use File → Save As, choose "Excel Workbook (*.xlsx)", and upload the newly saved file.',
};

const MB = 1024 * 1024;

function mb(bytes: number): string {
  if (!Number.isFinite(bytes)) return '∞';
  const v = bytes / MB;
  return v >= 10 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
}

const num = (n: number): string => n.toLocaleString('en-US');

function fail(code: string, fileName: string, message: Text, fix: Text): ContainerCheck & { ok: false } {
  return { ok: false, problem: problem(code, 'error', { value: fileName }, message, fix) };
}

export function damaged(fileName: string): ContainerCheck & { ok: false } {
  return fail(
    'format-error',
    fileName,
    {
      ja: 'ファイルが壊れている（破損している）ため読み込めません。Excelで開き直し、「名前を付けて保存」で .xlsx として保存し直してください。',
      en: 'The file is damaged (corrupt) and cannot be read. Open it again in Excel and use "Save As" to save it as .xlsx again.',
    },
    {
      ja: 'アップロードの途中で途切れた可能性もあります。元のファイルが Excel で開けるか確かめ、開けたら「ファイル → 名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し、そのファイルをアップロードしてください。',
      en: 'The upload may also have been cut off. Check that the original opens in Excel; if it does, use File → Save As, choose "Excel Workbook (*.xlsx)", and upload that file.',
    },
  );
}

function notSpreadsheet(fileName: string, detail: Text = { ja: '', en: '' }): ContainerCheck {
  return fail(
    'format-error',
    fileName,
    {
      ja: `このファイルは表計算ファイルではありません${detail.ja}。${ACCEPTED_JA}`,
      en: `This file is not a spreadsheet${detail.en}. ${ACCEPTED_EN}`,
    },
    {
      ja: '表（データ）が入っているファイルを選び直してください。Excel で開けるファイルなら、「ファイル → 名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してからアップロードしてください。',
      en: 'Choose the file that holds the table. If it opens in Excel, use File → Save As, choose "Excel Workbook (*.xlsx)", and upload that file.',
    },
  );
}

export function encrypted(fileName: string): ContainerCheck & { ok: false } {
  return fail(
    'encrypted-workbook',
    fileName,
    {
      ja: 'このブックはパスワードで保護されています。パスワード付きのファイルは読み込めません。',
      en: 'This workbook is password-protected. Files that need a password to open cannot be read.',
    },
    {
      ja: 'Excel でパスワードを入力して開き、「ファイル → 情報 → ブックの保護 → パスワードを使用して暗号化」でパスワードを空にして「OK」を押し、保存してからもう一度アップロードしてください。',
      en: 'Open the workbook in Excel with its password, go to File → Info → Protect Workbook → Encrypt with Password, clear the password, click OK, save, and upload it again.',
    },
  );
}

const SPLIT_FIX: Text = {
  ja: '不要なシート・画像・書式を削除するか、データを複数のファイルに分けてから、もう一度アップロードしてください。',
  en: 'Delete unneeded sheets, images or formatting, or split the data into several files, then upload again.',
};

function tooLargeFile(fileName: string, size: number, limit: number): ContainerCheck {
  return fail(
    'source-error',
    fileName,
    {
      ja: `ファイルの大きさが ${mb(size)} MB あり、上限の ${mb(limit)} MB を超えているため読み込めません。`,
      en: `The file is ${mb(size)} MB, which is over the ${mb(limit)} MB limit.`,
    },
    SPLIT_FIX,
  );
}

// ---------------------------------------------------------------------------
// Entry point

export function inspectContainer(bytes: Uint8Array, fileName: string, limits: ContainerLimits = DEFAULT_LIMITS): ContainerCheck {
  try {
    return inspect(bytes, fileName, limits);
  } catch {
    // Every reader below bounds-checks; this is the last line of defence so bad input never throws.
    return damaged(fileName);
  }
}

function inspect(bytes: Uint8Array, fileName: string, limits: ContainerLimits): ContainerCheck {
  if (bytes.length === 0) {
    return fail(
      'source-error',
      fileName,
      { ja: 'ファイルが空です（中身が 0 バイトです）。', en: 'The file is empty (0 bytes).' },
      {
        ja: 'ファイルを開いてデータが入っていることを確かめ、保存し直してからもう一度アップロードしてください。',
        en: 'Open the file, check that it contains your data, save it, and upload it again.',
      },
    );
  }
  if (startsWith(bytes, ZIP_LOCAL_MAGIC)) return inspectZip(bytes, fileName, limits);
  if (startsWith(bytes, CFB_MAGIC)) return inspectCfb(bytes, fileName, limits);
  return inspectText(bytes, fileName, limits);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** uint64 as a number; values past 2^53 become Infinity (always over any limit). */
function u64(dv: DataView, at: number): number {
  const v = dv.getBigUint64(at, true);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(v);
}

// ---------------------------------------------------------------------------
// ZIP (xlsx, ods)

const ZIP_LOCAL_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** One ZIP entry as its central directory declares it (declarations can lie: see inflateParts.ts). */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** Where the entry's stored or deflated data starts. */
  dataAt: number;
  /** General-purpose flag bit 0: the entry is encrypted (a password-protected ZIP). */
  encrypted: boolean;
}

interface CentralDirectory {
  /** Start of the central directory; all entry data must lie before it. */
  offset: number;
  size: number;
  declaredEntries: number;
}

/** Finds and validates the end-of-central-directory record (and its ZIP64 twin). */
function readEocd(bytes: Uint8Array, dv: DataView): CentralDirectory | undefined {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (dv.getUint32(at, true) !== SIG_EOCD) continue;
    const commentLength = dv.getUint16(at + 20, true);
    if (at + 22 + commentLength > bytes.length) continue; // a signature inside a comment, or cut off
    const thisDisk = dv.getUint16(at + 4, true);
    const cdDisk = dv.getUint16(at + 6, true);
    let declaredEntries = dv.getUint16(at + 10, true);
    let size = dv.getUint32(at + 12, true);
    let offset = dv.getUint32(at + 16, true);
    let limit = at; // the central directory must end before this
    if (declaredEntries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const loc = at - 20;
      if (loc >= 0 && dv.getUint32(loc, true) === SIG_ZIP64_LOCATOR) {
        const z = u64(dv, loc + 8);
        if (!(z + 56 <= loc) || dv.getUint32(z, true) !== SIG_ZIP64_EOCD) continue;
        declaredEntries = u64(dv, z + 32);
        size = u64(dv, z + 40);
        offset = u64(dv, z + 48);
        limit = z;
      }
    }
    if (thisDisk !== 0 || cdDisk !== 0) continue; // split archives are not spreadsheets
    if (!(offset + size <= limit)) continue;
    return { offset, size, declaredEntries };
  }
  return undefined;
}

function decodeName(bytes: Uint8Array, flags: number): string {
  // Bit 11: UTF-8 names. Otherwise CP437; latin1 is close enough for the ASCII names we look for.
  return new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(bytes);
}

function inspectZip(bytes: Uint8Array, fileName: string, limits: ContainerLimits): ContainerCheck {
  const dv = view(bytes);
  if (bytes.length < 22) return damaged(fileName);
  const cd = readEocd(bytes, dv);
  if (!cd) return damaged(fileName);

  const entries: ZipEntry[] = [];
  let count = 0;
  let totalUncompressed = 0;
  let ratioOffender: ZipEntry | undefined;
  const end = cd.offset + cd.size;
  let p = cd.offset;
  while (p < end) {
    if (p + 46 > end || dv.getUint32(p, true) !== SIG_CENTRAL) return damaged(fileName);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    const nameAt = p + 46;
    const extraAt = nameAt + nameLength;
    const next = extraAt + extraLength + commentLength;
    if (next > end) return damaged(fileName);
    count++;

    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extended information: present fields appear in this fixed order.
      for (let e = extraAt; e + 4 <= extraAt + extraLength; ) {
        const id = dv.getUint16(e, true);
        const len = dv.getUint16(e + 2, true);
        const dataEnd = e + 4 + len;
        if (dataEnd > extraAt + extraLength) return damaged(fileName);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= dataEnd) { uncompressedSize = u64(dv, f); f += 8; }
          if (compressedSize === 0xffffffff && f + 8 <= dataEnd) { compressedSize = u64(dv, f); f += 8; }
          if (localOffset === 0xffffffff && f + 8 <= dataEnd) { localOffset = u64(dv, f); f += 8; }
          break;
        }
        e = dataEnd;
      }
    }

    // The entry's data must sit between its local header and the central directory.
    if (!(localOffset + 30 <= cd.offset) || dv.getUint32(localOffset, true) !== SIG_LOCAL) return damaged(fileName);
    const dataAt = localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    if (!(dataAt + compressedSize <= cd.offset)) return damaged(fileName);

    totalUncompressed += uncompressedSize;
    if (count <= limits.maxEntries) {
      const name = decodeName(bytes.subarray(nameAt, extraAt), flags);
      // The local header must name the same part: a reader walking local headers would otherwise see another file.
      const localName = bytes.subarray(localOffset + 30, localOffset + 30 + dv.getUint16(localOffset + 26, true));
      if (!sameBytes(localName, bytes.subarray(nameAt, extraAt))) return ambiguous(fileName, name);
      const entry: ZipEntry = {
        name,
        method,
        compressedSize,
        uncompressedSize,
        localOffset,
        dataAt,
        encrypted: (flags & 0x1) !== 0,
      };
      entries.push(entry);
      if (
        !ratioOffender &&
        uncompressedSize > RATIO_MIN_ENTRY_BYTES &&
        (compressedSize === 0 || uncompressedSize / compressedSize > limits.maxCompressionRatio)
      ) {
        ratioOffender = entry;
      }
    }
    p = next;
  }
  // Old writers wrap the 16-bit count past 65,535 entries; anything else is a damaged directory.
  if (count !== cd.declaredEntries && count % 0x10000 !== cd.declaredEntries) return damaged(fileName);

  if (count > limits.maxEntries) {
    return fail(
      'compression-error',
      fileName,
      {
        ja: `ファイルの中に ${num(count)} 個の部品が入っており、上限の ${num(limits.maxEntries)} 個を超えているため読み込めません。通常の表計算ファイルではこれほど多くはなりません。`,
        en: `The file contains ${num(count)} internal parts, over the limit of ${num(limits.maxEntries)}. An ordinary spreadsheet never has this many.`,
      },
      RESAVE_FIX,
    );
  }
  if (totalUncompressed > limits.maxUncompressedBytes) {
    return fail(
      'compression-error',
      fileName,
      {
        ja: `このファイルは展開すると ${mb(totalUncompressed)} MB になり、上限の ${mb(limits.maxUncompressedBytes)} MB を超えているため読み込めません。`,
        en: `Unpacked, this file would be ${mb(totalUncompressed)} MB, which is over the ${mb(limits.maxUncompressedBytes)} MB limit.`,
      },
      SPLIT_FIX,
    );
  }
  if (ratioOffender) {
    const r = ratioOffender.compressedSize === 0 ? Infinity : ratioOffender.uncompressedSize / ratioOffender.compressedSize;
    const ratio = Number.isFinite(r) ? num(Math.round(r)) : '∞';
    return fail(
      'compression-error',
      fileName,
      {
        ja: `ファイル内の「${ratioOffender.name}」が、保存されている大きさの ${ratio} 倍（${mb(ratioOffender.uncompressedSize)} MB）に膨らむ作りになっています。上限の ${num(limits.maxCompressionRatio)} 倍を超えているため、安全のため読み込めません。`,
        en: `The part "${ratioOffender.name}" inside the file would expand ${ratio} times (to ${mb(ratioOffender.uncompressedSize)} MB), over the safety limit of ${num(limits.maxCompressionRatio)} times.`,
      },
      RESAVE_FIX,
    );
  }

  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    // Readers differ on which of two same-named parts wins (SheetJS takes the last): neither is trusted.
    const key = e.name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
    if (byName.has(key)) return ambiguous(fileName, e.name);
    byName.set(key, e);
  }

  if (byName.has('[content_types].xml') && (byName.has('xl/workbook.xml') || byName.has('xl/workbook.bin'))) {
    return { ok: true, kind: 'xlsx', parts: entries };
  }
  const mimetype = byName.get('mimetype');
  if (mimetype) {
    const mime = readSmallEntry(bytes, dv, mimetype);
    if (mime === undefined) return damaged(fileName);
    if (mime.trim() === ODS_MIME) return { ok: true, kind: 'ods', parts: entries };
    if (mime.startsWith('application/vnd.oasis.opendocument.')) {
      return notSpreadsheet(fileName, {
        ja: '（OpenDocument の文書ですが、スプレッドシートではありません）',
        en: ' (it is an OpenDocument file, but not a spreadsheet)',
      });
    }
  }
  if (byName.has('[content_types].xml') && (byName.has('word/document.xml') || byName.has('ppt/presentation.xml'))) {
    return notSpreadsheet(fileName, {
      ja: '（Word や PowerPoint のファイルです）',
      en: ' (it is a Word or PowerPoint file)',
    });
  }
  return notSpreadsheet(fileName, {
    ja: '（ZIP 形式の圧縮ファイルですが、Excel や OpenDocument のブックではありません）',
    en: ' (it is a ZIP archive, but not an Excel or OpenDocument workbook)',
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function ambiguous(fileName: string, part: string): ContainerCheck & { ok: false } {
  return fail(
    'format-error',
    fileName,
    {
      ja: `ファイルの中に「${part}」という名前の部品が 2 つあり、どちらが本当の内容か決められないため読み込めません（Excel が保存したファイルではこうなりません）。`,
      en: `The file holds two parts named "${part}", and which one is the real content cannot be told, so it is not read (a file Excel saved never does this).`,
    },
    RESAVE_FIX,
  );
}

/** Reads the tiny ODF `mimetype` entry: stored, or deflated into a fixed 256-byte buffer. */
function readSmallEntry(bytes: Uint8Array, dv: DataView, entry: ZipEntry): string | undefined {
  const MAX = 256;
  if (entry.uncompressedSize > MAX || entry.compressedSize > MAX) return '';
  const dataAt = entry.localOffset + 30 + dv.getUint16(entry.localOffset + 26, true) + dv.getUint16(entry.localOffset + 28, true);
  const data = bytes.subarray(dataAt, dataAt + entry.compressedSize);
  let raw: Uint8Array;
  if (entry.method === 0) raw = data;
  else if (entry.method === 8) {
    try {
      // A fixed output buffer: fflate never grows it, so this cannot allocate more than MAX bytes.
      raw = inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
    } catch {
      return undefined;
    }
  } else return '';
  return new TextDecoder('latin1').decode(raw);
}

// ---------------------------------------------------------------------------
// CFB / OLE2 (xls, encrypted OOXML)

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ENDOFCHAIN = 0xfffffffe;
const NOSTREAM = 0xffffffff;

class CfbError extends Error {}

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** A minimal, bounds-checked reader of the CFB directory: enough to list root streams and read a stream's first bytes. */
class Cfb {
  readonly sectorSize: number;
  private readonly bytes: Uint8Array;
  private readonly dv: DataView;
  private readonly sectorCount: number;
  private readonly fatSectors: number[] = [];
  private readonly miniCutoff: number;
  private readonly miniFatStart: number;
  /** File offsets of the directory sectors; entries are read on demand. */
  private readonly dirSectors: number[] = [];

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.dv = view(bytes);
    if (bytes.length < 512) throw new CfbError('short');
    const dv = this.dv;
    if (dv.getUint16(0x1c, true) !== 0xfffe) throw new CfbError('byte order');
    const shift = dv.getUint16(0x1e, true);
    if (shift !== 9 && shift !== 12) throw new CfbError('sector shift');
    this.sectorSize = 1 << shift;
    this.sectorCount = Math.ceil((bytes.length - this.sectorSize) / this.sectorSize);
    if (this.sectorCount <= 0) throw new CfbError('no sectors');
    this.miniCutoff = dv.getUint32(0x38, true);
    this.miniFatStart = dv.getUint32(0x3c, true);

    // FAT sector list: 109 in the header, the rest along the DIFAT chain.
    const fatCount = dv.getUint32(0x2c, true);
    if (fatCount > this.sectorCount) throw new CfbError('fat count');
    for (let i = 0; i < 109 && this.fatSectors.length < fatCount; i++) this.fatSectors.push(dv.getUint32(0x4c + 4 * i, true));
    let difat = dv.getUint32(0x44, true);
    const perDifat = this.sectorSize / 4 - 1;
    for (let steps = 0; this.fatSectors.length < fatCount; steps++) {
      if (steps > this.sectorCount) throw new CfbError('difat loop');
      const at = this.sectorOffset(difat);
      for (let i = 0; i < perDifat && this.fatSectors.length < fatCount; i++) this.fatSectors.push(dv.getUint32(at + 4 * i, true));
      difat = dv.getUint32(at + 4 * perDifat, true);
    }
    for (const s of this.fatSectors) this.sectorOffset(s); // every FAT sector must exist

    for (const s of this.chain(dv.getUint32(0x30, true))) this.dirSectors.push(this.sectorOffset(s));
    if (this.entry(0).type !== 5) throw new CfbError('no root');
  }

  private sectorOffset(sector: number): number {
    if (sector >= this.sectorCount) throw new CfbError('sector out of range');
    // The last sector may be cut short by some writers; every read below is bounds-checked.
    return (sector + 1) * this.sectorSize;
  }

  private u32(at: number): number {
    if (at + 4 > this.bytes.length) throw new CfbError('read past end');
    return this.dv.getUint32(at, true);
  }

  private fatNext(sector: number): number {
    const perSector = this.sectorSize / 4;
    const fatSector = this.fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined) throw new CfbError('fat index');
    return this.u32(this.sectorOffset(fatSector) + 4 * (sector % perSector));
  }

  /** The sectors of a FAT chain; a chain longer than the file is a loop. */
  chain(start: number, maxSectors = Infinity): number[] {
    const out: number[] = [];
    for (let s = start; s !== ENDOFCHAIN && out.length < maxSectors; s = this.fatNext(s)) {
      if (out.length > this.sectorCount) throw new CfbError('chain loop');
      this.sectorOffset(s);
      out.push(s);
    }
    return out;
  }

  /** Directory entry `id`, read from its sector. */
  entry(id: number): DirEntry {
    const perSector = this.sectorSize / 128;
    const sectorAt = this.dirSectors[Math.floor(id / perSector)];
    if (sectorAt === undefined) throw new CfbError('dangling directory id');
    const at = sectorAt + (id % perSector) * 128;
    if (at + 128 > this.bytes.length) throw new CfbError('read past end');
    const dv = this.dv;
    const nameLength = Math.min(64, dv.getUint16(at + 0x40, true));
    const chars = Math.max(0, nameLength / 2 - 1);
    let name = '';
    for (let i = 0; i < chars; i++) name += String.fromCharCode(dv.getUint16(at + 2 * i, true));
    return {
      name,
      type: dv.getUint8(at + 0x42),
      left: dv.getUint32(at + 0x44, true),
      right: dv.getUint32(at + 0x48, true),
      child: dv.getUint32(at + 0x4c, true),
      start: dv.getUint32(at + 0x74, true),
      size: dv.getUint32(at + 0x78, true),
    };
  }

  /** The direct children of the root storage (its red-black tree, walked with a visited set). */
  rootChildren(): DirEntry[] {
    const out: DirEntry[] = [];
    const seen = new Set<number>();
    const stack = [this.entry(0).child];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === NOSTREAM || seen.has(id)) continue;
      seen.add(id);
      const e = this.entry(id);
      if (e.type === 1 || e.type === 2) out.push(e);
      stack.push(e.left, e.right);
    }
    return out;
  }

  /** The first `max` bytes of a stream, through the FAT or (for small streams) the mini stream. */
  streamPrefix(entry: DirEntry, max: number): Uint8Array {
    const want = Math.min(entry.size, max);
    const out = new Uint8Array(want);
    let filled = 0;
    if (entry.size < this.miniCutoff) {
      const root = this.entry(0);
      const miniPerSector = this.sectorSize / 64;
      const miniSectors = Math.ceil(want / 64);
      const container = this.chain(root.start);
      const miniFat = this.chain(this.miniFatStart);
      const perFat = this.sectorSize / 4;
      let m = entry.start;
      for (let i = 0; i < miniSectors; i++) {
        if (m === ENDOFCHAIN) throw new CfbError('mini chain short');
        const host = container[Math.floor(m / miniPerSector)];
        if (host === undefined) throw new CfbError('mini sector out of range');
        const at = this.sectorOffset(host) + (m % miniPerSector) * 64;
        const n = Math.min(64, want - filled);
        if (at + n > this.bytes.length) throw new CfbError('read past end');
        out.set(this.bytes.subarray(at, at + n), filled);
        filled += n;
        const fatSector = miniFat[Math.floor(m / perFat)];
        if (fatSector === undefined) throw new CfbError('mini fat index');
        m = this.u32(this.sectorOffset(fatSector) + 4 * (m % perFat));
      }
    } else {
      for (const s of this.chain(entry.start, Math.ceil(want / this.sectorSize))) {
        const at = this.sectorOffset(s);
        const n = Math.min(this.sectorSize, want - filled);
        if (at + n > this.bytes.length) throw new CfbError('read past end');
        out.set(this.bytes.subarray(at, at + n), filled);
        filled += n;
      }
    }
    return out.subarray(0, filled);
  }
}

/** BIFF: is there a FILEPASS record (0x002F) among the records right after BOF? That is an encrypted .xls. */
function biffHasFilePass(prefix: Uint8Array): boolean {
  const dv = view(prefix);
  for (let at = 0, n = 0; at + 4 <= prefix.length && n < 16; n++) {
    const type = dv.getUint16(at, true);
    const len = dv.getUint16(at + 2, true);
    if (type === 0x002f) return true;
    at += 4 + len;
  }
  return false;
}

function inspectCfb(bytes: Uint8Array, fileName: string, limits: ContainerLimits): ContainerCheck {
  let cfb: Cfb;
  try {
    cfb = new Cfb(bytes);
  } catch {
    return damaged(fileName);
  }
  let children: DirEntry[];
  try {
    children = cfb.rootChildren();
  } catch {
    return damaged(fileName);
  }
  const find = (name: string): DirEntry | undefined =>
    children.find((e) => e.type === 2 && e.name.toLowerCase() === name.toLowerCase());

  if (find('EncryptionInfo') || find('EncryptedPackage')) return encrypted(fileName);

  const book = find('Workbook') ?? find('Book');
  if (!book) {
    const isWord = find('WordDocument') !== undefined;
    const isPowerPoint = find('PowerPoint Document') !== undefined;
    return notSpreadsheet(
      fileName,
      isWord || isPowerPoint
        ? { ja: '（Word や PowerPoint のファイルです）', en: ' (it is a Word or PowerPoint file)' }
        : { ja: '（Office 形式のファイルですが、Excel のブックではありません）', en: ' (it is an Office file, but not an Excel workbook)' },
    );
  }
  let prefix: Uint8Array;
  try {
    prefix = cfb.streamPrefix(book, 1024);
  } catch {
    return damaged(fileName);
  }
  if (prefix.length < 4) return damaged(fileName);
  if (biffHasFilePass(prefix)) return encrypted(fileName);
  if (bytes.length > limits.maxUncompressedBytes) return tooLargeFile(fileName, bytes.length, limits.maxUncompressedBytes);
  return { ok: true, kind: 'xls' };
}

// ---------------------------------------------------------------------------
// Text (csv)

const TEXT_EXTENSIONS = /\.(csv|txt|tsv)$/i;

function inspectText(bytes: Uint8Array, fileName: string, limits: ContainerLimits): ContainerCheck {
  const textByName = TEXT_EXTENSIONS.test(fileName);

  // Excel's "Unicode text" is UTF-16 with a BOM: say so, rather than "not a spreadsheet".
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fail(
      'encoding-error',
      fileName,
      {
        ja: 'このファイルの文字コードは UTF-16（「Unicode テキスト」形式）のため読み込めません。',
        en: 'This file is encoded as UTF-16 ("Unicode Text"), which cannot be read.',
      },
      {
        ja: 'Excel で開き、「ファイル → 名前を付けて保存」で「CSV UTF-8 (コンマ区切り) (*.csv)」を選んで保存し直してから、アップロードしてください。',
        en: 'Open it in Excel, use File → Save As, choose "CSV UTF-8 (Comma delimited) (*.csv)", and upload that file.',
      },
    );
  }

  if (bytes.includes(0)) return notSpreadsheet(fileName);

  if (bytes.length > limits.maxUncompressedBytes) return tooLargeFile(fileName, bytes.length, limits.maxUncompressedBytes);

  let encoding: 'utf-8' | 'utf-8-bom' | 'shift_jis';
  let text: string;
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const decoded = hasBom ? decode('utf-8', bytes.subarray(3)) : decode('utf-8', bytes);
  if (decoded !== undefined) {
    encoding = hasBom ? 'utf-8-bom' : 'utf-8';
    text = decoded;
  } else {
    const sjis = hasBom ? undefined : decode('shift_jis', bytes);
    if (sjis === undefined) {
      if (!textByName) return notSpreadsheet(fileName);
      return fail(
        'encoding-error',
        fileName,
        {
          ja: 'このファイルの文字コードを判別できないため読み込めません（UTF-8 でも Shift_JIS でもありません）。',
          en: 'The text encoding of this file could not be recognised (it is neither UTF-8 nor Shift_JIS).',
        },
        {
          ja: 'Excel で開き、「ファイル → 名前を付けて保存」で「CSV UTF-8 (コンマ区切り) (*.csv)」を選んで保存し直してから、アップロードしてください。',
          en: 'Open it in Excel, use File → Save As, choose "CSV UTF-8 (Comma delimited) (*.csv)", and upload that file.',
        },
      );
    }
    encoding = 'shift_jis';
    text = sjis;
  }

  if (!looksLikeText(text)) return notSpreadsheet(fileName);

  // A web page or XML file renamed to .xls/.csv: Excel can open those, we cannot.
  if (/^\s*<(\?xml|!doctype|html|table|workbook)\b/i.test(text.slice(0, 512))) {
    return notSpreadsheet(fileName, {
      ja: '（Web ページ（HTML）または XML 形式のファイルです）',
      en: ' (it is a web page (HTML) or XML file)',
    });
  }
  return { ok: true, kind: 'csv', encoding, text };
}

function decode(label: 'utf-8' | 'shift_jis', bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the caller strips a UTF-8 BOM itself; a second one would be data.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Text, not binary that happened to decode: control characters other than tab, CR, LF, FF and EOF are rare. */
function looksLikeText(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) || c === 0x7f) control++;
  }
  return control <= text.length / 100;
}
