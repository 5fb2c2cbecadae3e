// A case's "Last changed" follows the evidence work on it, in the work's own transaction.
import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { join } from 'node:path';
import type { CustodyCore } from '../core.ts';
import { createCase, getCase } from './case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { addNote, categorise, setSeverity, tagItems } from '../triage/triage.service.ts';
import { buildPacket } from '../packets/build.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { fixture } from '../../../tests/helpers/fixtures.ts';

let core: CustodyCore;
let dir: string;
let cleanup: () => Promise<void>;
let caseId: string;
let itemId: string;
const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const HOUR = 3_600_000;
let hour = 0;

/** Moves the clock an hour on and returns the ISO time work done now should leave. */
function later(): string {
  hour += 1;
  vi.setSystemTime(T0 + hour * HOUR);
  return new Date(T0 + hour * HOUR).toISOString();
}
const lastChanged = () => getCase(core.vault(), caseId).updatedAt;

beforeAll(async () => {
  ({ core, dir, cleanup } = await freshCore());
});
afterAll(() => cleanup());
afterEach(() => {
  vi.useRealTimers();
});

describe('case last changed', () => {
  it('moves on ingest, a second acquisition, triage, tags, notes and packets', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    caseId = createCase(core.vault(), { title: 'Activity', kind: 'harassment' }).id;
    expect(lastChanged()).toBe(new Date(T0).toISOString());

    let at = later();
    const png = fixture('pngsuite', 'basn0g08.png');
    const [first] = await startIngest(core.vault(), core.decoder(), caseId, [png], () => {})
      .finished;
    itemId = first?.item?.id ?? '';
    expect(lastChanged()).toBe(at);

    at = later();
    await startIngest(core.vault(), core.decoder(), caseId, [png], () => {}).finished;
    expect(lastChanged()).toBe(at);

    at = later();
    categorise(core.vault(), [itemId], 'harassment');
    expect(lastChanged()).toBe(at);

    at = later();
    setSeverity(core.vault(), [itemId], 3);
    expect(lastChanged()).toBe(at);

    at = later();
    tagItems(core.vault(), [itemId], 'профиль', true);
    expect(lastChanged()).toBe(at);

    at = later();
    addNote(core.vault(), itemId, 'یادداشت');
    expect(lastChanged()).toBe(at);

    at = later();
    await buildPacket(core.vault(), { caseId, out: join(dir, 'activity.zip') });
    expect(lastChanged()).toBe(at);
  });

  it('stays where it was when the work is refused and rolled back', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const before = lastChanged();
    later();
    expect(() => categorise(core.vault(), [itemId, 'i_absent'], 'doxxing')).toThrow(/i_absent/);
    expect(() => setSeverity(core.vault(), [itemId, 'i_absent'], 1)).toThrow(/i_absent/);
    expect(lastChanged()).toBe(before);
  });
});
