// Suggestions through the scheme mapping on a real vault: one item ingested for real, labels set
// through the dispatcher as the app does, suggestions read back per relation. A suggestion is
// never applied by itself; confirming one logs the relation it came through.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seededVault, type SeededVault } from '../../../tests/helpers/vault.ts';
import { allEntries } from '../custody/custody-log.ts';

let v: SeededVault;
let itemId: string;

const suggest = async () => (await v.call('hashlists:suggest', { itemId })).suggestions;
const labels = async () => (await v.call('hashlists:labels', { itemId })).labels;

/** Clears every label the item has, so each case starts from one label it sets itself. */
async function onlyLabel(categoryId: string) {
  v.core.vault().db.prepare('DELETE FROM item_categories WHERE item_id = ?').run(itemId);
  await v.call('hashlists:label', { itemId, categoryId });
}

beforeAll(async () => {
  v = await seededVault({ cases: 1, itemsPerCase: 1 });
  itemId = v.cases[0]!.items[0]!.id;
});
afterAll(() => v.cleanup());
beforeEach(async () => {
  await v.call('hashlists:set-schemes', { schemes: ['custody', 'industry', 'vics-us'] });
});

describe('label suggestions', () => {
  it('suggests the exact counterpart (legacy CAT-1 is US 1)', async () => {
    await onlyLabel('dhs-cat:CAT1');
    expect(await suggest()).toEqual([
      expect.objectContaining({ from: 'dhs-cat:CAT1', to: 'vics-us:1', relation: 'exact' }),
    ]);
  });

  it('names a broader relation (every industry category is child safety and CAM)', async () => {
    await onlyLabel('industry:A2');
    const s = await suggest();
    expect(s.map((x) => [x.to, x.relation, x.condition])).toEqual([
      ['custody:child-safety', 'broader', null],
      ['vics-us:1', 'broader', null],
    ]);
    expect(s[0]!.reason).toMatch(/CSAM/);
    expect(s[0]!.mappingVersion).toBe('1');
  });

  it('names a narrower relation with the condition it needs (US 1 to an industry category)', async () => {
    await onlyLabel('vics-us:1');
    const industry = (await suggest()).filter((x) => x.to.startsWith('industry:'));
    expect(industry.map((x) => [x.to, x.relation])).toEqual([
      ['industry:A1', 'narrower'],
      ['industry:B1', 'narrower'],
    ]);
    expect(industry[0]!.condition).toMatch(/age band/);
  });

  it('shows a conditional relation with its condition, only in a chosen scheme', async () => {
    await onlyLabel('industry:A1');
    expect((await suggest()).some((x) => x.to.startsWith('uk-sc2014:'))).toBe(false);
    await v.call('hashlists:set-schemes', { schemes: ['custody', 'uk-sc2014'] });
    expect(await suggest()).toEqual([
      expect.objectContaining({ to: 'custody:child-safety', relation: 'broader' }),
      expect.objectContaining({
        to: 'uk-sc2014:A',
        relation: 'related',
        condition: 'needs whether the act is penetrative',
      }),
    ]);
  });

  it('suggests nothing where the mapping has no relation (CAT-0 meant uncategorised)', async () => {
    await onlyLabel('dhs-cat:CAT0');
    expect(await suggest()).toEqual([]);
    await onlyLabel('custody:harassment');
    expect(await suggest()).toEqual([]);
  });

  it('suggests nothing into a scheme the item already has a label in', async () => {
    await onlyLabel('industry:B2');
    await v.call('hashlists:label', { itemId, categoryId: 'vics-us:2' });
    expect((await suggest()).map((x) => x.to)).toEqual(['custody:child-safety']);
  });

  it('never applies a suggestion by itself; confirming one logs both labels and the relation', async () => {
    await onlyLabel('industry:B1');
    const before = allEntries(v.core.vault().db).length;
    const [first] = await suggest();
    await suggest();
    expect(await labels()).toEqual(['industry:B1']);
    expect(allEntries(v.core.vault().db)).toHaveLength(before);

    await v.call('hashlists:label', { itemId, categoryId: first!.to, from: first!.from });
    expect(await labels()).toEqual(['custody:child-safety', 'industry:B1']);
    const logged = allEntries(v.core.vault().db).filter((e) => e.action === 'item.labelled');
    expect(logged.at(-1)).toMatchObject({
      itemId,
      details: {
        category: 'custody:child-safety',
        mappedFrom: 'industry:B1',
        relation: 'broader',
        mappingVersion: '1',
      },
    });
    expect(logged.at(-2)).toMatchObject({ itemId, details: { category: 'industry:B1' } });
  });

  it('refuses an unknown item', async () => {
    await expect(v.call('hashlists:suggest', { itemId: 'i_aaaaaaaaaaaaaaaa' })).rejects.toThrow(
      /NOT_FOUND/,
    );
  });
});
