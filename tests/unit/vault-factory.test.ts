// The factory makes what it says: N cases of M distinct, really ingested items, through the
// dispatcher, with the evidence files outside the vault.
import { describe, it, expect, afterAll } from 'vitest';
import { readdir } from 'node:fs/promises';
import { seededVault, type SeededVault } from '../helpers/vault.ts';

let seeded: SeededVault;
afterAll(() => seeded.cleanup());

describe('seededVault', () => {
  it('gives N cases of M items each, every item sealed with its own hashes and previews', async () => {
    seeded = await seededVault({ cases: 3, itemsPerCase: 4, kind: 'harassment' });
    const { call, cases } = seeded;
    expect(cases).toHaveLength(3);
    const listed = await call('cases:list', {});
    expect(listed.map((c) => [c.id, c.kind, c.itemCount]).sort()).toEqual(
      cases.map((c) => [c.id, 'harassment', 4]).sort(),
    );
    const all = cases.flatMap((c) => c.items);
    expect(all.map((i) => i.originalName)).toEqual(
      Array.from({ length: 12 }, (_, n) => `image-${n}.png`),
    );
    const hashes = new Set<string>();
    for (const summary of all) {
      const item = await call('items:get', { id: summary.id });
      hashes.add(item.sha256);
      expect(item).toMatchObject({ kind: 'image', mime: 'image/png', width: 32, height: 32 });
      expect(item.pdq).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(hashes.size).toBe(12);
    // Nothing of the evidence in the vault folder but what the vault itself writes.
    expect((await readdir(seeded.dir)).filter((f) => f.endsWith('.png'))).toEqual([]);
  });
});
