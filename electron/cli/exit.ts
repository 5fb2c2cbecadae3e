import type { ErrorCode } from '../../shared/domain/error-codes.ts';

/** Exit statuses are a public interface (docs/cli.md): 0 yes, 1 no, 2 unusable input. */
export const EXIT_OK = 0;
export const EXIT_NO = 1;
export const EXIT_UNUSABLE = 2;
/** `custody verify` only: intact and signed, but by a key nobody pinned, so by anyone at all. */
export const EXIT_UNPINNED = 3;

const unusable: ReadonlySet<ErrorCode> = new Set([
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_CORRUPT',
  'VAULT_DAMAGED',
  'DISK_FULL',
  'DB_TOO_NEW',
  'INVALID_INPUT',
  'BAD_REQUEST',
  'UNKNOWN_CHANNEL',
  'UNSUPPORTED',
  'INTERNAL',
]);

export function exitCodeFor(code: ErrorCode): number {
  return unusable.has(code) ? EXIT_UNUSABLE : EXIT_NO;
}

/**
 * Thrown by argument parsing and command code for input the command cannot use: a message, the
 * command's usage line (shown under a translated "Usage:"), or both.
 */
export class UsageError extends Error {
  readonly usage: string | undefined;
  constructor(message: string, usage?: string) {
    super(message);
    this.usage = usage;
  }
}

/** Just the command's usage line: the arguments were not the command's. */
export const usageOf = (usage: string): UsageError => new UsageError('', usage);
