/**
 * Zip entries deflated by Node's zlib, for fflate's Zip (write-archive.ts). ZipPassThrough counts the size and the
 * CRC of what is pushed; process() hands the bytes to zlib, whose output reaches the zip in order. fflate documents
 * overriding process() for this.
 */
import { ZipPassThrough, type ZipInputFile } from 'fflate';
import { constants, crc32, createDeflateRaw, deflateRaw, type DeflateRaw } from 'node:zlib';
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import { promisify } from 'node:util';

/** Bits 1–2 of the entry's flags state the level, as fflate's own deflate sets them (1 → super fast, 9 → maximum). */
function levelFlag(level: number): number {
  return level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
}

/**
 * fflate computes an entry's CRC-32 in JavaScript on the main thread: 3.6 s per GB here (a 256 MB buffer: 914 ms),
 * and the main thread is what reads the files and feeds zlib, so a table of gigabytes waited on it. zlib.crc32 took
 * 109 ms. fflate keeps the running CRC in the entry's `c`, an object with p(chunk) and d(); this puts one backed by
 * zlib in its place. unzip checks every entry's CRC in the archive tests.
 */
export function withNativeCrc<T extends ZipPassThrough>(file: T): T {
  let crc = 0;
  (file as unknown as { c: { p(chunk: Uint8Array): void; d(): number } }).c = {
    p: (chunk) => {
      crc = crc32(chunk, crc);
    },
    d: () => crc,
  };
  return file;
}

export interface Deflater extends ZipPassThrough {
  /** Resolves when pushing more would only queue it: a large file is not read faster than it is compressed. */
  drained(): Promise<void>;
  /** Resolves once the final output has reached the zip. */
  readonly finished: Promise<void>;
}

/** One zlib stream: the whole entry in one deflate stream. */
export class StreamDeflate extends ZipPassThrough implements Deflater {
  private readonly zlib: DeflateRaw;
  readonly finished: Promise<void>;

  constructor(name: string, level: number) {
    super(name);
    this.zlib = createDeflateRaw({ level });
    (this as ZipInputFile).flag = levelFlag(level);
    this.compression = 8;
    // zlib's output is in ordinary (never shared) ArrayBuffers.
    this.zlib.on('data', (d: Buffer) => this.ondata(null, d as Uint8Array<ArrayBuffer>, false));
    this.finished = new Promise((resolve, reject) => {
      this.zlib.on('end', () => {
        this.ondata(null, new Uint8Array(0), true);
        resolve();
      });
      this.zlib.on('error', reject);
    });
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    if (chunk.length > 0) this.zlib.write(chunk);
    if (final) this.zlib.end();
  }

  async drained(): Promise<void> {
    if (this.zlib.writableNeedDrain) await once(this.zlib, 'drain');
  }
}

const deflateRawAsync = promisify(deflateRaw);
/** A last, empty block with BFINAL set (fixed codes, end-of-block only): what ends the chunks' stream. */
const FINAL_EMPTY_BLOCK = new Uint8Array([0x03, 0x00]);

/**
 * Each pushed chunk deflated on its own, several at once on libuv's threads, their outputs joined in push order —
 * pigz's way. A chunk ends in a sync flush (byte-aligned, not final), so the outputs concatenate into one valid
 * deflate stream, closed by an empty final block. Chunks do not share a dictionary: on 4 MB chunks that costs well
 * under 1 % of size, and the cores are used. The output depends on the chunks only, so the same file read in the
 * same chunk size gives the same bytes.
 */
export class ChunkedDeflate extends ZipPassThrough implements Deflater {
  private readonly level: number;
  private readonly inFlight = availableParallelism() + 1;
  private chain: Promise<void> = Promise.resolve();
  private readonly queued: Promise<void>[] = [];

  constructor(name: string, level: number) {
    super(name);
    this.level = level;
    (this as ZipInputFile).flag = levelFlag(level);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    if (chunk.length > 0) {
      const job = deflateRawAsync(chunk, { level: this.level, finishFlush: constants.Z_SYNC_FLUSH });
      job.catch(() => undefined); // its failure reaches the caller through the chain
      this.chain = this.chain.then(async () => this.ondata(null, (await job) as Uint8Array<ArrayBuffer>, false));
      this.queued.push(this.chain);
    }
    if (final) this.chain = this.chain.then(() => this.ondata(null, FINAL_EMPTY_BLOCK, true));
  }

  async drained(): Promise<void> {
    while (this.queued.length >= this.inFlight) await this.queued.shift();
  }

  get finished(): Promise<void> {
    return this.chain;
  }
}
