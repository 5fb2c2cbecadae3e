// Blob store throughput against bare baselines over the same bytes, in the same run.
// - blobEncrypt: a stream of 64 KiB pieces (as fs.createReadStream gives them) into a committed
//   blob on disk, its fsync included. blobDecrypt: that blob streamed back (page cache warm).
// - bareGcm: one AES-256-GCM stream over the bytes in memory, node:crypto, no framing, no I/O.
// - sealOnly: the format's per-chunk AEAD (blob-format.ts) over the bytes in memory, no I/O: what
//   the framing itself costs against bareGcm.
// - bareDiskWrite: the same bytes written to a file in 1 MiB writes and fsynced, no crypto: the
//   ceiling the disk sets on any encrypted write.
// - bareGcmPlusWrite: bareGcm and bareDiskWrite of one run added up: what an encrypted write costs
//   done the plain way, one after the other. encryptVsBareGcmPlusWrite is the blob store against it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SecretKey } from '../electron/core/crypto/secret-key.ts';
import { BlobStore } from '../electron/core/blobs/index.ts';
import { blobKey, newBlobId, newHeader, sealChunk } from '../electron/core/blobs/blob-format.ts';
import { round, timed } from './measure.ts';

const TOTAL_BYTES = 256 * 1024 * 1024;
const PIECE_BYTES = 64 * 1024;
const RUNS = 5;

function* pieces(data: Buffer, size = PIECE_BYTES): Generator<Buffer> {
  for (let offset = 0; offset < data.length; offset += size) {
    yield data.subarray(offset, offset + size);
  }
}

/** MB/s from the median of the timings. */
function mbps(timings: number[]): number {
  const sorted = [...timings].sort((a, b) => a - b);
  const ms = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return round(TOTAL_BYTES / (1024 * 1024) / (ms / 1000), 1);
}

function bareEncrypt(key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  for (const piece of pieces(data)) cipher.update(piece);
  cipher.final();
  return cipher.getAuthTag();
}

function bareDecrypt(key: Buffer, iv: Buffer, data: Buffer, tag: Buffer): void {
  // Random bytes decrypt at the same speed as ciphertext; only the final tag check differs.
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  for (const piece of pieces(data)) decipher.update(piece);
  try {
    decipher.final();
  } catch {
    // expected: the tag is for other bytes
  }
}

function sealOnly(caseKey: SecretKey, data: Buffer): void {
  const header = newHeader(newBlobId());
  const key = blobKey(caseKey, header);
  let index = 0;
  for (const piece of pieces(data)) sealChunk(key, header, index++, false, piece);
}

async function bareDiskWrite(path: string, data: Buffer): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const piece of pieces(data, 1024 * 1024)) await file.write(piece);
    await file.sync();
  } finally {
    await file.close();
  }
  await rm(path);
}

async function streamedBytes(stream: Readable): Promise<number> {
  let seen = 0;
  for await (const chunk of stream) seen += (chunk as Buffer).length;
  return seen;
}

export default async function bench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-bench-blobs-'));
  const store = new BlobStore(join(dir, 'blobs'));
  const caseKey = SecretKey.random();
  const data = randomBytes(TOTAL_BYTES);
  const bareKey = randomBytes(32);
  const iv = randomBytes(12);
  const ms = { encrypt: [] as number[], decrypt: [] as number[], gcm: [] as number[] };
  const more = { gcmDecrypt: [] as number[], disk: [] as number[], seal: [] as number[] };
  const gcmPlusWrite: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      let id = '';
      ms.encrypt.push(
        await timed(async () => {
          ({ id } = await store.write(caseKey, Readable.from(pieces(data))));
        }),
      );
      let seen = 0;
      ms.decrypt.push(
        await timed(async () => (seen = await streamedBytes(store.createReadStream(caseKey, id)))),
      );
      if (seen !== TOTAL_BYTES) throw new Error(`Read back ${seen} of ${TOTAL_BYTES} bytes.`);
      await store.remove(id);
      let tag: Buffer = Buffer.alloc(0);
      ms.gcm.push(await timed(() => (tag = bareEncrypt(bareKey, iv, data))));
      more.gcmDecrypt.push(await timed(() => bareDecrypt(bareKey, iv, data, tag)));
      more.seal.push(await timed(() => sealOnly(caseKey, data)));
      more.disk.push(await timed(() => bareDiskWrite(join(dir, 'plain.bin'), data)));
      gcmPlusWrite.push(ms.gcm.at(-1)! + more.disk.at(-1)!);
    }
  } finally {
    caseKey.wipe();
    await rm(dir, { recursive: true, force: true });
  }
  const blobEncryptMBps = mbps(ms.encrypt);
  const blobDecryptMBps = mbps(ms.decrypt);
  const bareGcmMBps = mbps(ms.gcm);
  const bareGcmDecryptMBps = mbps(more.gcmDecrypt);
  const bareDiskWriteMBps = mbps(more.disk);
  const sealOnlyMBps = mbps(more.seal);
  const bareGcmPlusWriteMBps = mbps(gcmPlusWrite);
  return {
    megabytes: TOTAL_BYTES / (1024 * 1024),
    runs: RUNS,
    blobEncryptMBps,
    blobDecryptMBps,
    bareGcmMBps,
    bareGcmDecryptMBps,
    bareDiskWriteMBps,
    sealOnlyMBps,
    bareGcmPlusWriteMBps,
    encryptVsBareGcmPlusWrite: round(blobEncryptMBps / bareGcmPlusWriteMBps, 2),
    encryptRatio: round(blobEncryptMBps / bareGcmMBps, 2),
    decryptRatio: round(blobDecryptMBps / bareGcmDecryptMBps, 2),
    sealOnlyRatio: round(sealOnlyMBps / bareGcmMBps, 2),
    encryptVsDiskRatio: round(blobEncryptMBps / bareDiskWriteMBps, 2),
  };
}
