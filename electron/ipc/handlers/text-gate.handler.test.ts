// The text gate is the core's rule, attacked through the real dispatcher as a compromised page
// would: a child-safety case's text is refused until a logged text reveal, served after it, counted
// as exposure while open and after it closes, and closed again by veil-all and by the lock.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CustodyCore } from '../../core/core.ts';
import { createCase } from '../../core/cases/case.service.ts';
import { startIngest } from '../../core/ingest/ingest.service.ts';
import { allEntries } from '../../core/custody/custody-log.ts';
import { createDispatcher, type Dispatch } from '../dispatch.ts';
import { handlers } from './index.ts';
import { PASSPHRASE, freshCore } from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';

const WORDS = 'Words that wound: a line a reviewer should choose to read.\n';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let dispatch: Dispatch;
let gated: string;
let unread: string;
let shown: string;

async function textItem(kind: 'child-safety' | 'threat-of-violence', dir: string, name: string) {
  const caseId = createCase(core.vault(), { title: kind, kind }).id;
  const file = join(dir, `${name}.txt`);
  await writeFile(file, WORDS);
  const [r] = await startIngest(core.vault(), core.decoder(), caseId, [file], () => {}).finished;
  expect(r?.item?.kind).toBe('text');
  return r?.item?.id ?? '';
}

const actions = (itemId: string) =>
  allEntries(core.vault().db)
    .filter((e) => e.itemId === itemId)
    .map((e) => e.action);
const refused: unknown = {
  ok: false,
  error: expect.objectContaining({ code: 'TEXT_GATED' }) as unknown,
};

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  dispatch = createDispatcher(core, handlers);
  const dir = await tempDir('custody-text-gate-');
  gated = await textItem('child-safety', dir.path, 'gated');
  unread = await textItem('child-safety', dir.path, 'unread');
  shown = await textItem('threat-of-violence', dir.path, 'shown');
  await dir.cleanup();
});
afterEach(() => dispatch('reveal:veil-all', {}));
afterAll(() => cleanup());

describe('the text gate', () => {
  it('serves a threat case’s text at once, with nothing logged', async () => {
    expect(await dispatch('items:text-gate', { itemId: shown })).toEqual({
      ok: true,
      value: { itemId: shown, gatedBy: null, open: true },
    });
    expect(await dispatch('items:text', { itemId: shown })).toMatchObject({
      ok: true,
      value: { text: WORDS },
    });
    expect(actions(shown)).not.toContain('item.text-revealed');
  });

  it('refuses a child-safety case’s text until a logged reveal, then serves it', async () => {
    expect(await dispatch('items:text', { itemId: gated })).toEqual(refused);
    // Another encoding is the same text by another route: refused too.
    expect(await dispatch('items:text', { itemId: gated, encoding: 'UTF-8' })).toEqual(refused);
    expect(await dispatch('items:text-gate', { itemId: gated })).toMatchObject({
      value: { gatedBy: 'child-safety', open: false },
    });
    expect(actions(gated)).not.toContain('item.text-revealed');

    expect(await dispatch('items:reveal-text', { itemId: gated })).toMatchObject({
      ok: true,
      value: { gatedBy: 'child-safety', open: true },
    });
    const revealed = allEntries(core.vault().db).filter(
      (e) => e.action === 'item.text-revealed' && e.itemId === gated,
    );
    expect(revealed).toHaveLength(1);
    expect(revealed[0]?.details).toEqual({ caseKind: 'child-safety' });
    expect(await dispatch('items:text', { itemId: gated })).toMatchObject({
      ok: true,
      value: { text: WORDS },
    });
  });

  it('counts the open text as exposure, and logs how long it was open when it closes', async () => {
    const before = core.reveal.exposure();
    await dispatch('items:reveal-text', { itemId: unread });
    const open = core.reveal.exposure();
    // The item open now counts among the items read this session, as an unveiled picture does.
    expect(open.sessionItems).toBe(before.sessionItems + 1);
    expect(await dispatch('reveal:veil-all', {})).toEqual({ ok: true, value: { veiled: true } });
    const closed = allEntries(core.vault().db).filter(
      (e) => e.action === 'item.text-closed' && e.itemId === unread,
    );
    expect(closed).toHaveLength(1);
    expect(typeof closed[0]?.details['seconds']).toBe('number');
    const after = core.reveal.exposure();
    expect(after.sessionItems).toBe(before.sessionItems + 1);
    // Read from the log: the seconds the close recorded, added to the session's.
    const seconds = closed[0]?.details['seconds'] as number;
    expect(after.sessionSeconds).toBeCloseTo(before.sessionSeconds + seconds, 6);
    // Closed: behind its step again.
    expect(await dispatch('items:text', { itemId: unread })).toEqual(refused);
  });

  it('follows the reviewer’s setting per case kind', async () => {
    const saved = core.settings.get().textGate;
    const textGate = { ...saved, 'child-safety': 'shown' as const };
    await dispatch('settings:set', { textGate });
    expect(await dispatch('items:text', { itemId: gated })).toMatchObject({ ok: true });
    await dispatch('settings:set', { textGate: { ...textGate, 'threat-of-violence': 'step' } });
    expect(await dispatch('items:text', { itemId: shown })).toEqual(refused);
    await dispatch('settings:set', { textGate: saved });
  });

  it('closes the open text when the vault locks, logged before the lock', async () => {
    await dispatch('items:reveal-text', { itemId: gated });
    core.lock();
    await core.unlock(PASSPHRASE);
    const tail = allEntries(core.vault().db).map((e) => e.action);
    const closedAt = tail.lastIndexOf('item.text-closed');
    expect(closedAt).toBeGreaterThan(tail.lastIndexOf('item.text-revealed'));
    expect(closedAt).toBeLessThan(tail.lastIndexOf('vault.locked'));
  });
});
