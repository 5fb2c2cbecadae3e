// One file into the vault: sniff, hash and encrypt in one pass, decode once for previews and PDQ,
// then one transaction. Any failure removes what this file wrote; the batch goes on.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { UnlockedVault } from '../vault/vault.ts';
import type { SecretKey } from '../crypto/secret-key.ts';
import type { BlobInfo, BlobWriter } from '../blobs/index.ts';
import { CustodyError } from '../errors.ts';
import { sniffBytes, SNIFF_BYTES } from '../media/sniff.ts';
import type { RenderedImage } from '../media/previews.ts';
import type { DecodeHost } from '../media/decode-pool.ts';
import { insertBlobRow } from '../blobs/blob.queries.ts';
import {
  insertAcquisition,
  insertItem,
  insertPreview,
  itemIdBySha256,
} from '../items/item.queries.ts';
import { getItem } from '../items/item.service.ts';
import { record } from '../custody/custody-log.ts';
import { touchCase } from '../cases/case.queries.ts';
import { newId } from '../../../shared/domain/ids.ts';
import {
  previewSizes,
  revealSteps,
  type IngestFileResult,
  type ItemFlag,
} from '../../../shared/domain/item.ts';
import { MultiHasher, type FileHashes } from '../crypto/multi-hash.ts';
import type { WalkFile } from './walk.ts';

/** Images are read into memory once, so the bytes hashed are the bytes decoded; larger ones stream as opaque. */
const IMAGE_IN_MEMORY_MAX = 256 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;
/**
 * The file may have been swapped since the walk: without O_NONBLOCK, opening a FIFO waits for a
 * writer forever (and a device may block too). The type is checked on the opened handle.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

export interface IngestContext {
  vault: UnlockedVault;
  caseId: string;
  caseKey: SecretKey;
  decoder: DecodeHost;
  signal: AbortSignal;
}

class FileFailure extends Error {}

/**
 * Bytes that file-type cannot place but that carry an image format's inner markers: a PNG whose
 * signature was mangled in transit, a JPEG without its start marker. Failing them says "damaged";
 * keeping them as opaque items would hide that. Unknown bytes without such markers stay opaque evidence.
 */
function looksLikeDamagedImage(head: Buffer): boolean {
  const start = head.subarray(0, 64);
  return (
    start.includes('IHDR') ||
    (start.includes('PNG') && start.indexOf('PNG') < 4) ||
    start.includes('JFIF') ||
    (start[0] === 0xff && start[1] === 0xd8)
  );
}

function describeOpenError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the file vanished before it could be read';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return `it cannot be read (${code ?? 'unknown error'})`;
}

async function readHead(fh: FileHandle, size: number): Promise<Buffer> {
  const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  return head.subarray(0, bytesRead);
}

/**
 * Streams the file through the hashes and the blob writer in one pass. An image is read into one
 * buffer of its size (the bytes hashed are the bytes decoded, with no copy and little garbage);
 * anything else streams in 1 MiB reads, so a huge file never sits in memory.
 */
async function hashAndEncrypt(
  fh: FileHandle,
  expectedSize: number,
  writer: BlobWriter,
  keep: boolean,
  signal: AbortSignal,
): Promise<{ hashes: FileHashes; bytes: Buffer | null }> {
  const hasher = new MultiHasher();
  const whole = keep ? Buffer.allocUnsafe(expectedSize) : null;
  let position = 0;
  for (;;) {
    if (signal.aborted) throw new CustodyError('CANCELLED', 'Cancelled.');
    const room = whole ? Math.min(READ_CHUNK, expectedSize - position) : READ_CHUNK;
    // One byte past the expected end tells a file that grew while being read.
    const buf =
      whole && room > 0
        ? whole.subarray(position, position + room)
        : Buffer.allocUnsafe(Math.max(room, 1));
    const { bytesRead } = await fh.read(buf, 0, buf.length, position);
    if (bytesRead === 0) break;
    if (whole && room === 0) throw new FileFailure('the file changed size while it was being read');
    const chunk = buf.subarray(0, bytesRead);
    position += bytesRead;
    hasher.update(chunk);
    await writer.write(chunk);
  }
  if (position !== expectedSize)
    throw new FileFailure('the file changed size while it was being read');
  return { hashes: hasher.digest(), bytes: whole };
}

