/** Stable error codes: the contract carries them to the UI, the CLI maps them to exit statuses. */
export const errorCodes = [
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_CORRUPT',
  'VAULT_BUSY',
  'VAULT_DAMAGED',
  'DISK_FULL',
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
  'REVEAL_SKIPS_RUNG',
  'REASON_REQUIRED',
  'NOT_REVEALABLE',
  'REVEAL_BLOCKED',
  'TEXT_GATED',
  'UNKNOWN_CHANNEL',
  'BAD_REQUEST',
  'FORBIDDEN',
  'CASE_HANDED_OVER',
  'BUNDLE_REFUSED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** What an error's sentence is built from, so each surface can say it in its own language. */
export type ErrorParams = Readonly<Record<string, string | number>>;
