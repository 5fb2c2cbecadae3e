// The reveal ladder is the core's rule: attack it through the real dispatcher, as a compromised
// page would, with the vault's settings asking for a reason and a 3-second reveal.
import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { join } from 'node:path';
import type { CustodyCore } from '../../core/core.ts';
import { createCase } from '../../core/cases/case.service.ts';
import { startIngest } from '../../core/ingest/ingest.service.ts';
import { allEntries } from '../../core/custody/custody-log.ts';
import { createDispatcher, type Dispatch } from '../dispatch.ts';
import { handlers } from './index.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';
import type { RevealBlock } from '../../../shared/domain/hashlist.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let dispatch: Dispatch;
let image: string;
let text: string;
const blocked = new Set<string>();
const BLOCK: RevealBlock = {
  kind: 'hash-list',
  matches: [{ listName: 'a list', hashType: 'md5' }],
};

beforeAll(async () => {
  ({ core, cleanup } = await freshCore({
    isBlocked: (_vault, itemId) => (blocked.has(itemId) ? BLOCK : null),
  }));
  dispatch = createDispatcher(core, handlers);
  const caseId = createCase(core.vault(), { title: 'Ladder', kind: 'other' }).id;
  const [a, b] = await startIngest(
    core.vault(),
    core.decoder(),
    caseId,
    [join(FIXTURES, 'pngsuite', 'basn2c08.png'), join(FIXTURES, 'pngsuite', 'PngSuite.README')],
    () => {},
  ).finished;
  image = a?.item?.id ?? '';
  text = b?.item?.id ?? '';
  expect([a?.item?.kind, b?.item?.kind]).toEqual(['image', 'text']);
  const set = await dispatch('settings:set', { reasonPrompt: true, revealSeconds: 3 });
  expect(set).toMatchObject({ ok: true, value: { reasonPrompt: true, revealSeconds: 3 } });
});
afterEach(async () => {
  vi.useRealTimers();
  await dispatch('reveal:veil-all', {});
});
afterAll(() => cleanup());

const reveal = (itemId: string, step: string, extra: object = {}) =>
  dispatch('reveal:set', { itemId, step, ...extra });
const refused = (code: string): unknown => ({
  ok: false,
  error: expect.objectContaining({ code }) as unknown,
});
const unveiledEntries = (itemId: string) =>
  allEntries(core.vault().db).filter((e) => e.action === 'item.unveiled' && e.itemId === itemId);

describe('reveal:set, the one gate', () => {
  it('refuses to skip rungs, to go without a reason, and to take its duration from the page', async () => {
    expect(await reveal(image, 'plain', { reason: 'check' })).toEqual(refused('REVEAL_SKIPS_RUNG'));
    expect(await reveal(image, 'grey', { reason: 'check' })).toEqual(refused('REVEAL_SKIPS_RUNG'));
    expect(await reveal(image, 'outline')).toEqual(refused('REASON_REQUIRED'));
    expect(await reveal(image, 'plain', { seconds: 300, reason: 'check' })).toEqual(
      refused('BAD_REQUEST'),
    );
    expect(core.reveal.current()).toBeNull();
    expect(unveiledEntries(image)).toEqual([]);
  });

  it('refuses a text item (no picture) every rung, and logs no unveiling', async () => {
    for (const step of ['outline', 'grey', 'plain'])
      expect(await reveal(text, step, { reason: 'check' })).toEqual(refused('NOT_REVEALABLE'));
    expect(unveiledEntries(text)).toEqual([]);
  });

  it('goes up one rung at a time for the vault’s seconds, a reason only at the first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.now();
    expect(await reveal(image, 'outline', { reason: 'is it the reported photo?' })).toEqual({
      ok: true,
      value: { itemId: image, step: 'outline', until: t0 + 3_000 },
    });
    expect(await reveal(image, 'plain')).toEqual(refused('REVEAL_SKIPS_RUNG'));
    expect(await reveal(image, 'grey')).toMatchObject({ ok: true, value: { step: 'grey' } });
    expect(await reveal(image, 'plain')).toMatchObject({ ok: true, value: { step: 'plain' } });
    expect(await reveal(image, 'outline')).toMatchObject({ ok: true, value: { step: 'outline' } });
    expect(unveiledEntries(image).map((e) => e.details)).toEqual([
      { step: 'outline', seconds: 3, reason: 'is it the reported photo?' },
      { step: 'grey', seconds: 3 },
      { step: 'plain', seconds: 3 },
      { step: 'outline', seconds: 3 },
    ]);
    // Past the vault's 3 seconds the item is veiled again: the next step up needs a reason again.
    vi.setSystemTime(t0 + 3_000 + 3_000);
    expect(core.reveal.allows(image, 'outline')).toBe(false);
    expect(await reveal(image, 'grey')).toEqual(refused('REVEAL_SKIPS_RUNG'));
  });

  it('skips greyscale only when the settings say it is not used', async () => {
    await dispatch('settings:set', { greyStep: false });
    try {
      expect(await reveal(image, 'outline', { reason: 'r' })).toMatchObject({ ok: true });
      expect(await reveal(image, 'grey')).toEqual(refused('REVEAL_SKIPS_RUNG'));
      expect(await reveal(image, 'plain')).toMatchObject({ ok: true, value: { step: 'plain' } });
    } finally {
      await dispatch('settings:set', { greyStep: true });
    }
  });

  it('refuses an item the block hook names, whatever the rung', async () => {
    const before = unveiledEntries(image).length;
    blocked.add(image);
    try {
      expect(await reveal(image, 'outline', { reason: 'r' })).toEqual(refused('REVEAL_BLOCKED'));
    } finally {
      blocked.delete(image);
    }
    expect(unveiledEntries(image).length).toBe(before);
    expect(core.reveal.current()).toBeNull();
  });
});
