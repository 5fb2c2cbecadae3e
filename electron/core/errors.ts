// Typed errors with stable codes. The IPC layer carries `code`, `message` and `params` to the UI;
// the CLI maps codes to exit statuses. Messages never hold key material or plaintext evidence.
// `message` is English (the --json `message`, logs); `params` let each surface say the same in the
// reviewer's language from the catalogs (shared/i18n/error-messages.ts, where an error with params
// has its sentence, checked against `message` by errors.test.ts).

import type { ErrorCode, ErrorParams } from '../../shared/domain/error-codes.ts';

export type { ErrorCode, ErrorParams };

export class CustodyError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; params?: ErrorParams },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.params = options?.params;
    this.name = new.target.name;
  }
}

export class VaultLockedError extends CustodyError {
  constructor() {
    super('VAULT_LOCKED', 'The vault is locked.', { params: {} });
  }
}

export class WrongPassphraseError extends CustodyError {
  constructor() {
    super('WRONG_PASSPHRASE', 'Wrong passphrase.', { params: {} });
  }
}

export class BlobIntegrityError extends CustodyError {
  readonly blobId: string;
  constructor(blobId: string, reason: string) {
    super('BLOB_INTEGRITY', `Blob ${blobId} failed its integrity check: ${reason}.`, {
      params: { blob: blobId, reason },
    });
    this.blobId = blobId;
  }
}

/** What a NotFoundError names, as the select key its sentence uses ('hash list' → 'hashList'). */
const thingKey = (what: string): string =>
  what.replace(/\s+(\w)/g, (_m, c: string) => c.toUpperCase()).replace(/\W/g, '');

export class NotFoundError extends CustodyError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `No ${what} with id ${id}.`, { params: { what: thingKey(what), id } });
  }
}

/**
 * Input the core cannot use. One code, many causes: those a reviewer often meets carry `why` (and
 * the values the sentence names), which picks their sentence in shared/i18n/error-messages.ts;
 * they are made in input-errors.ts.
 */
export class InvalidInputError extends CustodyError {
  constructor(message: string, params?: ErrorParams & { why: string }) {
    super('INVALID_INPUT', message, params ? { params } : undefined);
  }
}

/** No vault header in `dir`; `hint` names the command that makes one, where the surface has it. */
export class NoVaultError extends CustodyError {
  constructor(dir: string, hint?: 'init') {
    super(
      'VAULT_NOT_FOUND',
      hint === 'init' ? `No vault in ${dir}. Run \`custody init\` first.` : `No vault in ${dir}.`,
      { params: { dir, hint: hint ?? 'none', command: 'custody init' } },
    );
  }
}

export class VaultExistsError extends CustodyError {
  constructor(dir: string) {
    super('VAULT_EXISTS', `A vault already exists in ${dir}.`, { params: { dir } });
  }
}

export class CaseClosedError extends CustodyError {
  constructor(caseId: string) {
    super('CASE_CLOSED', `Case ${caseId} is closed.`, { params: { case: caseId } });
  }
}

/** Who holds a vault's lock, from the record each holder leaves in the vault's lock folder. */
export interface LockHolder {
  surface: string;
  pid: number;
  access: 'write' | 'read';
  since: string;
}

const surfaceNames: Record<string, string> = {
  app: 'the Custody app',
  cli: 'a custody command',
  harness: 'the test harness',
};

function describeHolders(holders: readonly LockHolder[]): string {
  if (holders.length === 0) return 'another Custody process';
  return holders
    .map((h) => {
      const who = surfaceNames[h.surface] ?? h.surface;
      const how = h.access === 'read' ? 'reading' : 'writing';
      return `${who} (${h.surface}, pid ${h.pid}, ${how} since ${h.since})`;
    })
    .join(' and ');
}

/** Another process has the vault open: only one may write at a time. */
export class VaultBusyError extends CustodyError {
  readonly holders: readonly LockHolder[];
  constructor(dir: string, holders: readonly LockHolder[]) {
    super(
      'VAULT_BUSY',
      `The vault in ${dir} is in use by ${describeHolders(holders)}. ` +
        'Only one process may change a vault at a time: close it there or wait, then try again.',
      // Translated without the holders' pids and times; English (message, --json) has them.
      { params: { dir, holder: holders[0]?.surface ?? 'other' } },
    );
    this.holders = holders;
  }
}

/** A part of the vault fails its checks: named, so the reviewer can run `custody vault check`. */
export class VaultDamagedError extends CustodyError {
  constructor(what: string, reason: string) {
    super(
      'VAULT_DAMAGED',
      `${what} is damaged (${reason}). Run \`custody vault check\` to see what is affected.`,
      { params: { what, reason } },
    );
  }
}

export const DATABASE = "The vault's case database (custody.db)";

function approxSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * The disk holding the vault has no room for a write (ENOSPC, EDQUOT, SQLite's SQLITE_FULL).
 * Every write is a transaction or a temp file renamed into place, so what was there is kept.
 */
export class DiskFullError extends CustodyError {
  constructor(need?: { bytes: number; what: string }) {
    const much = need
      ? `about ${approxSize(need.bytes)} more is needed (the size of ${need.what})`
      : 'free some space on it';
    super(
      'DISK_FULL',
      `The vault's disk is full: ${much}. Nothing was lost: what the vault held is kept; ` +
        'make room and try again.',
      {
        params: need
          ? { need: 'yes', size: approxSize(need.bytes), what: need.what }
          : { need: 'no', size: '', what: '' },
      },
    );
  }
}

const diskFullCodes: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** Whether an error is the vault's disk running out of room. */
export function isDiskFull(e: unknown): boolean {
  if (e instanceof CustodyError) return e.code === 'DISK_FULL';
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && diskFullCodes.has(code);
}

/**
 * The typed error for what SQLite or the file system reports about the vault's own files, or
 * null for anything else (a bug, which stays INTERNAL). Damage never passes as "something went
 * wrong", and a full disk never as damage.
 */
export function storageError(e: unknown): CustodyError | null {
  if (e instanceof CustodyError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new VaultDamagedError(DATABASE, code);
  if (diskFullCodes.has(code)) return new DiskFullError();
  return null;
}

export function isCustodyError(e: unknown): e is CustodyError {
  return e instanceof CustodyError;
}
