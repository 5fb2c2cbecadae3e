// The packet channels through the dispatcher, as the app and the harness call them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { CustodyCore } from '../../core/core.ts';
import { createDispatcher, type Dispatch } from '../dispatch.ts';
import { handlers } from './index.ts';
import { seededVault } from '../../../tests/helpers/vault.ts';

let core: CustodyCore;
let dir: string;
let cleanup: () => Promise<void>;
let dispatch: Dispatch;
let caseId: string;

beforeAll(async () => {
  const seeded = await seededVault({ cases: 1, itemsPerCase: 1 });
  ({ core, dir, cleanup } = seeded);
  dispatch = createDispatcher(core, handlers);
  caseId = seeded.cases[0]?.id ?? '';
});
afterAll(() => cleanup());

describe('packet channels', () => {
  it('builds a packet that packets:verify finds valid and pinned to key:show', async () => {
    const key = await dispatch('key:show', {});
    expect(key).toMatchObject({ ok: true, value: { algorithm: 'Ed25519' } });
    const fingerprint = key.ok ? (key.value as { fingerprint: string }).fingerprint : '';
    const out = join(dir, 'ipc.zip');
    const built = await dispatch('packets:build', { caseId, out, reference: 'R-1' });
    expect(built).toMatchObject({ ok: true, value: { items: 1, fingerprint } });
    const verdict = await dispatch('packets:verify', { path: out, key: fingerprint });
    expect(verdict).toMatchObject({ ok: true, value: { valid: true, keyPinned: true } });
  });

  it('gives the custody history of a case or an item, and refuses both at once', async () => {
    const history = await dispatch('custody:history', { caseId });
    expect(history.ok && (history.value as { action: string }[]).map((e) => e.action)).toContain(
      'item.ingested',
    );
    const both = await dispatch('custody:history', { caseId, itemId: 'i_aaaaaaaaaaaaaaaa' });
    expect(both).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers a packet that is not there with a typed error', async () => {
    const r = await dispatch('packets:verify', { path: join(dir, 'absent.zip') });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
