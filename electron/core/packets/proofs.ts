// Inclusion proofs for many leaves of one tree. merkle.ts's inclusionProof recomputes subtree heads
// for each proof (O(n) each); a packet may prove thousands of entries of a large log, so the levels
// are built once and each audit path is read off them. The tree is RFC 9162's: an odd last node is
// promoted unchanged, so a level where a node has no sibling adds nothing to its path.
import { nodeHash } from '../custody/merkle.ts';

export function treeLevels(leaves: readonly Buffer[]): Buffer[][] {
  const levels: Buffer[][] = [[...leaves]];
  let level = levels[0] as Buffer[];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      next.push(nodeHash(level[i] as Buffer, level[i + 1] as Buffer));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Buffer);
    levels.push(next);
    level = next;
  }
  return levels;
}

/** The audit path of leaf m, leaf side first: equal to merkle.ts inclusionProof(leaves, m). */
export function auditPath(levels: readonly Buffer[][], m: number): Buffer[] {
  const size = levels[0]?.length ?? 0;
  if (m < 0 || m >= size) throw new RangeError('leaf index out of range');
  const path: Buffer[] = [];
  let index = m;
  for (const level of levels.slice(0, -1)) {
    const sibling = level[index ^ 1];
    if (sibling) path.push(sibling);
    index >>= 1;
  }
  return path;
}
