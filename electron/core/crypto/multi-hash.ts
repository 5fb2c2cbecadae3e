// MD5, SHA-1 and SHA-256 of one stream in one pass: the one implementation for ingest and the packet
// verifier. Agencies and hash lists still use the older two, so every original carries all three.
// The verifier, which checks whole packets at once, spreads them over two cores (TwoCoreHasher).
import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface FileHashes {
  sha256: string;
  sha1: string;
  md5: string;
}

export class MultiHasher {
  readonly #hashes: [Hash, Hash, Hash] = [
    createHash('sha256'),
    createHash('sha1'),
    createHash('md5'),
  ];
  bytes = 0;

  update(chunk: Uint8Array): void {
    for (const h of this.#hashes) h.update(chunk);
    this.bytes += chunk.length;
  }

  /** Lowercase hex; the hasher cannot be used after. */
  digest(): FileHashes {
    const [sha256, sha1, md5] = this.#hashes.map((h) => h.digest('hex')) as [
      string,
      string,
      string,
    ];
    return { sha256, sha1, md5 };
  }
}

/** Bytes gathered from a stream's chunks before they go to the MD5 thread as one message. */
const MD5_PIECE_BYTES = 1024 * 1024;
/** Bytes sent to the MD5 thread and not yet hashed there, before the sender waits for it. */
const MD5_AHEAD_BYTES = 32 * 1024 * 1024;

// The MD5 thread, as source: an eval'd worker needs no file of its own, so it starts the same way
// from the CLI, the app's bundle and the tests. It acknowledges each piece, for the sender's window.
const MD5_THREAD = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
let md5 = createHash('md5');
parentPort.on('message', (m) => {
  if (m === 'digest' || m === 'reset') {
    if (m === 'digest') parentPort.postMessage({ md5: md5.digest('hex') });
    md5 = createHash('md5');
    return;
  }
  md5.update(m);
  parentPort.postMessage({ hashed: m.byteLength });
});
`;

/**
 * The same three hashes on two cores, for the packet verifier: MD5 (the slowest of the three
 * here, about 620 MB/s against SHA-1's 1,500 and SHA-256's 1,250 with SHA-NI) on a worker thread,
 * SHA-1 and SHA-256 on this one. Files are hashed one after another; close it when done.
 */
export class TwoCoreHasher {
  readonly #thread: Worker;
  #ahead = 0;
  #drained: (() => void) | null = null;
  #digested: ((md5: string) => void) | null = null;
  #failure: Error | null = null;
  #failed: ((e: Error) => void) | null = null;

  constructor() {
    this.#thread = new Worker(MD5_THREAD, { eval: true });
    this.#thread.unref();
    this.#thread.on('message', (m: { hashed?: number; md5?: string }) => {
      if (m.hashed !== undefined) {
        this.#ahead -= m.hashed;
        if (this.#ahead <= MD5_AHEAD_BYTES / 2) this.#drained?.();
      } else if (m.md5 !== undefined) this.#digested?.(m.md5);
    });
    this.#thread.on('error', (e: Error) => this.#fail(e));
    this.#thread.on('exit', () => this.#fail(new Error('The MD5 thread stopped.')));
  }

  /** The three hashes of `source`'s bytes and their count. */
  async hash(
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ): Promise<FileHashes & { bytes: number }> {
    this.#check();
    const sha256 = createHash('sha256');
    const sha1 = createHash('sha1');
    let bytes = 0;
    try {
      // A ZIP entry arrives in 64 KiB chunks: sent one by one, the messages to and from the thread
      // cost more than its MD5. They go as copies gathered into pieces of MD5_PIECE_BYTES, each
      // moved (not cloned) to the thread.
      let piece: Uint8Array[] = [];
      let pieceBytes = 0;
      const send = async () => {
        if (pieceBytes === 0) return;
        // Its own ArrayBuffer (never Buffer's shared pool, which cannot be moved).
        const copy = new Uint8Array(pieceBytes);
        let at = 0;
        for (const part of piece) {
          copy.set(part, at);
          at += part.byteLength;
        }
        piece = [];
        pieceBytes = 0;
        this.#ahead += copy.byteLength;
        this.#thread.postMessage(copy, [copy.buffer]);
        if (this.#ahead > MD5_AHEAD_BYTES) await this.#wait<void>((done) => (this.#drained = done));
      };
      for await (const chunk of source) {
        sha256.update(chunk);
        sha1.update(chunk);
        bytes += chunk.length;
        piece.push(chunk);
        pieceBytes += chunk.length;
        if (pieceBytes >= MD5_PIECE_BYTES) await send();
      }
      await send();
    } catch (e) {
      // The next file starts from a fresh MD5, whatever of this one reached the thread.
      this.#thread.postMessage('reset');
      throw e;
    }
    const md5 = await this.#wait<string>((done) => {
      this.#digested = done;
      this.#thread.postMessage('digest');
    });
    return { sha256: sha256.digest('hex'), sha1: sha1.digest('hex'), md5, bytes };
  }

  async close(): Promise<void> {
    this.#thread.removeAllListeners('exit');
    await this.#thread.terminate();
  }

  #wait<T>(arm: (done: (value: T) => void) => void): Promise<T> {
    this.#check();
    return new Promise<T>((resolve, reject) => {
      this.#failed = reject;
      arm((value) => {
        this.#drained = null;
        this.#digested = null;
        this.#failed = null;
        resolve(value);
      });
    });
  }

  #check(): void {
    if (this.#failure) throw this.#failure;
  }

  #fail(e: Error): void {
    this.#failure ??= e;
    this.#failed?.(this.#failure);
  }
}
