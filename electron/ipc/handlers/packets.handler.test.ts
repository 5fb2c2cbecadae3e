// The packet channels through the dispatcher, as the app and the harness call them (the dialogs
// scripted; paths go by handle: path-handles.dispatch.test.ts).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { CustodyCore } from '../../core/core.ts';
import { createCase } from '../../core/cases/case.service.ts';
import { startIngest } from '../../core/ingest/ingest.service.ts';
import { createDispatcher, type Dispatch } from '../dispatch.ts';
import { handlers } from './index.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';

let core: CustodyCore;
let dir: string;
let cleanup: () => Promise<void>;
let dispatch: Dispatch;
let caseId: string;
let chosen = '';

beforeAll(async () => {
  ({ core, dir, cleanup } = await freshCore({
    pickPacketTarget: () => Promise.resolve(chosen),
    pickVerifyFile: () => Promise.resolve(chosen),
  }));
  dispatch = createDispatcher(core, handlers);
  caseId = createCase(core.vault(), { title: 'IPC', kind: 'other' }).id;
  await startIngest(
    core.vault(),
    core.decoder(),
    caseId,
    [join(FIXTURES, 'pngsuite', 'basn2c08.png')],
    () => {},
  ).finished;
});
afterAll(() => cleanup());

async function handleFrom(channel: string, args: unknown, field: string): Promise<string> {
  const r = await dispatch(channel, args);
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as Record<string, { handle: string }>)[field]?.handle ?? '';
}

describe('packet channels', () => {
  it('builds a packet that packets:verify finds valid and pinned to key:show', async () => {
    const key = await dispatch('key:show', {});
    expect(key).toMatchObject({ ok: true, value: { algorithm: 'Ed25519' } });
    const fingerprint = key.ok ? (key.value as { fingerprint: string }).fingerprint : '';
    chosen = join(dir, 'ipc.zip');
    const out = await handleFrom('packets:pick-out', { suggestedName: 'ipc.zip' }, 'target');
    const built = await dispatch('packets:build', { caseId, out, reference: 'R-1' });
    expect(built).toMatchObject({ ok: true, value: { items: 1, fingerprint } });
    const packet = await handleFrom('packets:pick-verify', { what: 'packet' }, 'file');
    const verdict = await dispatch('packets:verify', { packet, key: fingerprint });
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
    chosen = join(dir, 'absent.zip');
    const packet = await handleFrom('packets:pick-verify', { what: 'packet' }, 'file');
    const r = await dispatch('packets:verify', { packet });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
