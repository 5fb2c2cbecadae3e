// @vitest-environment happy-dom
// The screen may show only what the core has unveiled, and must fall back to veiled the moment
// the core, the clock, the window or a lock says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeCustody, Refusal } from '../../../tests/helpers/fake-custody.ts';
import { resetAllStores } from '../../base/store.ts';
import { listenForReveal, shownStep, useReveal } from './reveal.store.ts';

const ITEM = 'i_aaaaaaaaaaaaaaaa';
const OTHER = 'i_bbbbbbbbbbbbbbbb';
const now = () => Date.now();
let stop = () => {};

beforeEach(() => {
  vi.useFakeTimers();
  resetAllStores();
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

function coreThatGrants(step = 'outline', seconds = 10) {
  return fakeCustody({
    'reveal:set': (args: { itemId: string; step: string }) => ({
      itemId: args.itemId,
      step: args.step === 'veiled' ? 'veiled' : step,
      until: args.step === 'veiled' ? null : Date.now() + seconds * 1000,
    }),
    'reveal:veil-all': () => ({ veiled: true }),
    'exposure:get': () => null,
  });
}

describe('reveal store', () => {
  it('shows a step only after the core grants it, and only for that item', async () => {
    coreThatGrants('outline');
    const asking = useReveal.getState().unveil(ITEM, 'outline');
    expect(shownStep(useReveal.getState(), ITEM, now())).toBe('veiled');
    await asking;
    expect(shownStep(useReveal.getState(), ITEM, now())).toBe('outline');
    expect(shownStep(useReveal.getState(), OTHER, now())).toBe('veiled');
  });

  it('asks the core for one still of a video, and shows that still alone', async () => {
    const core = coreThatGrants('outline');
    await useReveal.getState().unveil(ITEM, 'outline', 'why', undefined, 2);
    expect(core.calls.find((c) => c.channel === 'reveal:set')?.args).toMatchObject({
      itemId: ITEM,
      step: 'outline',
      frame: 2,
    });
    expect(shownStep(useReveal.getState(), ITEM, now(), 2)).toBe('outline');
    expect(shownStep(useReveal.getState(), ITEM, now(), 1)).toBe('veiled');
    expect(shownStep(useReveal.getState(), ITEM, now())).toBe('veiled');
  });

  it('shows the step the core granted, not the one asked for', async () => {
    coreThatGrants('outline');
    await useReveal.getState().unveil(ITEM, 'plain');
    expect(useReveal.getState().step).toBe('outline');
  });

  it('stays veiled when the core refuses', async () => {
    fakeCustody({
      'reveal:set': () => {
        throw new Refusal('NOT_FOUND');
      },
      'exposure:get': () => null,
    });
    const outcome = await useReveal.getState().unveil(ITEM, 'outline');
    expect(outcome.ok).toBe(false);
    expect(shownStep(useReveal.getState(), ITEM, now())).toBe('veiled');
  });

  it('veils itself when the time runs out', async () => {
    coreThatGrants('outline', 3);
    await useReveal.getState().unveil(ITEM, 'outline');
    vi.advanceTimersByTime(2999);
    expect(useReveal.getState().step).toBe('outline');
    vi.advanceTimersByTime(1);
    expect(useReveal.getState().step).toBe('veiled');
  });

  it("veils on the core's 'reveal:veiled', but not for another item", async () => {
    const core = coreThatGrants();
    stop = listenForReveal();
    await useReveal.getState().unveil(ITEM, 'outline');
    core.emit('reveal:veiled', { itemId: OTHER, highest: 'plain', durationMs: 1 });
    expect(useReveal.getState().step).toBe('outline');
    core.emit('reveal:veiled', { itemId: ITEM, highest: 'outline', durationMs: 1 });
    expect(useReveal.getState().step).toBe('veiled');
  });

  it('veils the screen at once when the window loses focus, and tells the core', async () => {
    const core = coreThatGrants();
    stop = listenForReveal();
    await useReveal.getState().unveil(ITEM, 'outline');
    window.dispatchEvent(new Event('blur'));
    expect(useReveal.getState().step).toBe('veiled');
    await vi.runAllTimersAsync();
    expect(core.calls.map((c) => c.channel)).toContain('reveal:veil-all');
  });

  it('drops an unveiling answered after the screen was veiled again', async () => {
    let grant: (value: unknown) => void = () => {};
    fakeCustody({
      'reveal:set': () => new Promise((resolve) => (grant = resolve)),
      'reveal:veil-all': () => ({ veiled: true }),
      'exposure:get': () => null,
    });
    const asking = useReveal.getState().unveil(ITEM, 'outline');
    await useReveal.getState().veil();
    grant({ itemId: ITEM, step: 'outline', until: Date.now() + 10_000 });
    await asking;
    expect(shownStep(useReveal.getState(), ITEM, now())).toBe('veiled');
  });

  it('forgets everything on lock', async () => {
    coreThatGrants();
    await useReveal.getState().unveil(ITEM, 'outline');
    resetAllStores();
    expect(shownStep(useReveal.getState(), ITEM, now())).toBe('veiled');
    expect(useReveal.getState().itemId).toBeNull();
  });
});
