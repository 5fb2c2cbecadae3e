// MD5, SHA-1 and SHA-256 of ingest's files on a worker thread, so the main process spends its
// time reading, sealing and committing while the other core hashes (about 9 ms of CPU per 12 MP
// JPEG that the main thread no longer spends). One thread serves every file in flight; each file
// is a stream of its own there. The bytes are copied into slots of memory shared with the
// thread, which hands each slot back once hashed: nothing is allocated per piece on either side
// (a copy per piece, moved to the thread, was garbage there that grew its memory by some 60 MiB
// over a 1 GiB file before a collection), and the caller may reuse or keep its buffers.
import { Worker } from 'node:worker_threads';
import type { FileHashes } from './multi-hash.ts';

/** One piece of a stream as the thread hashes it. */
const SLOT_BYTES = 1024 * 1024;
/** Pieces sent and not yet hashed, over every stream, before a sender waits for a free slot. */
const SLOTS = 16;

// The thread, as source: an eval'd worker needs no file of its own, so it starts the same way from
// the CLI, the app's bundle and the tests. It hands each slot back once its bytes are hashed.
const HASH_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const slots = new Uint8Array(workerData.slots);
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
  const piece = slots.subarray(m.slot * ${SLOT_BYTES}, m.slot * ${SLOT_BYTES} + m.length);
  for (const h of hashes) h.update(piece);
  parentPort.postMessage({ slot: m.slot, hashed: m.length });
});
`;

interface Stream {
  digested: ((hashes: FileHashes) => void) | null;
  failed: (e: Error) => void;
}

/** The process's hashing thread; started on first use, replaced if it ever stops. */
class HashThread {
  readonly #worker: Worker;
  readonly #slots = new Uint8Array(new SharedArrayBuffer(SLOTS * SLOT_BYTES));
  readonly #free = Array.from({ length: SLOTS }, (_, i) => i);
  /** Senders waiting for a slot, first come first served. */
  readonly #waiting: { take: (slot: number) => void; fail: (e: Error) => void }[] = [];
  readonly #streams = new Map<number, Stream>();
  #nextId = 1;
  #failure: Error | null = null;
  /** Bytes this thread has hashed, for the tests that check hashing left the main thread. */
  hashedBytes = 0;

  constructor() {
    this.#worker = new Worker(HASH_THREAD, {
      eval: true,
      workerData: { slots: this.#slots.buffer },
    });
    // Idle, it must not keep the CLI alive; a stream in progress holds it (ref) until done.
    this.#worker.unref();
    this.#worker.on(
      'message',
      (m: { id?: number; slot?: number; hashed?: number; hashes?: FileHashes }) => {
        if (m.slot !== undefined && m.hashed !== undefined) {
          this.hashedBytes += m.hashed;
          this.#release(m.slot);
        } else if (m.id !== undefined && m.hashes) {
          const stream = this.#streams.get(m.id);
          this.#end(m.id);
          stream?.digested?.(m.hashes);
        }
      },
    );
    this.#worker.on('error', (e: Error) => this.#fail(e));
    this.#worker.on('exit', () => this.#fail(new Error('The hashing thread stopped.')));
  }

  get failed(): boolean {
    return this.#failure !== null;
  }

  open(): number {
    const id = this.#nextId++;
    if (this.#streams.size === 0) this.#worker.ref();
    this.#streams.set(id, { digested: null, failed: () => {} });
    return id;
  }

  async update(id: number, chunk: Uint8Array): Promise<void> {
    this.#live(id);
    for (let at = 0; at < chunk.byteLength; at += SLOT_BYTES) {
      const piece = chunk.subarray(at, at + SLOT_BYTES);
      const slot = await this.#take();
      this.#live(id);
      this.#slots.set(piece, slot * SLOT_BYTES);
      this.#worker.postMessage({ id, slot, length: piece.byteLength });
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

  #take(): Promise<number> {
    if (this.#failure) return Promise.reject(this.#failure);
    const slot = this.#free.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((take, fail) => this.#waiting.push({ take, fail }));
  }

  #release(slot: number): void {
    const next = this.#waiting.shift();
    if (next) next.take(slot);
    else this.#free.push(slot);
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
    for (const w of this.#waiting.splice(0)) w.fail(this.#failure);
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
