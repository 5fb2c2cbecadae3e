// The verifier's answer: a public interface (`custody verify --json`, docs/formats/packet.md).
export interface Problem {
  /** Stable, e.g. 'file-altered', 'signature-invalid', 'key-mismatch', 'custody-entry-changed'. */
  code: string;
  message: string;
  /** The file in the packet the problem is about, when there is one. */
  path?: string;
}

export type ItemStatus = 'ok' | 'hashes-only' | 'missing' | 'altered' | 'unreadable';

export interface Verdict {
  valid: boolean;
  /** True only when --key was given and the signing key's fingerprint equals it. */
  keyPinned: boolean;
  /** SHA-256 of the key that signed the manifest; null when there is no usable signature. */
  fingerprint: string | null;
  packetId: string | null;
  problems: Problem[];
  items: { id: string; name: string; sha256: string; status: ItemStatus }[];
}
