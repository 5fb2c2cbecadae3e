// What each error code says to the reviewer, in the catalogs (every code has a summary, in all
// four languages: tests/unit/error-messages.test.ts). An error that carries params has its full
// sentence here too; its English is the core's own `message` (errors.test.ts checks they agree),
// so English shows the core's message and the other languages say the same from these. An error
// without params is said as its code's summary, with the English detail kept beside it: nothing the
// message named (a file, a reason) is lost.
import type { ErrorCode, ErrorParams } from '../domain/error-codes.ts';
import { defineMessages, type CatalogMessage } from './catalog-message.ts';

export type ErrorDescriptor = CatalogMessage;

export const errorSummaries: Readonly<Record<ErrorCode, ErrorDescriptor>> = defineMessages({
  VAULT_LOCKED: { id: 'error.code.VAULT_LOCKED', defaultMessage: 'The vault is locked.' },
  VAULT_EXISTS: { id: 'error.code.VAULT_EXISTS', defaultMessage: 'A vault already exists here.' },
  VAULT_NOT_FOUND: { id: 'error.code.VAULT_NOT_FOUND', defaultMessage: 'There is no vault here.' },
  VAULT_CORRUPT: {
    id: 'error.code.VAULT_CORRUPT',
    defaultMessage: 'The vault could not be read; nothing was changed.',
  },
  VAULT_BUSY: {
    id: 'error.code.VAULT_BUSY',
    defaultMessage: 'The vault is in use by another process.',
  },
  VAULT_DAMAGED: {
    id: 'error.code.VAULT_DAMAGED',
    defaultMessage: 'Part of the vault is damaged.',
  },
  DISK_FULL: {
    id: 'error.code.DISK_FULL',
    defaultMessage: "The vault's disk is full; nothing was lost.",
  },
  WRONG_PASSPHRASE: { id: 'error.code.WRONG_PASSPHRASE', defaultMessage: 'Wrong passphrase.' },
  BLOB_INTEGRITY: {
    id: 'error.code.BLOB_INTEGRITY',
    defaultMessage: 'A stored file failed its integrity check.',
  },
  BLOB_NOT_FOUND: {
    id: 'error.code.BLOB_NOT_FOUND',
    defaultMessage: 'A stored file is missing from the vault.',
  },
  DB_TOO_NEW: {
    id: 'error.code.DB_TOO_NEW',
    defaultMessage: 'The vault was written by a newer Custody; update this one to open it.',
  },
  NOT_FOUND: { id: 'error.code.NOT_FOUND', defaultMessage: 'It was not found.' },
  INVALID_INPUT: { id: 'error.code.INVALID_INPUT', defaultMessage: 'This input cannot be used.' },
  CASE_CLOSED: { id: 'error.code.CASE_CLOSED', defaultMessage: 'The case is closed.' },
  UNSUPPORTED: { id: 'error.code.UNSUPPORTED', defaultMessage: 'This is not supported.' },
  DECODE_FAILED: {
    id: 'error.code.DECODE_FAILED',
    defaultMessage: 'The file could not be decoded.',
  },
  CANCELLED: { id: 'error.code.CANCELLED', defaultMessage: 'Cancelled.' },
  REVEAL_SKIPS_RUNG: {
    id: 'error.code.REVEAL_SKIPS_RUNG',
    defaultMessage: 'Unveil one step at a time.',
  },
  REASON_REQUIRED: {
    id: 'error.code.REASON_REQUIRED',
    defaultMessage: 'Give a reason to unveil.',
  },
  NOT_REVEALABLE: {
    id: 'error.code.NOT_REVEALABLE',
    defaultMessage: 'This item has no such view to unveil.',
  },
  REVEAL_BLOCKED: {
    id: 'error.code.REVEAL_BLOCKED',
    defaultMessage: 'This item may not be unveiled.',
  },
  UNKNOWN_CHANNEL: { id: 'error.code.UNKNOWN_CHANNEL', defaultMessage: 'Unknown request.' },
  BAD_REQUEST: { id: 'error.code.BAD_REQUEST', defaultMessage: 'The request was not valid.' },
  FORBIDDEN: { id: 'error.code.FORBIDDEN', defaultMessage: 'This is not allowed.' },
  TEXT_GATED: {
    id: 'error.code.TEXT_GATED',
    defaultMessage: 'This text is behind a step: show it first (that is logged).',
  },
  CASE_HANDED_OVER: {
    id: 'error.code.CASE_HANDED_OVER',
    defaultMessage: 'The case is with a colleague: it is read-only here.',
  },
  BUNDLE_REFUSED: { id: 'error.code.BUNDLE_REFUSED', defaultMessage: 'The bundle was refused.' },
  INTERNAL: {
    id: 'error.code.INTERNAL',
    defaultMessage: 'Something went wrong inside Custody.',
  },
});

