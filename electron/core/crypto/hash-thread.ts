// MD5, SHA-1 and SHA-256 of ingest's files on a worker thread, so the main process spends its
// time reading, sealing and committing while the other core hashes (about 9 ms of CPU per 12 MP
// JPEG that the main thread no longer spends). One thread serves every file in flight; each file
// is a stream of its own there. The bytes sent are copies, moved (not cloned) to the thread, so
// the caller may reuse or keep its buffers.
import { Worker } from 'node:worker_threads';
import type { FileHashes } from './multi-hash.ts';

/** Bytes of one stream sent and not yet hashed, before its sender waits for the thread. */
const AHEAD_BYTES = 16 * 1024 * 1024;

// The thread, as source: an eval'd worker needs no file of its own, so it starts the same way from
// the CLI, the app's bundle and the tests. It acknowledges each piece, for the sender's window.
const HASH_THREAD = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const streams = new Map();
parentPort.on('message', (m) => {
  if (m.drop) { streams.delete(m.id); return; }
  let hashes = streams.get(m.id);
  if (!hashes) {
    hashes = [createHash('sha256'), createHash('sha1'), createHash('md5')];
    streams.set(m.id, hashes);
  }
  if (m.digest) {
    streams.delete(m.id);
    const [sha256, sha1, md5] = hashes.map((h) => h.digest('hex'));
    parentPort.postMessage({ id: m.id, hashes: { sha256, sha1, md5 } });
    return;
  }
  for (const h of hashes) h.update(m.chunk);
  parentPort.postMessage({ id: m.id, hashed: m.chunk.byteLength });
});
`;

interface Stream {
  ahead: number;
  drained: (() => void) | null;
  digested: ((hashes: FileHashes) => void) | null;
  failed: (e: Error) => void;
}

/** The process's hashing thread; started on first use, replaced if it ever stops. */
class HashThread {
  readonly #worker: Worker;
  readonly #streams = new Map<number, Stream>();
  #nextId = 1;
  #failure: Error | null = null;
  /** Bytes this thread has hashed, for the tests that check hashing left the main thread. */
  hashedBytes = 0;

  constructor() {
    this.#worker = new Worker(HASH_THREAD, { eval: true });
    // Idle, it must not keep the CLI alive; a stream in progress holds it (ref) until done.
    this.#worker.unref();
    this.#worker.on('message', (m: { id: number; hashed?: number; hashes?: FileHashes }) => {
      const stream = this.#streams.get(m.id);
      if (m.hashed !== undefined) {
        this.hashedBytes += m.hashed;
        if (!stream) return;
        stream.ahead -= m.hashed;
        if (stream.ahead <= AHEAD_BYTES / 2) stream.drained?.();
      } else if (m.hashes && stream) {
        this.#end(m.id);
        stream.digested?.(m.hashes);
      }
    });
    this.#worker.on('error', (e: Error) => this.#fail(e));
    this.#worker.on('exit', () => this.#fail(new Error('The hashing thread stopped.')));
  }

  get failed(): boolean {
    return this.#failure !== null;
  }

  open(): number {
    const id = this.#nextId++;
    if (this.#streams.size === 0) this.#worker.ref();
    this.#streams.set(id, { ahead: 0, drained: null, digested: null, failed: () => {} });
    return id;
  }

  async update(id: number, chunk: Uint8Array): Promise<void> {
    const stream = this.#live(id);
    // A copy of exactly these bytes (a view's, not its whole buffer), moved to the thread.
    const copy = Uint8Array.prototype.slice.call(chunk);
    stream.ahead += copy.byteLength;
    this.#worker.postMessage({ id, chunk: copy }, [copy.buffer]);
    if (stream.ahead > AHEAD_BYTES) {
      await new Promise<void>((resolve, reject) => {
        stream.failed = reject;
        stream.drained = () => {
          stream.drained = null;
          resolve();
        };
      });
    }
  }

  digest(id: number): Promise<FileHashes> {
    const stream = this.#live(id);
    return new Promise<FileHashes>((resolve, reject) => {
      stream.failed = reject;
      stream.digested = resolve;
      this.#worker.postMessage({ id, digest: true });
    });
  }

  drop(id: number): void {
    if (!this.#streams.has(id)) return;
    this.#end(id);
    if (!this.#failure) this.#worker.postMessage({ id, drop: true });
  }

  #live(id: number): Stream {
    if (this.#failure) throw this.#failure;
    const stream = this.#streams.get(id);
    if (!stream) throw new Error(`Hash stream ${id} is not open.`);
    return stream;
  }

  #end(id: number): void {
    this.#streams.delete(id);
    if (this.#streams.size === 0) this.#worker.unref();
  }

  #fail(e: Error): void {
    this.#failure ??= e;
    const streams = [...this.#streams.values()];
    this.#streams.clear();
    for (const s of streams) s.failed(this.#failure);
  }
}

let thread: HashThread | null = null;

function sharedThread(): HashThread {
  if (!thread || thread.failed) thread = new HashThread();
  return thread;
}

/** Bytes hashed off the main thread so far in this process. */
export function bytesHashedOffThread(): number {
  return thread?.hashedBytes ?? 0;
}

/**
 * The three hashes of one stream of bytes, computed on the hashing thread. Await each update
 * (it waits only when the thread is far behind); digest once, or drop.
 */
export class ThreadHasher {
  readonly #thread = sharedThread();
  readonly #id = this.#thread.open();
  bytes = 0;

  async update(chunk: Uint8Array): Promise<void> {
    this.bytes += chunk.byteLength;
    await this.#thread.update(this.#id, chunk);
  }

  /** Lowercase hex; the hasher cannot be used after. */
  digest(): Promise<FileHashes> {
    return this.#thread.digest(this.#id);
  }

  /** Forgets the stream (a read that failed); harmless after digest. */
  drop(): void {
    this.#thread.drop(this.#id);
  }
}