export async function ingestFile(ctx: IngestContext, file: WalkFile): Promise<IngestFileResult> {
  const { vault, caseId, caseKey } = ctx;
  const written: string[] = [];
  let writer: BlobWriter | null = null;
  let fh: FileHandle | null = null;
  const fail = (reason: string): IngestFileResult => ({
    path: file.displayPath,
    status: 'failed',
    reason,
    item: null,
  });
  try {
    try {
      fh = await open(file.path, OPEN_FLAGS);
    } catch (e) {
      return fail(describeOpenError(e));
    }
    const st = await fh.stat();
    if (!st.isFile()) return fail('not a regular file (device, pipe or socket)');
    if (st.size === 0) return fail('the file is empty (0 bytes)');
    const head = await readHead(fh, st.size);
    const sniffed = await sniffBytes(head, {
      name: file.displayPath,
      complete: head.length === st.size,
    });
    if (sniffed.mime === 'application/octet-stream' && looksLikeDamagedImage(head)) {
      return fail('a damaged image: it has image structures but no valid signature');
    }
    const isImage = sniffed.kind === 'image' && st.size <= IMAGE_IN_MEMORY_MAX;

    writer = vault.blobs.openWriter(caseKey);
    const { hashes, bytes } = await hashAndEncrypt(fh, st.size, writer, isImage, ctx.signal);
    await fh.close();
    fh = null;
    const acquiredAt = new Date().toISOString();

    const recordDuplicate = (existing: string): IngestFileResult => {
      vault.db.transaction(() => {
        insertAcquisition(vault.db, existing, file.displayPath, acquiredAt);
        touchCase(vault.db, caseId, acquiredAt);
        record(vault, {
          action: 'item.acquired-again',
          caseId,
          itemId: existing,
          details: { source: file.displayPath, sha256: hashes.sha256 },
        });
      })();
      return {
        path: file.displayPath,
        status: 'duplicate',
        reason: 'the same bytes are already in this case',
        item: getItem(vault, existing),
      };
    };
    const existing = itemIdBySha256(vault.db, caseId, hashes.sha256);
    if (existing) return recordDuplicate(existing);
    const original = await writer.commit();
    writer = null;
    written.push(original.id);

    let rendered: RenderedImage | null = null;
    if (isImage && bytes) {
      try {
        rendered = await ctx.decoder.decode({ bytes }, { displayName: file.displayPath });
      } catch (e) {
        throw new FileFailure(
          `not a readable ${sniffed.ext.toUpperCase()} image: ${(e as Error).message}`,
        );
      }
    }
    if (ctx.signal.aborted) throw new CustodyError('CANCELLED', 'Cancelled.');

    const previewRows: Parameters<typeof insertPreview>[1][] = [];
    const previewBlobs: BlobInfo[] = [];
    const itemId = newId('i', randomBytes);
    if (rendered) {
      const previews = rendered.previews;
      const wanted = previewSizes.flatMap((size) =>
        revealSteps.map((variant) => ({ size, variant })),
      );
      // The eight writes run together; all settle before a failure is thrown, so cleanup sees every id.
      const settled = await Promise.allSettled(
        wanted.map(async ({ size, variant }) => {
          const p = previews[size][variant];
          const blob = await vault.blobs.write(caseKey, p.bytes);
          written.push(blob.id);
          previewBlobs.push(blob);
          previewRows.push({
            itemId,
            size,
            variant,
            blobId: blob.id,
            mime: p.mime,
            width: p.width,
            height: p.height,
          });
        }),
      );
      const failed = settled.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
    // What the file itself says; 'opaque' and 'duplicate-acquired' are read from kind and acquisitions.
    const flags: ItemFlag[] = [];
    if (rendered?.metadata.flags.gps) flags.push('gps');
    if (rendered?.metadata.flags.animated) flags.push('animated');

    // A copy may have finished while this one was being decoded: the check that counts is in the transaction.
    const raced = vault.db.transaction(() => {
      const existingNow = itemIdBySha256(vault.db, caseId, hashes.sha256);
      if (existingNow) return existingNow;
      insertBlobRow(vault.db, { id: original.id, caseId, role: 'original', size: original.size });
      for (const blob of previewBlobs) {
        insertBlobRow(vault.db, { id: blob.id, caseId, role: 'preview', size: blob.size });
      }
      insertItem(vault.db, {
        id: itemId,
        caseId,
        kind: rendered ? 'image' : 'opaque',
        mime: sniffed.mime,
        originalName: file.displayPath,
        size: st.size,
        ...hashes,
        pdq: rendered?.pdq.hash ?? null,
        pdqQuality: rendered?.pdq.quality ?? null,
        pdqDihedral: rendered?.pdq.dihedral ?? null,
        width: rendered?.width ?? null,
        height: rendered?.height ?? null,
        metadata: rendered ? stripFlags(rendered.metadata) : null,
        flags,
        originalBlob: original.id,
        createdAt: acquiredAt,
      });
      insertAcquisition(vault.db, itemId, file.displayPath, acquiredAt);
      for (const p of previewRows) insertPreview(vault.db, p);
      touchCase(vault.db, caseId, acquiredAt);
      record(vault, {
        action: 'item.ingested',
        caseId,
        itemId,
        details: {
          source: file.displayPath,
          size: st.size,
          mime: sniffed.mime,
          ...hashes,
          pdq: rendered?.pdq.hash ?? null,
        },
      });
      return null;
    })();
    if (raced) return recordDuplicate(raced);
    written.length = 0;
    return {
      path: file.displayPath,
      status: 'ingested',
      reason: null,
      item: getItem(vault, itemId),
    };
  } catch (e) {
    if (e instanceof CustodyError && e.code === 'CANCELLED') {
      return { path: file.displayPath, status: 'cancelled', reason: 'cancelled', item: null };
    }
    if (e instanceof FileFailure || e instanceof CustodyError) return fail(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return fail(describeOpenError(e));
    throw e;
  } finally {
    await fh?.close().catch(() => undefined);
    await writer?.abort().catch(() => undefined);
    for (const id of written) await vault.blobs.remove(id).catch(() => undefined);
  }
}

function stripFlags(m: RenderedImage['metadata']) {
  const { flags: _flags, ...rest } = m;
  return rest;
}
