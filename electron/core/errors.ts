// Typed errors with stable codes. The IPC layer carries `code` and `message` to the UI;
// the CLI maps codes to exit statuses. Messages never hold key material or plaintext evidence.

import type { ErrorCode } from '../../shared/domain/error-codes.ts';

export type { ErrorCode };

export class CustodyError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export class VaultLockedError extends CustodyError {
  constructor() {
    super('VAULT_LOCKED', 'The vault is locked.');
  }
}

export class WrongPassphraseError extends CustodyError {
  constructor() {
    super('WRONG_PASSPHRASE', 'Wrong passphrase.');
  }
}

export class BlobIntegrityError extends CustodyError {
  readonly blobId: string;
  constructor(blobId: string, reason: string) {
    super('BLOB_INTEGRITY', `Blob ${blobId} failed its integrity check: ${reason}.`);
    this.blobId = blobId;
  }
}

export class NotFoundError extends CustodyError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `No ${what} with id ${id}.`);
  }
}

export class InvalidInputError extends CustodyError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

export function isCustodyError(e: unknown): e is CustodyError {
  return e instanceof CustodyError;
}
