import { createHash } from 'node:crypto';
import type { PackageFile } from './DataPackage.ts';
import type { ChunkProducer, ChunkSink } from './serialize.ts';

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A file's size in bytes and its `sha256:` hash, as the descriptor and the DCAT record give them. */
export interface FileDigest {
  size: number;
  hash: string;
}

/**
 * A data file whose bytes are made when they are needed: streamed to disk piece by piece (`stream`,
 * which works out the size and hash on the way), or gathered whole on first use of `bytes` (publishing,
 * tests). A million-row CSV is never held in memory just to be written.
 */
export class StreamedFile implements PackageFile {
  private known?: FileDigest;
  private whole?: Uint8Array;

  constructor(
    readonly path: string,
    private readonly produce: ChunkProducer,
  ) {}

  /** Hands the content to `sink` piece by piece (each piece valid only during the call). */
  stream(sink: ChunkSink): void {
    if (this.whole) {
      sink(this.whole);
      return;
    }
    const hash = createHash('sha256');
    let size = 0;
    this.produce((chunk) => {
      hash.update(chunk);
      size += chunk.length;
      sink(chunk);
    });
    this.known = { size, hash: `sha256:${hash.digest('hex')}` };
  }

  get bytes(): Uint8Array {
    if (!this.whole) {
      const pieces: Buffer[] = [];
      this.stream((chunk) => pieces.push(Buffer.from(chunk)));
      const joined = Buffer.concat(pieces);
      this.whole = new Uint8Array(joined.buffer, joined.byteOffset, joined.length);
    }
    return this.whole;
  }

  /** Size and hash: from the last time it was streamed, or from its bytes. */
  digest(): FileDigest {
    if (!this.known) this.bytes;
    return this.known!;
  }
}

export function fileDigest(file: PackageFile): FileDigest {
  return file instanceof StreamedFile ? file.digest() : { size: file.bytes.length, hash: sha256(file.bytes) };
}
