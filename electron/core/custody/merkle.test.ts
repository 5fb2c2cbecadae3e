import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';
import {
  leafHash,
  nodeHash,
  treeHead,
  inclusionProof,
  verifyInclusion,
  consistencyProof,
  verifyConsistency,
} from './merkle.ts';

/** RFC 9162's recursive definition, written as plainly as the RFC, to check the iterative one. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const leaves = (n: number) =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

describe('RFC 9162 Merkle tree', () => {
  it('agrees with the recursive definition for every size up to 70', () => {
    for (let n = 0; n <= 70; n++)
      expect(treeHead(leaves(n)).equals(mth(leaves(n))), `n=${n}`).toBe(true);
  });

  it('separates leaves from nodes (0x00 / 0x01 prefixes)', () => {
    const a = Buffer.from('a');
    expect(
      leafHash(a).equals(
        createHash('sha256')
          .update(Buffer.concat([Buffer.from([0]), a]))
          .digest(),
      ),
    ).toBe(true);
  });

  it('proves every leaf of every size, and rejects a wrong leaf, index or root', () => {
    for (let n = 1; n <= 33; n++) {
      const ls = leaves(n);
      const root = treeHead(ls);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(ls, m);
        expect(verifyInclusion(ls[m] as Buffer, m, n, proof, root), `n=${n} m=${m}`).toBe(true);
        if (n > 1) {
          expect(verifyInclusion(ls[(m + 1) % n] as Buffer, m, n, proof, root)).toBe(false);
          expect(verifyInclusion(ls[m] as Buffer, (m + 1) % n, n, proof, root)).toBe(false);
        }
        expect(verifyInclusion(ls[m] as Buffer, m, n, proof, leafHash(Buffer.from('x')))).toBe(
          false,
        );
      }
    }
  });
});

// transparency-dev/merkle's inclusion vectors (tests/fixtures/merkle/SOURCES.md), every one.
const VECTORS = join(FIXTURES, 'merkle', 'inclusion');
const vectorFiles = readdirSync(VECTORS, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort();

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string | null;
  leafHash: string | null;
  proof: (string | null)[] | null;
  wantErr: boolean;
}

describe('transparency-dev inclusion vectors', () => {
  it('are all here', () => {
    expect(vectorFiles).toHaveLength(98);
    expect(vectorFiles).toContain(join('single-entry', 'empty-root-and-leaf.json'));
  });

  it.each(vectorFiles)('%s', (file) => {
    const v = JSON.parse(readFileSync(join(VECTORS, file), 'utf8')) as InclusionVector;
    const b = (s: string | null) => Buffer.from(s ?? '', 'base64');
    const ok = verifyInclusion(
      b(v.leafHash),
      v.leafIdx,
      v.treeSize,
      (v.proof ?? []).map(b),
      b(v.root),
    );
    expect(ok, relative(VECTORS, join(VECTORS, file))).toBe(!v.wantErr);
  });
});

// transparency-dev/merkle's consistency vectors (tests/fixtures/merkle/SOURCES.md), every one.
const CONSISTENCY = join(FIXTURES, 'merkle', 'consistency');
const consistencyFiles = readdirSync(CONSISTENCY, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort();

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string | null;
  root2: string | null;
  proof: (string | null)[] | null;
  wantErr: boolean;
}
const readConsistency = (file: string) =>
  JSON.parse(readFileSync(join(CONSISTENCY, file), 'utf8')) as ConsistencyVector;
const b64 = (s: string | null) => Buffer.from(s ?? '', 'base64');

// The eight leaf inputs transparency-dev's test tree is built from (its testonly/constants.go).
const testLeaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657'].map((h) =>
  leafHash(Buffer.from(h, 'hex')),
);
testLeaves.push(leafHash(Buffer.from('606162636465666768696a6b6c6d6e6f', 'hex')));

describe('transparency-dev consistency vectors', () => {
  it('are all here', () => {
    expect(consistencyFiles).toHaveLength(98);
  });

  it.each(consistencyFiles)('%s', (file) => {
    const v = readConsistency(file);
    const ok = verifyConsistency(
      v.size1,
      v.size2,
      (v.proof ?? []).map(b64),
      b64(v.root1),
      b64(v.root2),
    );
    expect(ok, file).toBe(!v.wantErr);
  });

  it('are generated the same from the test tree: every happy path proof', () => {
    const happy = consistencyFiles.filter((f) => f.endsWith('happy-path.json'));
    expect(happy.length).toBeGreaterThanOrEqual(5);
    for (const file of happy) {
      const v = readConsistency(file);
      const tree = testLeaves.slice(0, v.size2);
      expect(treeHead(testLeaves.slice(0, v.size1)).toString('base64'), file).toBe(v.root1);
      expect(treeHead(tree).toString('base64'), file).toBe(v.root2);
      expect(
        consistencyProof(tree, v.size1).map((h) => h.toString('base64')),
        file,
      ).toEqual(v.proof ?? []);
    }
  });
});

describe('consistency proofs of our own trees', () => {
  it('prove every older size of every tree up to 40, and fail for a changed old leaf', () => {
    for (let n = 1; n <= 40; n++) {
      const ls = leaves(n);
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(ls, m);
        const old = treeHead(ls.slice(0, m));
        expect(verifyConsistency(m, n, proof, old, treeHead(ls)), `m=${m} n=${n}`).toBe(true);
        if (m < n) {
          const forked = [...ls];
          forked[m - 1] = leafHash(Buffer.from('rewritten'));
          expect(verifyConsistency(m, n, consistencyProof(forked, m), old, treeHead(forked))).toBe(
            false,
          );
        }
      }
    }
  });
});
