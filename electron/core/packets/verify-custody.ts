// The custody part of a packet check: each entry re-hashed, links between consecutive entries, each
// entry's inclusion proof against the signed checkpoint, and the packet's own export entry present.
import { entryBytes, entryHash } from '../custody/entry.ts';
import { leafHash, verifyInclusion } from '../custody/merkle.ts';
import { openCheckpoint } from '../custody/signed-note.ts';
import type { Manifest } from './manifest.ts';
import type { Problem } from './verdict.ts';

export function checkCustody(m: Manifest, publicKey: Buffer): Problem[] {
  const problems: Problem[] = [];
  const c = m.custody;
  const checkpoint =
    publicKey.length === 32 ? openCheckpoint(c.checkpoint, m.signer.keyName, publicKey) : null;
  if (!checkpoint) {
    problems.push({
      code: 'checkpoint-signature',
      message: 'The custody log checkpoint does not carry a valid signature by the packet key.',
    });
    return problems;
  }
  if (
    checkpoint.origin !== m.signer.origin ||
    checkpoint.treeSize !== c.treeSize ||
    checkpoint.root.toString('hex') !== c.root
  ) {
    problems.push({
      code: 'checkpoint-mismatch',
      message:
        'The signed checkpoint does not match the tree size, root or origin in the manifest.',
    });
  }
  let previous: (typeof c.entries)[number]['entry'] | null = null;
  for (const { index, entry, proof } of c.entries) {
    const where = `custody entry ${entry.seq}`;
    if (previous && entry.seq <= previous.seq) {
      problems.push({
        code: 'custody-order',
        message: `The ${where} is out of order or repeated.`,
      });
    }
    if (entryHash(entry) !== entry.hash) {
      problems.push({
        code: 'custody-entry-changed',
        message: `The ${where} (${entry.action}) was changed: its hash does not match its content.`,
      });
    } else if (previous && entry.seq === previous.seq + 1 && entry.prev !== previous.hash) {
      problems.push({
        code: 'custody-chain',
        message: `The ${where} does not follow entry ${previous.seq}: the chain is broken.`,
      });
    }
    const leaf = leafHash(entryBytes(entry));
    const path = proof.map((p) => Buffer.from(p, 'hex'));
    if (
      index !== entry.seq - 1 ||
      !verifyInclusion(leaf, index, checkpoint.treeSize, path, checkpoint.root)
    ) {
      problems.push({
        code: 'custody-proof',
        message: `The ${where} is not proven to be in the signed custody log.`,
      });
    }
    previous = entry;
  }
  const exported = c.entries.some(
    ({ entry }) => entry.action === 'packet.exported' && entry.details['packetId'] === m.packetId,
  );
  if (!exported) {
    problems.push({
      code: 'export-entry-missing',
      message: 'The custody log entry recording this packet’s export is missing.',
    });
  }
  return problems;
}
