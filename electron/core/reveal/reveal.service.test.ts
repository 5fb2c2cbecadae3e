// Expiry belongs to the core: its own timer veils the item, logs how long it was unveiled and tells
// every listener, with no page asking. Fake timers stand in for the clock.
import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { join } from 'node:path';
import type { CustodyCore } from '../core.ts';
import { createCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { allEntries } from '../custody/custody-log.ts';
import { writeSettings } from '../settings/settings.service.ts';
import { freshCore, PASSPHRASE } from '../../../tests/helpers/vault.ts';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';
import type { EventPayload } from '../../../shared/contract/index.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let image: string;

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  const caseId = createCase(core.vault(), { title: 'Expiry', kind: 'other' }).id;
  const [a] = await startIngest(
    core.vault(),
    core.decoder(),
    caseId,
    [join(FIXTURES, 'pngsuite', 'basn2c08.png')],
    () => {},
  ).finished;
  image = a?.item?.id ?? '';
  writeSettings(core.vault(), { revealSeconds: 7 });
});
afterEach(() => {
  vi.useRealTimers();
  core.events.removeAllListeners('reveal:veiled');
});
afterAll(() => cleanup());

describe('reveal expiry', () => {
  it("veils at the vault's duration: writes item.veiled and emits 'reveal:veiled'", () => {
    vi.useFakeTimers();
    const heard: EventPayload<'reveal:veiled'>[] = [];
    core.events.on('reveal:veiled', (v) => heard.push(v));
    const t0 = Date.now();
    expect(core.reveal.set(image, 'outline')).toEqual({
      itemId: image,
      step: 'outline',
      until: t0 + 7_000,
    });
    vi.advanceTimersByTime(6_999);
    expect(heard).toEqual([]);
    expect(core.reveal.allows(image, 'outline')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual([{ itemId: image, highest: 'outline', durationMs: 7_000 }]);
    expect(core.reveal.current()).toBeNull();
    const last = allEntries(core.vault().db).at(-1);
    expect(last).toMatchObject({
      action: 'item.veiled',
      itemId: image,
      details: { highest: 'outline', seconds: 7 },
    });
  });

  it('restarts the duration at each step and logs the highest step reached', () => {
    vi.useFakeTimers();
    const heard: EventPayload<'reveal:veiled'>[] = [];
    core.events.on('reveal:veiled', (v) => heard.push(v));
    core.reveal.set(image, 'outline');
    vi.advanceTimersByTime(5_000);
    core.reveal.set(image, 'grey');
    vi.advanceTimersByTime(5_000);
    expect(heard).toEqual([]);
    core.reveal.set(image, 'outline');
    vi.advanceTimersByTime(7_000);
    expect(heard).toEqual([{ itemId: image, highest: 'grey', durationMs: 17_000 }]);
  });

  it('veils when the vault locks, and logs it before the keys go', async () => {
    const heard: string[] = [];
    core.events.on('reveal:veiled', (v) => heard.push(v.itemId));
    core.reveal.set(image, 'outline');
    core.lock();
    expect(heard).toEqual([image]);
    await core.unlock(PASSPHRASE);
    const actions = allEntries(core.vault().db).map((e) => e.action);
    expect(actions.slice(-4)).toEqual([
      'item.unveiled',
      'item.veiled',
      'vault.locked',
      'vault.unlocked',
    ]);
  });
});
