// The real app in the real Electron, driven by Playwright's _electron: create a vault through the
// UI, lock it with the shortcut, and probe the renderer's walls from inside the page.
// Needs the Electron binary; where there is none (an offline machine) it is skipped, saying why.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CustodyClient } from '../../shared/contract/client.ts';
import { findElectronBinary, howToGetElectron } from '../../scripts/electron-binary.ts';
import { buildApp, repoRoot } from './build.ts';
import { runCustody } from '../helpers/cli.ts';

const binary = findElectronBinary();
if (!binary) {
  console.warn(
    `Skipping tests/electron/app.e2e.test.ts: ${howToGetElectron().split('\n')[0] ?? 'no Electron binary.'}`,
  );
}

const APP_URL = 'app://custody/index.html';
const PASSPHRASE = 'correct horse battery staple';
const shotsDir = join(repoRoot, 'test-results', 'electron');

/** What page functions see; typed here because the Node tsconfig has no DOM. */
interface PageGlobals {
  custody: CustodyClient;
  location: { href: string };
  open(url: string): unknown;
  require?: unknown;
  process?: unknown;
  unlockedSessionMarker?: boolean;
  navigator: { permissions: { query(d: { name: string }): Promise<{ state: string }> } };
}
/** The client as a forged call sees it: any name, any arguments. */
interface LooseClient {
  invoke(channel: string, args: unknown): Promise<{ ok: boolean; error?: { code: string } }>;
}
/** What main-process functions stash between two evaluate calls. */
interface MainGlobals {
  navigationRefused?: Promise<boolean>;
}

describe.skipIf(!binary)('Custody in Electron', () => {
  let vaultParent: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    buildApp();
    await mkdir(shotsDir, { recursive: true });
  });

  beforeEach(async () => {
    vaultParent = await mkdtemp(join(tmpdir(), 'custody-e2e-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    delete env['ELECTRON_RENDERER_URL'];
    delete env['ELECTRON_RUN_AS_NODE'];
    env['CUSTODY_VAULT'] = join(vaultParent, 'vault');
    app = await _electron.launch({
      executablePath: binary ?? '',
      // The app directory (package.json main → out/main/index.js), and a throwaway Chromium
      // profile so the test never shares one (or the single-instance lock) with a real Custody.
      args: [repoRoot, `--user-data-dir=${join(vaultParent, 'profile')}`],
      cwd: repoRoot,
      env,
    });
    page = await app.firstWindow();
    await page.waitForURL(APP_URL);
  });

  afterEach(async () => {
    await app.close();
    await rm(vaultParent, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(shotsDir, `${name}.png`) });

  const vaultState = () =>
    page.evaluate(async () => {
      const result = await (globalThis as unknown as PageGlobals).custody.invoke(
        'vault:status',
        {},
      );
      return result.ok ? result.value.state : result.error.code;
    });

  it('creates a vault, then locks on CmdOrCtrl+L and shows the unlock screen', async () => {
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('reviewer-name').fill('Alice Night');
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await shot('01-create-vault');
    await page.getByTestId('create-vault').click();
    await page.getByTestId('create-vault').waitFor({ state: 'detached' });
    expect(await vaultState()).toBe('unlocked');
    await shot('02-unlocked');

    // A lock replaces the whole document: nothing of the unlocked session survives in the page.
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).unlockedSessionMarker = true;
    });
    const reloaded = page.waitForEvent('load');
    await page.keyboard.press('ControlOrMeta+KeyL');
    await reloaded;
    await page.getByTestId('unlock-screen').waitFor({ state: 'visible' });
    expect(await vaultState()).toBe('locked');
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).unlockedSessionMarker),
    ).toBeUndefined();
    await shot('03-locked');
  });

  it('holds the vault: a custody run against it is refused, naming the app', async () => {
    const run = await runCustody(['init', '--vault', join(vaultParent, 'vault'), '--json'], {
      CUSTODY_PASSPHRASE: PASSPHRASE,
    });
    expect(run.code, run.stderr).toBe(1);
    expect(run.json).toMatchObject({ error: { code: 'VAULT_BUSY' } });
    expect(run.stderr).toContain('in use by the Custody app (app, pid');
  });

  it('gives the page window.custody and nothing else: no Node, no network, no way out', async () => {
    const surface = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return {
        keys: Object.keys(g.custody).sort(),
        frozen: Object.isFrozen(g.custody),
        previewBase: g.custody.previewBase,
        require: typeof g.require,
        process: typeof g.process,
      };
    });
    expect(surface).toEqual({
      keys: ['dropFiles', 'invoke', 'on', 'previewBase'],
      frozen: true,
      previewBase: 'custody://preview/',
      require: 'undefined',
      process: 'undefined',
    });

    const unknownChannel = await page.evaluate(() => {
      const loose = (globalThis as unknown as PageGlobals).custody as unknown as LooseClient;
      return loose.invoke('shell:openExternal', { url: 'https://example.org' });
    });
    expect(unknownChannel).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    const fetches = await page.evaluate(() =>
      Promise.all(
        ['https://example.org/', 'http://127.0.0.1:9/'].map((url) =>
          fetch(url).then(
            () => 'loaded',
            () => 'failed',
          ),
        ),
      ),
    );
    expect(fetches).toEqual(['failed', 'failed']);

    // The CSP header is in force: no eval without 'unsafe-eval'.
    const evalResult = await page.evaluate(() => {
      try {
        const indirect = globalThis.eval;
        indirect('1');
        return 'ran';
      } catch {
        return 'blocked';
      }
    });
    expect(evalResult).toBe('blocked');

    expect(
      await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).open('https://example.org/'),
      ),
    ).toBeNull();

    const geolocation = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).navigator.permissions
        .query({ name: 'geolocation' })
        .then((status) => status.state),
    );
    expect(geolocation).toBe('denied');

    // Watch the main process's decision on the navigation, then ask the page to leave.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      (globalThis as MainGlobals).navigationRefused = new Promise<boolean>((settle) => {
        contents?.once('will-navigate', (event) => settle(event.defaultPrevented));
      });
    });
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.org/';
    });
    expect(await app.evaluate(() => (globalThis as MainGlobals).navigationRefused)).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).location.href)).toBe(
      APP_URL,
    );

    const sessionOnDisk = await app.evaluate(({ BrowserWindow }) => {
      const ses = BrowserWindow.getAllWindows()[0]?.webContents.session;
      return ses ? { persistent: ses.isPersistent(), storagePath: ses.storagePath } : null;
    });
    expect(sessionOnDisk).toEqual({ persistent: false, storagePath: null });
    await shot('04-walls');
  });
});
