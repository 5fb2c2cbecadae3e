// Custody's main process: lifecycle only. The policy is in security.ts; each concern has a module.
import { join, resolve } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, session, utilityProcess } from 'electron';
import {
  evidenceDialog,
  hashListDialog,
  packetSaveDialog,
  verifyDialog,
  xsdDialog,
} from './dialogs.ts';
import { printToPdf } from './print-pdf.ts';
import { CustodyCore } from '../core/core.ts';
import { isCustodyError } from '../core/errors.ts';
import { defaultVaultDir } from '../core/paths.ts';
import { createPreviewHandler } from '../core/preview/preview-handler.ts';
import { createDispatcher } from '../ipc/dispatch.ts';
import { handlers } from '../ipc/handlers/index.ts';
import { appPolicy, contentSecurityPolicy, SESSION_PARTITION } from './security.ts';
import { applyCommandLineSwitches, hardenSession } from './session.ts';
import { bindProtocols, registerPrivilegedSchemes } from './protocol.ts';
import { bindIpc } from './ipc.ts';
import { forwardCoreEvents } from './core-events.ts';
import { UtilityDecodePool } from './decode-host.ts';
import { startAutoLock } from './lock.ts';
import { idleMinutesFrom } from './lock-policy.ts';
import { createMainWindow, guardWebContents, setContentProtection } from './windows.ts';
import { installMenu } from './menu.ts';
import { languageFor, mainIntl, switchMainLanguage } from './main-intl.ts';
import { dialogTitles } from './dialog-titles.ts';
import { vaultArgument } from './args.ts';
import { errorName, log } from './log.ts';

const policy = appPolicy(app.isPackaged, process.env['ELECTRON_RENDERER_URL']);
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererDir = join(import.meta.dirname, '../renderer');
/** The decode worker's bundle (electron.vite.config.ts), beside this one. */
const decodeWorkerPath = join(import.meta.dirname, 'decode-worker.js');
let mainWindow: BrowserWindow | null = null;

// A core error thrown outside an IPC call (a timer, a stray promise) is logged and the app stays
// up: Electron's default would show a raw stack in a dialog, or take the vault's holder down.
const onStray = (error: unknown): void => log.error('main.uncaught', { error: errorName(error) });
process.on('uncaughtException', onStray);
process.on('unhandledRejection', onStray);

// Before `ready`: Chromium reads these once. The crash reporter is never started (no dumps).
registerPrivilegedSchemes();
applyCommandLineSwitches(app.commandLine, policy);
app.enableSandbox();

async function start(): Promise<void> {
  const ses = session.fromPartition(SESSION_PARTITION);
  await Promise.all([hardenSession(ses, policy), hardenSession(session.defaultSession, policy)]);

  const vaultDir = resolve(vaultArgument(process.argv) ?? defaultVaultDir());
  const systemLanguages = app.getPreferredSystemLanguages();
  const core = new CustodyCore(vaultDir, {
    // Made on the first ingest; fork is only allowed after 'ready', which has passed by then.
    decoder: () =>
      new UtilityDecodePool({
        fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
        workerPath: decodeWorkerPath,
      }),
    surface: 'app',
    renderPdf: printToPdf,
    pickEvidence: evidenceDialog,
    pickPacketTarget: packetSaveDialog,
    pickVerifyFile: verifyDialog,
    pickHashList: hashListDialog,
    pickXsd: xsdDialog,
    // Videos hashed a frame a second (vPDQ) while unlocked and the machine idle.
    backgroundHashing: {},
  });
  // One instance per user and one writer per vault: the app holds the vault's write lock for its
  // whole life, so a `custody` run against it is refused, naming the app (vault-lock.ts).
  switchMainLanguage(languageFor(await core.settings.lastLanguage(), systemLanguages));
  try {
    await core.holdVault();
  } catch (error) {
    if (isCustodyError(error) && error.code === 'VAULT_BUSY') {
      dialog.showErrorBox(dialogTitles(mainIntl()).vaultBusy, error.message);
    }
    throw error;
  }
  // guardPreviews (protocol.ts) lets only preview GETs reach it; its headers are its own.
  const previews = createPreviewHandler(core);
  bindProtocols(ses, { rendererDir, csp: contentSecurityPolicy(policy), previews });
  const dispatch = createDispatcher(core, handlers, (channel, error) => {
    log.error('ipc.internal-error', { channel, error: errorName(error) });
  });
  const mainWebContents = () =>
    mainWindow?.isDestroyed() === false ? mainWindow.webContents : null;
  bindIpc(dispatch, mainWebContents, policy, (paths) => core.grantEvidence(paths));
  forwardCoreEvents(core, mainWebContents);

  const idleMinutes = idleMinutesFrom(process.env['CUSTODY_IDLE_LOCK_MINUTES']);
  const autoLock = startAutoLock(core, () => mainWindow, idleMinutes);
  const menu = () => installMenu({ lock: () => autoLock.lock('user') }, policy.devTools);
  menu();
  // The reviewer's settings live in the vault: applied on unlock and on every change.
  core.events.on('settings:changed', (settings) => {
    if (switchMainLanguage(languageFor(settings.language, systemLanguages))) menu();
    autoLock.setIdleMinutes(settings.autoLockMinutes);
    if (mainWindow && !mainWindow.isDestroyed())
      setContentProtection(mainWindow, settings.contentProtection);
  });
  app.on('before-quit', () => {
    autoLock.stop();
    // Locks ('shutdown') at once, then stops the decoder processes.
    void core.close();
  });

  mainWindow = createMainWindow(preloadPath, policy);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  log.info('app.started', { idleMinutes, packaged: app.isPackaged });
}

if (!app.requestSingleInstanceLock()) {
  // One instance per user: a second one would open the same vault twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy));
  // Quitting on the last window everywhere, macOS too: an unlocked vault with no window is a risk.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('app.start-failed', { error: errorName(error) });
      app.exit(1);
    });
}
