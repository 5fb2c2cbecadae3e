// The main window, and the guards every webContents gets (checklist 11-14: no navigation away,
// no new windows, no <webview>).
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { isAllowedNavigation, webPreferences, type AppPolicy } from './security.ts';
import { errorName, log } from './log.ts';

/** Calm and dark, so the frame before the first paint does not flash. */
const BACKGROUND = '#111418';

export function createMainWindow(preload: string, policy: AppPolicy): BrowserWindow {
  const options: BrowserWindowConstructorOptions = {
    title: 'Custody',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: BACKGROUND,
    webPreferences: webPreferences(preload, policy),
  };
  // The webPreferences come whole from security.ts (asserted by security.test.ts); a scanner that
  // reads only this file cannot see them: build/electronegativity-allow.json.
  const win = new BrowserWindow(options);
  setContentProtection(win, true);
  win.once('ready-to-show', () => win.show());
  win.loadURL(policy.entryUrl).catch((error: unknown) => {
    log.error('window.load-failed', { error: errorName(error) });
  });
  return win;
}

/**
 * Keeps the window out of screenshots and screen shares on macOS and Windows (a deterrent, not a
 * guarantee). On Linux this does nothing; security.ts's contentProtectionAvailable tells the UI.
 */
export function setContentProtection(win: BrowserWindow, enabled: boolean): void {
  win.setContentProtection(enabled);
}

/** For every webContents the app ever creates (app 'web-contents-created'). */
export function guardWebContents(contents: WebContents, policy: AppPolicy): void {
  const refuse = (event: { preventDefault(): void }, url: string): void => {
    if (isAllowedNavigation(url, policy)) return;
    event.preventDefault();
    log.warn('navigation.blocked');
  };
  contents.on('will-navigate', (event) => refuse(event, event.url));
  contents.on('will-frame-navigate', (event) => refuse(event, event.url));
  contents.on('will-redirect', (event) => refuse(event, event.url));
  contents.setWindowOpenHandler(() => {
    log.warn('window-open.blocked');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview.blocked');
  });
}
