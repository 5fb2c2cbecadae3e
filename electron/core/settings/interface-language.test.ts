import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CustodyCore } from '../core.ts';
import { dispatcherCall, freshCore, type FreshCore } from '../../../tests/helpers/vault.ts';
import { INTERFACE_FILE } from './interface-language.ts';

let fresh: FreshCore | undefined;
afterEach(async () => {
  await fresh?.cleanup();
  fresh = undefined;
});

describe('the last interface language', () => {
  it('is kept beside vault.json and answered while the vault is locked', async () => {
    fresh = await freshCore();
    const call = dispatcherCall(fresh.core);
    expect(await call('settings:interface-language', {})).toEqual({ language: null });
    await call('settings:set', { language: 'ar' });
    expect(JSON.parse(await readFile(join(fresh.dir, INTERFACE_FILE), 'utf8'))).toEqual({
      language: 'ar',
    });

    // A new process that has not unlocked: the lock screen asks, and gets Arabic.
    const locked = new CustodyCore(fresh.dir);
    try {
      expect(await locked.state()).toBe('locked');
      expect(await dispatcherCall(locked)('settings:interface-language', {})).toEqual({
        language: 'ar',
      });
    } finally {
      await locked.close();
    }
  });

  it('stays in the vault settings too, so it follows the vault', async () => {
    fresh = await freshCore();
    const call = dispatcherCall(fresh.core);
    await call('settings:set', { language: 'ru', localCalendar: true });
    expect(await call('settings:get', {})).toMatchObject({ language: 'ru', localCalendar: true });
  });

  it('falls back to the OS language (null) when the file is damaged, without failing', async () => {
    fresh = await freshCore();
    await writeFile(join(fresh.dir, INTERFACE_FILE), '{"language":"klingon"');
    expect(await fresh.core.settings.lastLanguage()).toBeNull();
    await writeFile(join(fresh.dir, INTERFACE_FILE), '{"language":"klingon"}');
    expect(await fresh.core.settings.lastLanguage()).toBeNull();
  });

  it('refuses a language the interface does not speak', async () => {
    fresh = await freshCore();
    await expect(
      dispatcherCall(fresh.core)('settings:set', { language: 'de' as 'en' }),
    ).rejects.toThrow(/BAD_REQUEST/);
  });
});
