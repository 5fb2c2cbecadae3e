// The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaf and node hashes
// with domain separation, the tree head over any number of leaves, inclusion and consistency proofs.
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

/**
 * PROOF(m, D[0:n]) (RFC 9162 section 2.1.4.1): the nodes that let someone holding the head of the
 * first m leaves check that the tree of n leaves holds those same m leaves first, unchanged.
 */
export function consistencyProof(leaves: readonly Buffer[], m: number): Buffer[] {
  if (!Number.isSafeInteger(m) || m < 1 || m > leaves.length)
    throw new RangeError('a consistency proof runs from a size between 1 and the tree size');
  return subproof(leaves, m, true);
}

function subproof(leaves: readonly Buffer[], m: number, whole: boolean): Buffer[] {
  const n = leaves.length;
  if (m === n) return whole ? [] : [treeHead(leaves)];
  const k = split(n);
  return m <= k
    ? [...subproof(leaves.slice(0, k), m, whole), treeHead(leaves.slice(k))]
    : [...subproof(leaves.slice(k), m - k, false), treeHead(leaves.slice(0, k))];
}

/**
 * Verifies that the tree of `size2` leaves with head `root2` extends the tree of `size1` with head
 * `root1` (RFC 9162 section 2.1.4.2). Equal sizes need an empty proof and equal heads; a proof from
 * the empty tree proves nothing and is refused, as transparency-dev's vectors expect.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Buffer[],
  root1: Buffer,
  root2: Buffer,
): boolean {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2)) return false;
  if (size1 < 1 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if ([root1, root2, ...proof].some((h) => h.length !== HASH_BYTES)) return false;
  // When the old tree is a complete subtree, its head is the path's first node.
  const path = (size1 & (size1 - 1)) === 0 ? [root1, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Buffer;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}