/** Full sentences of the errors that carry params; the English is the core's message. */
export const errorSentences: Readonly<Partial<Record<ErrorCode, ErrorDescriptor>>> = defineMessages(
  {
    VAULT_LOCKED: { id: 'error.sentence.VAULT_LOCKED', defaultMessage: 'The vault is locked.' },
    WRONG_PASSPHRASE: {
      id: 'error.sentence.WRONG_PASSPHRASE',
      defaultMessage: 'Wrong passphrase.',
    },
    BLOB_INTEGRITY: {
      id: 'error.sentence.BLOB_INTEGRITY',
      defaultMessage: 'Blob {blob} failed its integrity check: {reason}.',
    },
    NOT_FOUND: {
      id: 'error.sentence.NOT_FOUND',
      defaultMessage:
        '{what, select, case {No case with id {id}.} item {No item with id {id}.} colleague {No colleague with id {id}.} hashList {No hash list with id {id}.} match {No match with id {id}.} report {No report with id {id}.} textLayerOfItem {No text layer of item with id {id}.} other {Nothing with id {id}.}}',
    },
    VAULT_BUSY: {
      id: 'error.sentence.VAULT_BUSY',
      defaultMessage:
        'The vault in {dir} is in use by {holder, select, app {the Custody app} cli {a custody command} harness {the test harness} other {another Custody process}}. Only one process may change a vault at a time: close it there or wait, then try again.',
    },
    VAULT_DAMAGED: {
      id: 'error.sentence.VAULT_DAMAGED',
      defaultMessage:
        '{what} is damaged ({reason}). Run `custody vault check` to see what is affected.',
    },
    DISK_FULL: {
      id: 'error.sentence.DISK_FULL',
      defaultMessage:
        "The vault's disk is full: {need, select, yes {about {size} more is needed (the size of {what})} other {free some space on it}}. Nothing was lost: what the vault held is kept; make room and try again.",
    },
    REVEAL_SKIPS_RUNG: {
      id: 'error.sentence.REVEAL_SKIPS_RUNG',
      defaultMessage:
        '{next, select, none {The item is unveiled as far as it goes ({from}).} other {Unveil one step at a time: from {from} the next step is {next}, not {to}.}}',
    },
    REASON_REQUIRED: {
      id: 'error.sentence.REASON_REQUIRED',
      defaultMessage: 'Give a reason to unveil: the settings ask for one each time.',
    },
    NOT_REVEALABLE: {
      id: 'error.sentence.NOT_REVEALABLE',
      // The item is the one on the reviewer's screen: its id would be noise (the English keeps it).
      defaultMessage: 'This item has no {step} view to unveil.',
    },
    REVEAL_BLOCKED: {
      id: 'error.sentence.REVEAL_BLOCKED',
      defaultMessage:
        'This item may not be unveiled: {blockedBy, select, label {it is labelled {category}, a category never unveiled by default} other {it matches the known-illegal hash list "{list}" ({hashType})}}.',
    },
    VAULT_NOT_FOUND: {
      id: 'error.sentence.VAULT_NOT_FOUND',
      defaultMessage: 'No vault in {dir}.{hint, select, init { Run `{command}` first.} other {}}',
    },
    VAULT_EXISTS: {
      id: 'error.sentence.VAULT_EXISTS',
      defaultMessage: 'A vault already exists in {dir}.',
    },
    CASE_CLOSED: { id: 'error.sentence.CASE_CLOSED', defaultMessage: 'Case {case} is closed.' },
    CASE_HANDED_OVER: {
      id: 'error.sentence.CASE_HANDED_OVER',
      defaultMessage:
        'Case {case} is with {colleague} since {since}: it is read-only here until it comes back, or until you take it back.',
    },
  },
);

/**
 * Sentences of the causes of one code (INVALID_INPUT has many), chosen by the error's `why` param;
 * a cause without one is said as its code's summary with the English detail.
 */
