import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appPolicy,
  contentProtectionAvailable,
  contentSecurityPolicy,
  denyPermissionCheck,
  denyPermissionRequest,
  hostResolverRules,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  webPreferences,
  withContentSecurityPolicy,
} from './security.ts';

const packaged = appPolicy(true, undefined);
const unpackaged = appPolicy(false, undefined);
const dev = appPolicy(false, 'http://localhost:5173/');

describe('appPolicy', () => {
  it('loads the bundled renderer over app:// in a packaged build, whatever the environment says', () => {
    expect(appPolicy(true, 'http://localhost:5173/')).toEqual({
      devTools: false,
      devServer: null,
      entryUrl: 'app://custody/index.html',
    });
  });

  it('trusts a dev server only on loopback and only unpackaged', () => {
    expect(dev.devServer).toEqual({
      url: 'http://localhost:5173/',
      host: 'localhost:5173',
      hostname: 'localhost',
    });
    expect(dev.entryUrl).toBe('http://localhost:5173/');
    for (const url of [
      'https://localhost:5173/',
      'http://example.org/',
      'http://10.0.0.2:5173/',
      'file:///tmp/x',
    ]) {
      expect(appPolicy(false, url).devServer, url).toBeNull();
      expect(appPolicy(false, url).entryUrl).toBe(APP_ENTRY_URL);
    }
  });
});

describe('webPreferences', () => {
  it('is exactly the hardened set, with DevTools only in an unpackaged build', () => {
    const expected = {
      preload: '/app/out/preload/index.cjs',
      partition: 'custody',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      webgl: false,
      enableWebSQL: false,
      safeDialogs: true,
      autoplayPolicy: 'document-user-activation-required',
      devTools: false,
    };
    expect(webPreferences('/app/out/preload/index.cjs', packaged)).toStrictEqual(expected);
    expect(webPreferences('/app/out/preload/index.cjs', unpackaged)).toStrictEqual({
      ...expected,
      devTools: true,
    });
  });

  it('uses an in-memory partition (no persist: prefix) and never enables Blink features', () => {
    const prefs = webPreferences('/p.cjs', packaged);
    expect(prefs.partition?.startsWith('persist:')).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('session');
  });
});

describe('contentSecurityPolicy', () => {
  it('is the strict policy in a packaged build', () => {
    expect(contentSecurityPolicy(packaged)).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' custody:; media-src 'self' custody:; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'",
    );
  });

  it('has no unsafe-inline, unsafe-eval, blob:, data: or remote source outside the dev server', () => {
    for (const policy of [packaged, unpackaged]) {
      const csp = contentSecurityPolicy(policy);
      expect(csp).not.toMatch(/unsafe|blob:|data:|https?:|\*/);
    }
  });

  it('lets the dev server run inline scripts and its HMR socket, and nothing remote', () => {
    expect(contentSecurityPolicy(dev)).toBe(
      "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' custody:; media-src 'self' custody:; font-src 'self'; connect-src 'self' ws://localhost:5173; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('replaces whatever CSP a response brought, whatever its case', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      "default-src 'none'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'none'"],
    });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('hostResolverRules', () => {
  it('resolves no name at all in a packaged build', () => {
    expect(hostResolverRules(packaged)).toBe('MAP * ~NOTFOUND');
    expect(hostResolverRules(unpackaged)).toBe('MAP * ~NOTFOUND');
  });

  it('excepts only the loopback dev server', () => {
    expect(hostResolverRules(dev)).toBe('MAP * ~NOTFOUND, EXCLUDE localhost');
  });
});

describe('isAllowedRequest', () => {
  const allowed = [
    'app://custody/index.html',
    'app://custody/assets/index-abc123.js',
    'custody://preview/i_abcdefghijklmnop/grid/veiled',
  ];
  const refused = [
    'http://127.0.0.1/',
    'http://localhost:5173/',
    'https://example.org/',
    'http://example.org/',
    'ws://example.org/socket',
    'wss://example.org/socket',
    'ws://localhost:5173/',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://custody/4f1c',
    'ftp://example.org/',
    'app://evil/index.html',
    'app://custody.example.org/index.html',
    'app://user@custody/index.html',
    'custody://elsewhere/x',
    'custody://user:pw@preview/x',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    'not a url',
    '',
  ];

  it.each(allowed)('allows the app own URL %s', (url) => {
    expect(isAllowedRequest(url, packaged)).toBe(true);
  });

  it.each(refused)('refuses %s in a packaged build', (url) => {
    expect(isAllowedRequest(url, packaged)).toBe(false);
  });

  it('allows DevTools only in an unpackaged build', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', unpackaged)).toBe(true);
  });

  it('allows the dev server and its socket in development, still nothing else', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:8080/', dev)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAllowedRequest('https://example.org/', dev)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('stays within the app', () => {
    expect(isAllowedNavigation('app://custody/index.html', packaged)).toBe(true);
    expect(isAllowedNavigation('app://custody/index.html#/case/c_x', packaged)).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://127.0.0.1/',
    'file:///etc/passwd',
    'custody://preview/i_abcdefghijklmnop/screen/plain',
    'about:blank',
    'data:text/html,hi',
    'app://custody.attacker.example/index.html',
    'http://localhost:5173/',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, packaged)).toBe(false);
  });

  it('allows the dev server page only in development', () => {
    expect(isAllowedNavigation('http://localhost:5173/', dev)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const ours = { webContentsId: 7, frameUrl: 'app://custody/index.html', isMainFrame: true };

  it('serves our window main frame showing our page', () => {
    expect(isTrustedSender(ours, 7, packaged)).toBe(true);
  });

  it('refuses another window, a subframe, a gone frame, a foreign page, or no window', () => {
    expect(isTrustedSender({ ...ours, webContentsId: 8 }, 7, packaged)).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false }, 7, packaged)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: null }, 7, packaged)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'https://example.org/' }, 7, packaged)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'about:blank' }, 7, packaged)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'app://evil/index.html' }, 7, packaged)).toBe(
      false,
    );
    expect(isTrustedSender(ours, null, packaged)).toBe(false);
  });

  it('serves the dev server page only in development', () => {
    const devPage = { ...ours, frameUrl: 'http://localhost:5173/' };
    expect(isTrustedSender(devPage, 7, dev)).toBe(true);
    expect(isTrustedSender(devPage, 7, packaged)).toBe(false);
  });
});

// Electron 45's own list of permission names, read from its type declarations, so a permission
// added in an upgrade is covered without editing this test.
function electronPermissionNames(): string[] {
  const require = createRequire(import.meta.url);
  const dts = readFileSync(require.resolve('electron/electron.d.ts'), 'utf8');
  const line = dts.split('\n').find((l) => l.includes('setPermissionRequestHandler(handler'));
  const names = [...(line ?? '').matchAll(/'([a-z-]+|[a-zA-Z]+)'/g)].map((m) => m[1] ?? '');
  return [...new Set(names)];
}

describe('permissions', () => {
  const names = electronPermissionNames();

  it('knows Electron permission list', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'media',
        'geolocation',
        'clipboard-read',
        'notifications',
        'openExternal',
        'usb',
      ]),
    );
  });

  it.each(names)('denies a request for %s', (permission) => {
    const answers: boolean[] = [];
    denyPermissionRequest(null, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it('answers every permission check with no', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('contentProtectionAvailable', () => {
  it('exists on macOS and Windows, not on Linux', () => {
    expect(contentProtectionAvailable('darwin')).toBe(true);
    expect(contentProtectionAvailable('win32')).toBe(true);
    expect(contentProtectionAvailable('linux')).toBe(false);
  });
});
