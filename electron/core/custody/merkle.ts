// The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaf and node hashes
// with domain separation, the tree head over any number of leaves, and inclusion proofs.
// Kept free of app imports so the packet verifier can use it unchanged.
import { createHash } from 'node:crypto';

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

export const leafHash = (leaf: Uint8Array): Buffer => sha256(Buffer.from([0]), leaf);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer =>
  sha256(Buffer.from([1]), left, right);

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[0:n]) over leaf hashes. The empty tree's head is SHA-256 of nothing. */
export function treeHead(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  let level = [...leaves];
  // Bottom-up with the last odd node promoted, which yields the same tree as RFC 9162's recursion.
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      next.push(nodeHash(level[i] as Buffer, level[i + 1] as Buffer));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Buffer);
    level = next;
  }
  return level[0] as Buffer;
}

/** PATH(m, D[0:n]): the audit path of leaf m, per RFC 9162 section 2.1.3.1. */
export function inclusionProof(leaves: readonly Buffer[], m: number): Buffer[] {
  if (m < 0 || m >= leaves.length) throw new RangeError('leaf index out of range');
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return m < k
    ? [...inclusionProof(leaves.slice(0, k), m), treeHead(leaves.slice(k))]
    : [...inclusionProof(leaves.slice(k), m - k), treeHead(leaves.slice(0, k))];
}

const HASH_BYTES = 32;

/**
 * Verifies an inclusion proof (RFC 9162 section 2.1.3.2). Every hash must be 32 bytes: without
 * that, an empty leaf "proves" itself against an empty root (transparency-dev's
 * empty-root-and-leaf vector), and a proof with an empty trailing element could pass.
 */
export function verifyInclusion(
  leaf: Buffer,
  index: number,
  treeSize: number,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize)) return false;
  if (index < 0 || index >= treeSize) return false;
  if ([leaf, root, ...proof].some((h) => h.length !== HASH_BYTES)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}