export const causeSentences: Readonly<Record<string, ErrorDescriptor>> = defineMessages({
  outExists: {
    id: 'error.why.outExists',
    defaultMessage: '{path} already exists; choose another name.',
  },
  noFolder: { id: 'error.why.noFolder', defaultMessage: 'The folder for {path} does not exist.' },
  cannotWrite: { id: 'error.why.cannotWrite', defaultMessage: 'Cannot write {path} ({reason}).' },
  cannotRead: { id: 'error.why.cannotRead', defaultMessage: 'Cannot read {path}.' },
  notInCase: { id: 'error.why.notInCase', defaultMessage: 'Item {item} is not in case {case}.' },
  nothingToPackage: {
    id: 'error.why.nothingToPackage',
    defaultMessage: 'Case {case} has no items to package.',
  },
  nothingToExport: {
    id: 'error.why.nothingToExport',
    defaultMessage: 'Case {case} has no items to export.',
  },
  noReporter: {
    id: 'error.why.noReporter',
    defaultMessage:
      'A CyberTipline report names its reporter: set the profile first with `{command}`.',
  },
  notAHash: {
    id: 'error.why.notAHash',
    defaultMessage:
      '"{hash}" is not an MD5, SHA-1 or SHA-256 hash (32, 40 or 64 hexadecimal digits).',
  },
  emptyReference: {
    id: 'error.why.emptyReference',
    defaultMessage: 'A reference cannot be empty.',
  },
  notInReport: {
    id: 'error.why.notInReport',
    defaultMessage: 'Item {item} is not in report {report}.',
  },
  identityUnreadable: {
    id: 'error.why.identityUnreadable',
    defaultMessage: 'Cannot read the identity file {path}.',
  },
  noIdentity: {
    id: 'error.why.noIdentity',
    defaultMessage: '{path} holds no age identity (AGE-SECRET-KEY-1...).',
  },
  notAPacket: {
    id: 'error.why.notAPacket',
    defaultMessage: '{path} is not a ZIP file, nor an age-encrypted packet.',
  },
  armoredAge: {
    id: 'error.why.armoredAge',
    defaultMessage:
      'The packet is ASCII-armored age: decrypt it with `{command}` first, then verify the ZIP.',
  },
  noManifest: {
    id: 'error.why.noManifest',
    defaultMessage: 'Not a Custody packet: there is no manifest.json.',
  },
  cardUnreadable: {
    id: 'error.why.cardUnreadable',
    defaultMessage: 'Cannot read the card {path} ({reason}).',
  },
  noReviewerName: {
    id: 'error.why.noReviewerName',
    defaultMessage: 'The reviewer has no name yet: set one first ({command}, or the settings).',
  },
  encodingNotPlainText: {
    id: 'error.why.encodingNotPlainText',
    defaultMessage: 'Only a plain-text item can be read in another encoding.',
  },
  unknownEncoding: {
    id: 'error.why.unknownEncoding',
    defaultMessage: 'Unknown encoding "{encoding}".',
  },
});

/** Params a sentence chooses by (never shown as such), and those shown left to right. */
export const selectParams: ReadonlySet<string> = new Set([
  'what',
  'holder',
  'need',
  'next',
  'hint',
  'why',
  'blockedBy',
]);
export const ltrParams: ReadonlySet<string> = new Set([
  'blob',
  'id',
  'dir',
  'item',
  'case',
  'since',
  'size',
  'from',
  'to',
  'step',
  'path',
  'report',
  'hash',
  'command',
  'encoding',
  'hashType',
  'category',
]);

/** The sentence an error is said in from its params: its cause's, else its code's. */
export function sentenceFor(error: RenderableError): ErrorDescriptor | undefined {
  const why = error.params?.['why'];
  if (typeof why === 'string') return causeSentences[why];
  return errorSentences[error.code];
}

/** A summary in the reviewer's language with the English it stands for (packet-problems.ts too). */
export const { withDetail } = defineMessages({
  withDetail: { id: 'error.withDetail', defaultMessage: '{summary} (in English: {detail})' },
});

export interface RenderableError {
  code: ErrorCode;
  message: string;
  params?: ErrorParams | undefined;
}

/** How a surface formats one message; the CLI escapes and isolates values, React does not. */
export type FormatError = (descriptor: ErrorDescriptor, values: ErrorParams) => string;

/** The error in `locale`: English as the core said it; otherwise from the catalogs. */
export function errorText(locale: string, format: FormatError, error: RenderableError): string {
  if (locale === 'en') return error.message;
  const sentence = sentenceFor(error);
  if (sentence && error.params) return format(sentence, error.params);
  return format(withDetail, {
    summary: format(errorSummaries[error.code], {}),
    detail: error.message,
  });
}
