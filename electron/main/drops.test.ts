// The preload's drop message: only a list of absolute paths becomes handles, and only while
// unlocked; the handles then ingest through the dispatcher like the picker's.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { CustodyCore } from '../core/core.ts';
import { grantDropped } from './drops.ts';
import { freshCore, PASSPHRASE } from '../../tests/helpers/vault.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
const grant = (paths: readonly string[]) => core.grantEvidence(paths);

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
});
afterAll(() => cleanup());

describe('dropped files', () => {
  it('grants one evidence handle per dropped path', () => {
    const dropped = [join('/home', 'ana', 'Desktop', 'چت.png'), '/media/usb/DCIM'];
    const r = grantDropped(grant, dropped);
    expect(r.ok && r.value.files.map((f) => [f.name, f.path])).toEqual([
      ['چت.png', dropped[0]],
      ['DCIM', '/media/usb/DCIM'],
    ]);
    if (r.ok) expect(core.paths.take(r.value.files[1]?.handle ?? '', 'evidence')).toBe(dropped[1]);
  });

  it('refuses anything but a list of absolute paths', () => {
    for (const bad of [undefined, '/etc', [], ['relative/x.png'], [42], ['']]) {
      expect(grantDropped(grant, bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('refuses while the vault is locked', async () => {
    core.lock('user');
    expect(grantDropped(grant, ['/home/ana/x.png'])).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    await core.unlock(PASSPHRASE);
  });
});
