// A handoff bundle (docs/formats/handoff.md): an age file, encrypted to the receiving workstation's
// X25519 recipient, whose plaintext is a ZIP of `bundle.json` (this manifest), `bundle.sig` (a C2SP
// signed note by the sender's workstation key over the manifest's SHA-256) and the case's files
// under `files/`. The manifest is parsed strictly: it is read only after the signature checks, but
// a pinned colleague's workstation can still be compromised.
import { z } from 'zod';
import { CustodyError } from '../errors.ts';
import { custodyEntrySchema } from '../../../shared/domain/custody.ts';
import { caseIdSchema, itemIdSchema } from '../../../shared/domain/ids.ts';
import { incidentRefSchema, reportedAccountSchema } from '../../../shared/domain/case.ts';
import { itemKindSchema } from '../../../shared/domain/item.ts';
import { matchStatuses } from '../../../shared/domain/hashlist.ts';

export const BUNDLE_FORMAT = 'custody-handoff/v1';
export const MANIFEST = 'bundle.json';
export const SIGNATURE = 'bundle.sig';
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
export const MAX_SIGNATURE_BYTES = 4096;

/** Why a bundle was refused: stable, for scripts and tests (`details.reason` in --json). */
export type RefusalReason =
  | 'not-a-bundle'
  | 'not-for-this-workstation'
  | 'unknown-sender'
  | 'damaged'
  | 'bad-signature'
  | 'bad-proof'
  | 'replay'
  | 'conflicting-case';

export class BundleRefusedError extends CustodyError {
  readonly reason: RefusalReason;
  constructor(reason: RefusalReason, message: string, options?: { cause?: unknown }) {
    super(
      'BUNDLE_REFUSED',
      `Bundle refused (${reason}): ${message} Nothing was imported.`,
      options,
    );
    this.reason = reason;
  }
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const fileRef = z.strictObject({
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
});
const json = z.json();

const previewSchema = z.strictObject({
  size: z.enum(['thumb', 'screen']),
  variant: z.enum(['veiled', 'outline', 'grey', 'plain']),
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  file: fileRef,
});

/** A hash-list match the sender's workstation found, named by its list (the receiver may lack it). */
export const bundleMatchSchema = z.strictObject({
  listName: z.string(),
  listVersion: z.number().int(),
  hashType: z.string(),
  value: z.string(),
  distance: z.number().int().nonnegative(),
  variant: z.string().nullable(),
  categoryId: z.string().nullable(),
  status: z.enum(matchStatuses),
  foundAt: z.string(),
});
export type BundleMatch = z.infer<typeof bundleMatchSchema>;

export const bundleItemSchema = z.strictObject({
  id: itemIdSchema,
  kind: itemKindSchema,
  mime: z.string(),
  originalName: z.string(),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
  sha1: z.string(),
  md5: z.string(),
  pdq: z.string().nullable(),
  pdqQuality: z.number().int().nullable(),
  pdqDihedral: z.array(z.string()).nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  metadata: json,
  flags: z.array(z.string()),
  /** A child's parent (an attachment's e-mail, a file's archive) and its path inside it. */
  parentId: itemIdSchema.nullable(),
  pathInParent: z.string().nullable(),
  damaged: z.string().nullable(),
  eventAt: z.string().nullable(),
  facts: z.record(z.string(), json),
  links: z.array(z.string()),
  language: z.string().nullable(),
  severity: z.number().int().min(1).max(5).nullable(),
  category: z.string().nullable(),
  /** Labels in every other scheme (industry, vics-us, …) as category ids `scheme:code`. */
  labels: z.array(z.string()),
  tags: z.array(z.string()),
  matches: z.array(bundleMatchSchema),
  createdAt: z.string(),
  exposureSeconds: z.number().nonnegative(),
  acquisitions: z.array(
    z.strictObject({
      sourcePath: z.string(),
      acquiredAt: z.string(),
      /** base64 of the raw name when it was not UTF-8. */
      sourceBytes: z.string().nullable(),
    }),
  ),
  original: fileRef,
  previews: z.array(previewSchema),
  /** The text read from the item (sealed as a file of its own), how it was decoded, its events. */
  textLayer: z
    .strictObject({
      file: fileRef,
      encoding: z.string().nullable(),
      detectedEncoding: z.string().nullable(),
      chars: z.number().int().nonnegative(),
    })
    .nullable(),
  events: z.array(
    z.strictObject({
      at: z.string(),
      who: z.string().nullable(),
      text: z.string(),
      line: z.number().int().nullable(),
    }),
  ),
  /** A video's keyframes or a document's pages, each with its own previews. */
  frames: z.array(
    z.strictObject({
      idx: z.number().int().nonnegative(),
      timeSeconds: z.number().nullable(),
      page: z.number().int().nullable(),
      pdq: z.string().nullable(),
      pdqQuality: z.number().int().nullable(),
      width: z.number().int(),
      height: z.number().int(),
      previews: z.array(previewSchema),
    }),
  ),
});
export type BundleItem = z.infer<typeof bundleItemSchema>;

/** Every file of one item the bundle holds: original, previews, frames' previews, text layer. */
export const bundleItemFiles = (item: BundleItem) => [
  item.original,
  ...item.previews.map((p) => p.file),
  ...item.frames.flatMap((f) => f.previews.map((p) => p.file)),
  ...(item.textLayer ? [item.textLayer.file] : []),
];

export const bundleNoteSchema = z.strictObject({
  id: z.string(),
  itemId: itemIdSchema.nullable(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const provenEntry = z.strictObject({
  entry: custodyEntrySchema,
  /** Base64 hashes of the entry's audit path in the checkpoint's tree (leaf index seq − 1). */
  proof: z.array(z.string()),
});
export type ProvenEntry = z.infer<typeof provenEntry>;

const party = z.strictObject({ name: z.string(), fingerprint: z.string() });

export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  bundleId: z.string().uuid(),
  createdAt: z.string(),
  sender: party.extend({ signingKey: z.string(), ageRecipient: z.string() }),
  recipient: party,
  case: z.strictObject({
    id: caseIdSchema,
    title: z.string(),
    kind: z.string(),
    emergency: z.boolean(),
    languages: z.array(z.string()),
    externalRefs: z.array(z.string()),
    notes: z.string(),
    reportedAccounts: z.array(reportedAccountSchema),
    incidents: z.array(incidentRefSchema),
    incidentAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  items: z.array(bundleItemSchema),
  notes: z.array(bundleNoteSchema),
  exposure: z.strictObject({ totalSeconds: z.number().nonnegative() }),
  custody: z.strictObject({
    /** The sender's signed checkpoint (a C2SP signed note) every entry is proven against. */
    checkpoint: z.string(),
    entries: z.array(provenEntry),
  }),
  /**
   * When the case goes back to where it came from: the sender's checkpoint signed when it took the
   * case in, and the consistency proof from that tree to `custody.checkpoint`'s, so the receiver
   * sees the sender's history of the case only grew from what was handed over.
   */
  return: z
    .strictObject({
      receivedBundleSha256: sha256Hex,
      receiptCheckpoint: z.string(),
      consistency: z.array(z.string()),
    })
    .nullable(),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/** The signed text of bundle.sig: the format line and the manifest's SHA-256. */
export const signatureText = (manifestSha256: string) => `${BUNDLE_FORMAT}\n${manifestSha256}\n`;
