// The encrypted blob store: one file per original or preview, named by a random id, encrypted
// under a key derived from its case key. Format: docs/formats/blob.md.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { InvalidInputError, VaultLockedError } from '../errors.ts';
import type { SecretKey } from '../crypto/secret-key.ts';
import { isBlobId, layoutFor, newBlobId } from './blob-format.ts';
import { asNotFound, blobHandOff, plaintextStream, readPlaintext } from './blob-reader.ts';
import { EncryptingBlobWriter } from './blob-writer.ts';
import type { BlobInfo, BlobWriter } from './blob-writer.ts';

export type { BlobInfo, BlobWriter } from './blob-writer.ts';

const TEMP_DIR = '.tmp';
const SHARD = /^[0-9a-f]{2}$/;

export class BlobStore {
  readonly #dir: string;
  readonly #tempDir: string;
  // Temp files of this store's live writers, which sweepTemp must leave alone.
  readonly #liveTemps = new Set<string>();
  // Folders this store has made or found, so a blob's write is not two mkdir calls each time
  // (ingest writes six to nine blobs a photo). A folder removed behind its back is made again.
  readonly #madeDirs = new Set<string>();

  constructor(dir: string) {
    this.#dir = dir;
    this.#tempDir = join(dir, TEMP_DIR);
  }

  /** A writer for a new blob under a fresh random id; nothing exists until `commit()`. */
  openWriter(caseKey: SecretKey): BlobWriter {
    if (caseKey.wiped) throw new VaultLockedError();
    const id = newBlobId();
    const tempPath = join(this.#tempDir, id);
    const finalPath = blobFilePath(this.#dir, id);
    const finalDir = dirname(finalPath);
    this.#liveTemps.add(id);
    return new EncryptingBlobWriter(caseKey, id, {
      open: async () => (await this.#inDir(this.#tempDir, () => open(tempPath, 'wx', 0o600))).value,
      publish: async () => {
        const { created } = await this.#inDir(finalDir, () => rename(tempPath, finalPath));
        this.#liveTemps.delete(id);
        await fsyncDir(finalDir);
        if (created) await fsyncDir(this.#dir);
      },
      discard: async () => {
        // The final name too: a publish that failed after its rename must not leave a blob.
        await rm(tempPath, { force: true });
        await rm(finalPath, { force: true });
        this.#liveTemps.delete(id);
      },
    });
  }

  /** Encrypts `data` (bytes, or a stream of them) into a new blob. */
  async write(caseKey: SecretKey, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<BlobInfo> {
    const writer = this.openWriter(caseKey);
    try {
      if (data instanceof Uint8Array) {
        await writer.write(data);
      } else {
        for await (const piece of data) await writer.write(piece);
      }
      return await writer.commit();
    } catch (error) {
      await writer.abort();
      throw error;
    }
  }

  /** Verified plaintext; a chunk that fails its check ends the stream with a BlobIntegrityError. */
  createReadStream(caseKey: SecretKey, id: string): Readable {
    return plaintextStream(this.#pathOf(id), id, caseKey);
  }

  /** The whole blob in memory: for small blobs such as previews. */
  async read(caseKey: SecretKey, id: string): Promise<Buffer> {
    return readPlaintext(this.#pathOf(id), id, caseKey);
  }

  /** `length` bytes from `offset`, which must lie inside the blob; decrypts only those chunks. */
  async readRange(caseKey: SecretKey, id: string, offset: number, length: number): Promise<Buffer> {
    return readPlaintext(this.#pathOf(id), id, caseKey, { offset, length });
  }

  /**
   * Blob `id`'s path and its own key (never the case key), for the decode process to read it in
   * ranges itself: a video larger than memory is never decrypted whole, nor to disk.
   */
  async handOff(
    caseKey: SecretKey,
    id: string,
  ): Promise<{ path: string; id: string; key: SecretKey }> {
    return blobHandOff(this.#pathOf(id), id, caseKey);
  }

  /** From the file size alone; unauthenticated until the blob is read. */
  async plaintextSize(id: string): Promise<number> {
    const path = this.#pathOf(id);
    try {
      return layoutFor(id, (await stat(path)).size).plaintextSize;
    } catch (error) {
      throw asNotFound(error, id);
    }
  }

  /**
   * Idempotent. Not overwritten first and the directory is not fsynced: a removed blob is only
   * ever readable with its case key, and destroying a case destroys that key.
   */
  async remove(id: string): Promise<void> {
    await rm(this.#pathOf(id), { force: true });
  }

  async exists(id: string): Promise<boolean> {
    if (!isBlobId(id)) return false;
    try {
      return (await stat(this.#pathOf(id))).isFile();
    } catch {
      return false;
    }
  }

  /** Every committed blob id, in no particular order; temp files are never listed. */
  async *ids(): AsyncGenerator<string> {
    for (const shard of await listDir(this.#dir)) {
      if (!SHARD.test(shard)) continue;
      for (const name of await listDir(join(this.#dir, shard))) {
        if (isBlobId(name) && name.startsWith(shard)) yield name;
      }
    }
  }

  /**
   * A fresh path in the temp folder for another file the vault writes in steps (a packet being
   * built), so that whatever a crash leaves is swept with the blobs' temp files at the next unlock.
   */
  async scratchPath(prefix: string): Promise<string> {
    await this.#makeDir(this.#tempDir);
    return join(this.#tempDir, `${prefix}-${randomBytes(8).toString('hex')}`);
  }

  /** Epoch ms of the blob file's last write; Infinity when it is gone (so no sweep takes it). */
  async lastWritten(id: string): Promise<number> {
    return mtimeOf(this.#pathOf(id));
  }

  /**
   * Deletes temp files left by aborted or crashed writers, last written before `before` (epoch
   * ms): a younger one may belong to a writer in another process. Returns how many.
   */
  async sweepTemp(before = Infinity): Promise<number> {
    let swept = 0;
    for (const name of await listDir(this.#tempDir)) {
      if (this.#liveTemps.has(name)) continue;
      const path = join(this.#tempDir, name);
      if ((await mtimeOf(path)) >= before) continue;
      await rm(path, { force: true, recursive: true });
      swept += 1;
    }
    return swept;
  }

  /** Whether `dir` was made just now (it did not exist). */
  async #makeDir(dir: string): Promise<boolean> {
    const created = await mkdir(dir, { recursive: true, mode: 0o700 });
    this.#madeDirs.add(dir);
    return created !== undefined;
  }

  /**
   * Runs `op` on a path in `dir`, making the folder first if this store has not seen it; `created`
   * says whether the folder was made on the way (its parent then needs an fsync too).
   */
  async #inDir<T>(dir: string, op: () => Promise<T>): Promise<{ value: T; created: boolean }> {
    let created = this.#madeDirs.has(dir) ? false : await this.#makeDir(dir);
    try {
      return { value: await op(), created };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.#madeDirs.delete(dir);
      created = (await this.#makeDir(dir)) || created;
      return { value: await op(), created };
    }
  }

  #pathOf(id: string): string {
    return blobFilePath(this.#dir, id);
  }
}

/** Where blob `id` lives: fanned out by its first two hex digits, as git does with objects. */
export function blobFilePath(dir: string, id: string): string {
  if (!isBlobId(id)) throw new InvalidInputError('Not a blob id.');
  return join(dir, id.slice(0, 2), id);
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function mtimeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Infinity;
    throw error;
  }
}

// Makes a rename durable. Windows cannot open a directory for fsync; NTFS journals the rename.
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
