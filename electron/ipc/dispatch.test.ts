import { describe, it, expect, vi, afterEach } from 'vitest';
import { createDispatcher, type Handlers } from './dispatch.ts';
import { handlers } from './handlers/index.ts';
import { freshCore } from '../../tests/helpers/vault.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Every handler replaced by a spy, to prove which messages reach none of them. */
function spiedHandlers(): { spies: Handlers; called: () => number } {
  const spies = Object.fromEntries(
    Object.keys(handlers).map((k) => [k, vi.fn(() => Promise.reject(new Error('handler ran')))]),
  ) as unknown as Handlers;
  return {
    spies,
    called: () =>
      Object.values(spies).reduce(
        (n, f) => n + (f as ReturnType<typeof vi.fn>).mock.calls.length,
        0,
      ),
  };
}

describe('dispatcher', () => {
  it('rejects unknown channels and malformed arguments before any handler runs', async () => {
    const { core, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const { spies, called } = spiedHandlers();
    const dispatch = createDispatcher(core, spies);
    const refused: [unknown, unknown, string][] = [
      ['vault:explode', {}, 'UNKNOWN_CHANNEL'],
      ['__proto__', {}, 'UNKNOWN_CHANNEL'],
      ['toString', {}, 'UNKNOWN_CHANNEL'],
      [42, {}, 'UNKNOWN_CHANNEL'],
      ['vault:unlock', {}, 'BAD_REQUEST'],
      ['vault:unlock', { passphrase: 7 }, 'BAD_REQUEST'],
      ['vault:unlock', { passphrase: '' }, 'BAD_REQUEST'],
      ['vault:unlock', 'a string', 'BAD_REQUEST'],
      ['vault:unlock', [1, 2], 'BAD_REQUEST'],
      ['vault:unlock', { passphrase: 'x', extra: true }, 'BAD_REQUEST'],
      ['cases:get', { id: '../../etc/passwd' }, 'BAD_REQUEST'],
      ['cases:create', { title: 'x', kind: 'not-a-kind' }, 'BAD_REQUEST'],
      ['cases:create', { title: '   ', kind: 'other' }, 'BAD_REQUEST'],
      ['cases:create', { title: 'x'.repeat(301), kind: 'other' }, 'BAD_REQUEST'],
      ['cases:update', { id: 'c_aaaaaaaaaaaaaaaa', emergency: 'yes' }, 'BAD_REQUEST'],
      ['cases:list', { anything: 1 }, 'BAD_REQUEST'],
    ];
    for (const [channel, args, code] of refused) {
      const r = await dispatch(channel, args);
      expect(r, `${String(channel)} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    expect(called()).toBe(0);
  });

  it('carries typed errors and never internal details', async () => {
    const { core, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const boom = new Error('secret path /home/user/evidence/photo.jpg');
    const onInternal = vi.fn();
    const dispatch = createDispatcher(
      core,
      { ...handlers, 'cases:list': () => Promise.reject(boom) },
      onInternal,
    );
    expect(await dispatch('cases:get', { id: 'c_aaaaaaaaaaaaaaaa' })).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'No case with id c_aaaaaaaaaaaaaaaa.',
        // What the renderer says it from in the reviewer's language.
        params: { what: 'case', id: 'c_aaaaaaaaaaaaaaaa' },
      },
    });
    expect(
      await dispatch('reveal:set', { itemId: 'i_aaaaaaaaaaaaaaaa', step: 'plain' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(core.reveal.current()).toBeNull();
    const r = await dispatch('cases:list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(r)).not.toContain('photo.jpg');
    expect(onInternal).toHaveBeenCalledWith('cases:list', boom);
  });

  it('checks responses against the contract too', async () => {
    const { core, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const bad = { ...handlers, 'cases:list': () => [{ id: 'not an id' }] } as unknown as Handlers;
    expect(await createDispatcher(core, bad)('cases:list', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('answers VAULT_LOCKED once locked', async () => {
    const { core, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const dispatch = createDispatcher(core, handlers);
    expect(await dispatch('cases:list', {})).toEqual({ ok: true, value: [] });
    expect(await dispatch('vault:lock', {})).toEqual({ ok: true, value: { state: 'locked' } });
    expect(await dispatch('cases:list', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
  });
});
