// The packet manifest: what the builder writes and the verifier reads. One schema for both, so a
// field the verifier relies on cannot drift from what the builder emits. Format: docs/formats/packet.md.
// Kept free of app imports: the verifier runs without a vault.
import { z } from 'zod';
import { custodyEntrySchema } from '../../../shared/domain/custody.ts';

export const PACKET_FORMAT = 'custody-packet';
export const PACKET_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

export { custodyEntrySchema };

export const provenEntrySchema = z.object({
  /** Leaf index in the log's Merkle tree: seq - 1. */
  index: z.number().int().nonnegative(),
  entry: custodyEntrySchema,
  /** RFC 9162 audit path, leaf side first, hex. */
  proof: z.array(hex(32)),
});
export type ProvenEntry = z.infer<typeof provenEntrySchema>;

export const noteSchema = z.object({ id: z.string(), body: z.string(), createdAt: z.string() });

export const manifestItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  originalName: z.string(),
  size: z.number().int().nonnegative(),
  mime: z.string(),
  sha256: hex(32),
  sha1: hex(20),
  md5: hex(16),
  pdq: z.string().nullable(),
  pdqQuality: z.number().int().nullable(),
  acquisitions: z.array(z.object({ sourcePath: z.string(), acquiredAt: z.string() })),
  categories: z.array(z.object({ scheme: z.string(), code: z.string(), label: z.string() })),
  severity: z.number().int().nullable(),
  tags: z.array(z.string()),
  flags: z.array(z.string()),
  notes: z.array(noteSchema),
  metadata: z
    .object({
      format: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      camera: z.string().nullable(),
      capturedAt: z.string().nullable(),
      gps: z
        .object({
          latitude: z.number().nullable(),
          longitude: z.number().nullable(),
          altitude: z.number().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  /** Path of the original inside the packet, or null when originals were left out. */
  evidence: z.string().nullable(),
  /** The item's text layer as UTF-8 in the packet (`text/<id>.txt`), or null: none, or left out. */
  text: z
    .object({
      path: z.string(),
      size: z.number().int().nonnegative(),
      sha256: hex(32),
      /** How the original was decoded (plain text), and the language detected. */
      encoding: z.string().nullable(),
      language: z.string().nullable(),
    })
    .nullable()
    .default(null),
  /** Where a child item came from: the item it was unpacked or extracted from, and where inside. */
  parent: z
    .object({ id: z.string(), sha256: hex(32), pathInParent: z.string() })
    .nullable()
    .default(null),
});
export type ManifestItem = z.infer<typeof manifestItemSchema>;

export const manifestSchema = z.object({
  format: z.literal(PACKET_FORMAT),
  version: z.literal(PACKET_VERSION),
  packetId: z.string(),
  createdAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  creator: z.string(),
  agency: z.string().nullable(),
  reference: z.string().nullable(),
  case: z.object({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    emergency: z.boolean(),
    languages: z.array(z.string()),
    externalRefs: z.array(z.string()),
    createdAt: z.string(),
    notes: z.array(noteSchema),
  }),
  signer: z.object({
    algorithm: z.literal('Ed25519'),
    /** Raw 32-byte public key, base64. */
    publicKey: z.string(),
    /** Hex SHA-256 of the raw public key: what a recipient pins. */
    fingerprint: hex(32),
    /** The signed-note key name and checkpoint origin of this workstation's custody log. */
    keyName: z.string(),
    origin: z.string(),
  }),
  contents: z.object({
    originals: z.boolean(),
    thumbnails: z.boolean(),
    notes: z.boolean(),
    /** Text layers beside the originals; the ancestors of every chosen child item added. */
    text: z.boolean().default(false),
    parents: z.boolean().default(false),
  }),
  items: z.array(manifestItemSchema),
  /** Every file in the packet except the manifest and its signature. */
  files: z.array(z.object({ path: z.string(), size: z.number().int(), sha256: hex(32) })),
  custody: z.object({
    /** C2SP signed note over the log's tree head, signed by the same key. */
    checkpoint: z.string(),
    treeSize: z.number().int().nonnegative(),
    root: hex(32),
    entries: z.array(provenEntrySchema),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const signatureSchema = z.object({
  algorithm: z.literal('Ed25519'),
  publicKey: z.string(),
  fingerprint: z.string(),
  /** Ed25519 over the exact bytes of manifest.json, base64. */
  signature: z.string(),
});
export type ManifestSignature = z.infer<typeof signatureSchema>;
