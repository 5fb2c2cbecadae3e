// @vitest-environment happy-dom
// The save dialog through the store: a chosen path, a cancel, and a surface without a dialog.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeCustody, Refusal } from '../../../tests/helpers/fake-custody.ts';
import { resetAllStores } from '../../base/store.ts';
import { usePackets } from './packets.store.ts';

beforeEach(() => resetAllStores());

describe('packets store: pickOut', () => {
  it('asks with the suggested name and returns the chosen path, or null when cancelled', async () => {
    const core = fakeCustody({ 'packets:pick-out': () => ({ path: '/home/ana/out/p.zip' }) });
    expect(await usePackets.getState().pickOut('custody-packet.zip')).toEqual({
      ok: true,
      value: '/home/ana/out/p.zip',
    });
    expect(core.calls).toEqual([
      { channel: 'packets:pick-out', args: { suggestedName: 'custody-packet.zip' } },
    ]);
    core.answer('packets:pick-out', () => ({ path: null }));
    expect(await usePackets.getState().pickOut('custody-packet.zip')).toEqual({
      ok: true,
      value: null,
    });
  });

  it('passes on UNSUPPORTED where there is no dialog', async () => {
    fakeCustody({
      'packets:pick-out': () => {
        throw new Refusal('UNSUPPORTED', 'There is no save dialog here; type a path instead.');
      },
    });
    const outcome = await usePackets.getState().pickOut('custody-packet.zip');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('UNSUPPORTED');
  });
});
