// The renderer's security policy as plain data and pure predicates, so a test (and a reviewer) can
// read all of it without Electron. session.ts, protocol.ts, windows.ts and ipc.ts only bind these.
// No side effects at import; the electron import below is type-only and erased.
import type { WebPreferences } from 'electron';

/** The bundled renderer is served by a privileged `app` scheme instead of file:// (checklist 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'custody';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
/** Decrypted previews, served from memory (DESIGN §2). */
export const PREVIEW_SCHEME = 'custody';
export const PREVIEW_HOST = 'preview';
/** No `persist:` prefix: an in-memory session, so Chromium never writes a cache entry to disk. */
export const SESSION_PARTITION = 'custody';

/** The electron-vite dev server, trusted only in an unpackaged build and only on loopback. */
export interface DevServer {
  readonly url: string;
  /** host:port, as in `URL.host`. */
  readonly host: string;
  readonly hostname: string;
}

export interface AppPolicy {
  readonly devTools: boolean;
  readonly devServer: DevServer | null;
  /** What the main window loads. */
  readonly entryUrl: string;
}

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function appPolicy(packaged: boolean, rendererUrl: string | undefined): AppPolicy {
  const devServer = packaged ? null : parseDevServer(rendererUrl);
  return { devTools: !packaged, devServer, entryUrl: devServer?.url ?? APP_ENTRY_URL };
}

function parseDevServer(rendererUrl: string | undefined): DevServer | null {
  const url = parseUrl(rendererUrl ?? '');
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTNAMES.has(url.hostname)) return null;
  return { url: url.href, host: url.host, hostname: url.hostname };
}

function parseUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.username || url.password ? null : url;
  } catch {
    return null;
  }
}

export function webPreferences(preload: string, policy: AppPolicy): WebPreferences {
  return {
    preload,
    partition: SESSION_PARTITION,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Middle-click opening windows is a known bypass class; new windows are denied anyway.
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // The renderer never needs the GPU's largest attack surface.
    webgl: false,
    enableWebSQL: false,
    safeDialogs: true,
    // Evidence video must never start by itself: exposure is deliberate.
    autoplayPolicy: 'document-user-activation-required',
    devTools: policy.devTools,
  };
}

/**
 * The Content-Security-Policy header of every renderer document. No 'unsafe-inline' in production:
 * React sets styles through the CSSOM, which style-src does not govern, and Vite emits CSS files.
 * The dev server needs inline scripts and styles (React refresh preamble, injected <style>) and its
 * HMR websocket; that policy never applies to a packaged app.
 */
export function contentSecurityPolicy(policy: AppPolicy): string {
  const dev = policy.devServer;
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    ['style-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    ['img-src', "'self'", `${PREVIEW_SCHEME}:`],
    // Playback behind the reveal streams from the same scheme (core's media-stream.ts).
    ['media-src', "'self'", `${PREVIEW_SCHEME}:`],
    ['font-src', "'self'"],
    ...(dev ? [['connect-src', "'self'", `ws://${dev.host}`] as [string, ...string[]]] : []),
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Response headers with our CSP in place of any the response brought (a CSP header can only tighten). */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/**
 * Chromium's resolver answers NOTFOUND for every name, so even a request that slipped past the
 * webRequest filter (or a proxy auto-discovery lookup) cannot reach a network. The dev server's
 * loopback host is the only exception, and only in an unpackaged build.
 */
export function hostResolverRules(policy: AppPolicy): string {
  const dev = policy.devServer;
  return dev ? `MAP * ~NOTFOUND, EXCLUDE ${dev.hostname}` : 'MAP * ~NOTFOUND';
}

/** A document of ours: the bundled renderer, or the dev server in an unpackaged build. */
export function isAppPage(url: string, policy: AppPolicy): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  const dev = policy.devServer;
  return dev !== null && parsed.protocol === 'http:' && parsed.host === dev.host;
}

/** Every request of every renderer passes here: only the app's own protocols get through. */
export function isAllowedRequest(url: string, policy: AppPolicy): boolean {
  if (isAppPage(url, policy)) return true;
  const parsed = parseUrl(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case `${PREVIEW_SCHEME}:`:
      return parsed.host === PREVIEW_HOST;
    case 'devtools:':
      // The DevTools front-end loads from devtools://; it exists only in an unpackaged build.
      return policy.devTools;
    case 'ws:':
      return policy.devServer !== null && parsed.host === policy.devServer.host;
    default:
      return false;
  }
}

/** will-navigate, will-frame-navigate and will-redirect: the window never leaves the app. */
export function isAllowedNavigation(url: string, policy: AppPolicy): boolean {
  return isAppPage(url, policy);
}

/** Every permission (camera, clipboard, notifications, fullscreen, USB, ...) is refused. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

/** What ipc.ts learns about a message's sender from the IpcMainInvokeEvent. */
export interface SenderFacts {
  readonly webContentsId: number;
  /** The sending frame's URL; null when the frame is gone. */
  readonly frameUrl: string | null;
  readonly isMainFrame: boolean;
}

/** An IPC message is served only from our main window's main frame showing our own page. */
export function isTrustedSender(
  sender: SenderFacts,
  mainWebContentsId: number | null,
  policy: AppPolicy,
): boolean {
  return (
    mainWebContentsId !== null &&
    sender.webContentsId === mainWebContentsId &&
    sender.isMainFrame &&
    sender.frameUrl !== null &&
    isAppPage(sender.frameUrl, policy)
  );
}

/** Screen capture exclusion exists on macOS and Windows only; the UI says so on Linux. */
export function contentProtectionAvailable(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}
