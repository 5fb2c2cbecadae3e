// The causes of INVALID_INPUT that a reviewer or a recipient meets often, each made in one place:
// its English `message` (the --json message) and the `why` and values from which
// shared/i18n/error-messages.ts says the same sentence in the reviewer's language
// (tests/unit/error-messages.test.ts checks every cause against its sentence).
import { InvalidInputError } from './errors.ts';

/** An output path that is taken: nothing is ever overwritten. */
export const outExistsError = (path: string): InvalidInputError =>
  new InvalidInputError(`${path} already exists; choose another name.`, { why: 'outExists', path });

export const noFolderError = (path: string): InvalidInputError =>
  new InvalidInputError(`The folder for ${path} does not exist.`, { why: 'noFolder', path });

/** `reason` is the file system's code (EACCES, ENOSPC…). */
export const cannotWriteError = (path: string, reason: string): InvalidInputError =>
  new InvalidInputError(`Cannot write ${path} (${reason}).`, { why: 'cannotWrite', path, reason });

export const cannotReadError = (path: string): InvalidInputError =>
  new InvalidInputError(`Cannot read ${path}.`, { why: 'cannotRead', path });

/** An item asked for by id that belongs to another case (or to none). */
export const notInCaseError = (item: string, caseId: string): InvalidInputError =>
  new InvalidInputError(`Item ${item} is not in case ${caseId}.`, {
    why: 'notInCase',
    item,
    case: caseId,
  });

export const nothingToPackageError = (caseId: string): InvalidInputError =>
  new InvalidInputError(`Case ${caseId} has no items to package.`, {
    why: 'nothingToPackage',
    case: caseId,
  });

export const nothingToExportError = (caseId: string): InvalidInputError =>
  new InvalidInputError(`Case ${caseId} has no items to export.`, {
    why: 'nothingToExport',
    case: caseId,
  });

const SET_REPORTER = 'custody reporter set --org … --contact … --email …';

export const noReporterError = (): InvalidInputError =>
  new InvalidInputError(
    `A CyberTipline report names its reporter: set the profile first with \`${SET_REPORTER}\`.`,
    { why: 'noReporter', command: SET_REPORTER },
  );

export const notAHashError = (hash: string): InvalidInputError =>
  new InvalidInputError(
    `"${hash}" is not an MD5, SHA-1 or SHA-256 hash (32, 40 or 64 hexadecimal digits).`,
    { why: 'notAHash', hash },
  );

export const emptyReferenceError = (): InvalidInputError =>
  new InvalidInputError('A reference cannot be empty.', { why: 'emptyReference' });

export const notInReportError = (item: string, reportId: string): InvalidInputError =>
  new InvalidInputError(`Item ${item} is not in report ${reportId}.`, {
    why: 'notInReport',
    item,
    report: reportId,
  });

export const identityUnreadableError = (path: string): InvalidInputError =>
  new InvalidInputError(`Cannot read the identity file ${path}.`, {
    why: 'identityUnreadable',
    path,
  });

export const noIdentityError = (path: string): InvalidInputError =>
  new InvalidInputError(`${path} holds no age identity (AGE-SECRET-KEY-1...).`, {
    why: 'noIdentity',
    path,
  });

export const notAPacketError = (path: string): InvalidInputError =>
  new InvalidInputError(`${path} is not a ZIP file, nor an age-encrypted packet.`, {
    why: 'notAPacket',
    path,
  });

export const armoredAgeError = (): InvalidInputError =>
  new InvalidInputError(
    'The packet is ASCII-armored age: decrypt it with `age -d` first, then verify the ZIP.',
    { why: 'armoredAge', command: 'age -d' },
  );

export const noManifestError = (): InvalidInputError =>
  new InvalidInputError('Not a Custody packet: there is no manifest.json.', { why: 'noManifest' });

/** `reason` is the file system's code (ENOENT, EACCES…). */
export const cardUnreadableError = (path: string, reason: string): InvalidInputError =>
  new InvalidInputError(`Cannot read the card ${path} (${reason}).`, {
    why: 'cardUnreadable',
    path,
    reason,
  });

export const noReviewerNameError = (): InvalidInputError =>
  new InvalidInputError(
    'The reviewer has no name yet: set one first (custody init --name, or the settings).',
    { why: 'noReviewerName', command: 'custody init --name' },
  );

export const encodingNotPlainTextError = (): InvalidInputError =>
  new InvalidInputError('Only a plain-text item can be read in another encoding.', {
    why: 'encodingNotPlainText',
  });

export const unknownEncodingError = (encoding: string): InvalidInputError =>
  new InvalidInputError(`Unknown encoding "${encoding}".`, { why: 'unknownEncoding', encoding });
