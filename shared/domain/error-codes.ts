/** Stable error codes: the contract carries them to the UI, the CLI maps them to exit statuses. */
export const errorCodes = [
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_CORRUPT',
  'VAULT_BUSY',
  'VAULT_DAMAGED',
  'WRONG_PASSPHRASE',
  'BLOB_INTEGRITY',
  'BLOB_NOT_FOUND',
  'DB_TOO_NEW',
  'NOT_FOUND',
  'INVALID_INPUT',
  'CASE_CLOSED',
  'UNSUPPORTED',
  'DECODE_FAILED',
  'CANCELLED',
  'UNKNOWN_CHANNEL',
  'BAD_REQUEST',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
