// What every phase of one file's ingest shares: the vault, the case, the decoder, the cancel
// signal; and the failure that ends a file (not the batch) with a reason for the reviewer.
import type { UnlockedVault } from '../vault/vault.ts';
import type { SecretKey } from '../crypto/secret-key.ts';
import type { DecodeHost } from '../media/decode-pool.ts';
import { CustodyError } from '../errors.ts';

export interface IngestContext {
  vault: UnlockedVault;
  caseId: string;
  caseKey: SecretKey;
  decoder: DecodeHost;
  signal: AbortSignal;
  /** Files up to this size are held in memory to be read; larger ones are read from disk in ranges or kept whole. */
  inMemoryMax?: number;
}

/** This file cannot be ingested, for the reason given; the batch goes on. */
export class FileFailure extends Error {}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CustodyError('CANCELLED', 'Cancelled.');
}

/** An operating-system error opening or reading the file, as the reviewer reads it. */
export function describeFileError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the file vanished before it could be read';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return `it cannot be read (${code ?? 'unknown error'})`;
}
