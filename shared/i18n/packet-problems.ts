// What a packet check's problems say to the recipient, in the catalogs. A problem's `code` is
// stable and its `message` English (the --json of `custody verify`, docs/formats/packet.md); it
// carries no params beyond `path`, so a problem whose English is its path and fixed words has its
// full sentence here (verify-problems.test.ts checks each against the verifier's own words), and
// every other says its code's summary with the English detail beside it, as errors do.
import { withDetail, type ErrorDescriptor } from './error-messages.ts';

const defineMessages = <K extends string>(
  messages: Record<K, ErrorDescriptor>,
): Record<K, ErrorDescriptor> => messages;

/** Problems said in full from their path alone. */
export const problemSentences: Readonly<Record<string, ErrorDescriptor>> = defineMessages({
  'signature-missing': {
    id: 'problem.sentence.signatureMissing',
    defaultMessage: 'The packet has no manifest.sig: nothing proves who made it.',
  },
  'signer-mismatch': {
    id: 'problem.sentence.signerMismatch',
    defaultMessage: 'The key that signed the manifest is not the key the manifest names.',
  },
  'file-extra': {
    id: 'problem.sentence.fileExtra',
    defaultMessage: '{path} is not listed in the manifest.',
  },
  'file-altered': {
    id: 'problem.sentence.fileAltered',
    defaultMessage: '{path} does not match its SHA-256 in the manifest: it was altered.',
  },
  'file-missing': {
    id: 'problem.sentence.fileMissing',
    defaultMessage: '{path} is missing from the packet.',
  },
  'file-duplicate': {
    id: 'problem.sentence.fileDuplicate',
    defaultMessage: '{path} appears twice in the packet.',
  },
  'manifest-altered': {
    id: 'problem.sentence.manifestAltered',
    defaultMessage:
      'manifest.json was altered: its compressed bytes do not decompress to what the ZIP recorded.',
  },
  'manifest-invalid': {
    id: 'problem.sentence.manifestInvalid',
    defaultMessage: 'manifest.json is not a readable Custody packet manifest.',
  },
  'checkpoint-signature': {
    id: 'problem.sentence.checkpointSignature',
    defaultMessage:
      'The custody log checkpoint does not carry a valid signature by the packet key.',
  },
  'checkpoint-mismatch': {
    id: 'problem.sentence.checkpointMismatch',
    defaultMessage:
      'The signed checkpoint does not match the tree size, root or origin in the manifest.',
  },
  'export-entry-missing': {
    id: 'problem.sentence.exportEntryMissing',
    defaultMessage: 'The custody log entry recording this packet’s export is missing.',
  },
});

/** Every other problem the verifier names: what kind of thing is wrong, the detail in English. */
export const problemSummaries: Readonly<Record<string, ErrorDescriptor>> = defineMessages({
  'signature-invalid': {
    id: 'problem.summary.signatureInvalid',
    defaultMessage: 'The signature of the manifest is not valid.',
  },
  'key-mismatch': {
    id: 'problem.summary.keyMismatch',
    defaultMessage: 'The packet was not signed by the pinned key.',
  },
  'file-unreadable': {
    id: 'problem.summary.fileUnreadable',
    defaultMessage: 'A file in the packet cannot be read.',
  },
  'evidence-mismatch': {
    id: 'problem.summary.evidenceMismatch',
    defaultMessage: 'An original does not match the hashes recorded for its item.',
  },
  'evidence-unlisted': {
    id: 'problem.summary.evidenceUnlisted',
    defaultMessage: 'The original of an item is not in the manifest’s file list.',
  },
  'unsafe-path': {
    id: 'problem.summary.unsafePath',
    defaultMessage: 'A file name in the packet is unsafe.',
  },
  'entry-not-file': {
    id: 'problem.summary.entryNotFile',
    defaultMessage: 'An entry of the packet is not a regular file.',
  },
  'zip-structure': {
    id: 'problem.summary.zipStructure',
    defaultMessage: 'The ZIP structure of the packet is inconsistent.',
  },
  'zip-extra-bytes': {
    id: 'problem.summary.zipExtraBytes',
    defaultMessage: 'The packet holds bytes outside its ZIP entries.',
  },
  'zip-unreadable': {
    id: 'problem.summary.zipUnreadable',
    defaultMessage: 'Part of the ZIP cannot be read.',
  },
  'encrypted-payload-altered': {
    id: 'problem.summary.encryptedPayloadAltered',
    defaultMessage: 'The encrypted packet was altered: it fails its authentication.',
  },
  'custody-order': {
    id: 'problem.summary.custodyOrder',
    defaultMessage: 'A custody entry is out of order or repeated.',
  },
  'custody-entry-changed': {
    id: 'problem.summary.custodyEntryChanged',
    defaultMessage: 'A custody entry was changed: its hash does not match its content.',
  },
  'custody-chain': {
    id: 'problem.summary.custodyChain',
    defaultMessage: 'The chain of custody entries is broken.',
  },
  'custody-proof': {
    id: 'problem.summary.custodyProof',
    defaultMessage: 'A custody entry is not proven to be in the signed custody log.',
  },
  'text-unlisted': {
    id: 'problem.summary.textUnlisted',
    defaultMessage: 'The text of an item is not in the manifest’s file list.',
  },
  'text-mismatch': {
    id: 'problem.summary.textMismatch',
    defaultMessage: 'The text of an item does not match its recorded SHA-256.',
  },
  'provenance-mismatch': {
    id: 'problem.summary.provenanceMismatch',
    defaultMessage: 'The provenance of an item does not match its custody history.',
  },
  'parent-missing': {
    id: 'problem.summary.parentMissing',
    defaultMessage: 'The parent of an item is missing from the packet.',
  },
});

const { unknownProblem } = defineMessages({
  unknownProblem: {
    id: 'problem.summary.unknown',
    defaultMessage: 'The packet fails a check.',
  },
});

export interface RenderableProblem {
  code: string;
  message: string;
  path?: string | undefined;
}

export type FormatProblem = (descriptor: ErrorDescriptor, values: Record<string, string>) => string;

/** The problem in `locale`: English as the verifier said it; otherwise from the catalogs. */
export function problemText(locale: string, format: FormatProblem, p: RenderableProblem): string {
  if (locale === 'en') return p.message;
  const sentence = problemSentences[p.code];
  if (sentence && (p.path !== undefined || !sentence.defaultMessage.includes('{path}')))
    return format(sentence, { path: p.path ?? '' });
  return format(withDetail, {
    summary: format(problemSummaries[p.code] ?? unknownProblem, {}),
    detail: p.message,
  });
}
