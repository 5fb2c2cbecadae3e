// One short fingerprint over both of a workstation's public keys, to read aloud or compare on a
// call: 80 bits of SHA-256, hex in five groups of four. Format: docs/formats/handoff.md.
import { createHash } from 'node:crypto';

const DOMAIN = 'custody-workstation/v1\n';

export function workstationFingerprint(signingKey: Uint8Array, ageKey: Uint8Array): string {
  const hex = createHash('sha256')
    .update(DOMAIN)
    .update(signingKey)
    .update(ageKey)
    .digest('hex')
    .slice(0, 20);
  return hex.match(/.{4}/g)!.join('-');
}

/** The name a workstation's signed notes (its card, its bundles) carry its key under. */
export const workstationKeyName = (fingerprint: string) => `custody-workstation/${fingerprint}`;

export const isWorkstationFingerprint = (s: string) => /^[0-9a-f]{4}(-[0-9a-f]{4}){4}$/.test(s);
