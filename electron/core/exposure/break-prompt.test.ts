// The break prompt's memory lives in the vault: dismissed once, it stays dismissed for the same
// day's exposure in any window and after reopening the vault, and comes back a threshold later.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshCore, PASSPHRASE } from '../../../tests/helpers/vault.ts';
import type { CustodyCore } from '../core.ts';
import { breakDue, dismissBreak, multiplesPassed } from './break-prompt.ts';

const noon = new Date(2026, 2, 3, 12, 0, 0);
let core: CustodyCore;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ core, cleanup } = await freshCore());
});
afterEach(() => cleanup());

describe('break prompt', () => {
  it('is due once today passes the threshold, not before', () => {
    expect(breakDue(core.vault(), 19 * 60 + 59, 20, noon)).toBe(false);
    expect(breakDue(core.vault(), 20 * 60, 20, noon)).toBe(true);
  });

  it('stays dismissed after the vault is locked and opened again', async () => {
    dismissBreak(core.vault(), 21 * 60, 20, noon);
    core.lock();
    await core.unlock(PASSPHRASE);
    expect(breakDue(core.vault(), 39 * 60, 20, noon)).toBe(false);
    expect(breakDue(core.vault(), 40 * 60, 20, noon)).toBe(true);
  });

  it('starts afresh on another day', () => {
    dismissBreak(core.vault(), 45 * 60, 20, noon);
    const tomorrow = new Date(2026, 2, 4, 9, 0, 0);
    expect(breakDue(core.vault(), 20 * 60, 20, tomorrow)).toBe(true);
  });

  it('counts whole thresholds', () => {
    expect(multiplesPassed(3599, 30)).toBe(1);
    expect(multiplesPassed(3600, 30)).toBe(2);
    expect(multiplesPassed(100, 0)).toBe(0);
  });
});
