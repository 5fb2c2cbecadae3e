// Main's own file dialogs: the only way, with drops, that paths reach the core from the window. The
// core turns what they return into handles (electron/core/paths/path-handles.ts).
import { app, BrowserWindow, dialog } from 'electron';
import type { VerifyPick } from '../core/core.ts';
import { packetDefaultPath } from './packet-default-path.ts';
import { mainIntl } from './main-intl.ts';
import { dialogTitles } from './dialog-titles.ts';

async function open(options: Electron.OpenDialogOptions): Promise<string[]> {
  const win = BrowserWindow.getFocusedWindow();
  const picked = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options);
  return picked.canceled ? [] : picked.filePaths;
}

export function evidenceDialog(): Promise<string[]> {
  return open({
    title: dialogTitles(mainIntl()).addEvidence,
    // macOS picks files and folders in one dialog; elsewhere this opens a file picker, and folders come by drag and drop.
    properties: ['openFile', 'openDirectory', 'multiSelections'],
  });
}

export async function packetSaveDialog(suggestedName: string): Promise<string | null> {
  const win = BrowserWindow.getFocusedWindow();
  const words = dialogTitles(mainIntl());
  const options: Electron.SaveDialogOptions = {
    title: words.savePacket,
    defaultPath: packetDefaultPath(app.getPath('documents'), suggestedName),
    filters: [{ name: words.packetFiles, extensions: ['zip', 'age'] }],
  };
  const picked = win
    ? await dialog.showSaveDialog(win, options)
    : await dialog.showSaveDialog(options);
  return picked.canceled || !picked.filePath ? null : picked.filePath;
}

export async function verifyDialog(what: VerifyPick): Promise<string | null> {
  const words = dialogTitles(mainIntl());
  const [path] = await open(
    what === 'packet'
      ? {
          title: words.verifyPacket,
          properties: ['openFile'],
          filters: [{ name: words.packetFiles, extensions: ['zip', 'age'] }],
        }
      : { title: words.ageIdentity, properties: ['openFile'] },
  );
  return path ?? null;
}

/** The open dialog for the reporting organisation's copy of NCMEC's XSD (never shipped with Custody). */
export async function xsdDialog(): Promise<string | null> {
  const [path] = await open({
    title: 'NCMEC CyberTipline XSD',
    properties: ['openFile'],
    filters: [{ name: 'XML Schema', extensions: ['xsd'] }],
  });
  return path ?? null;
}

/** The open dialog for a hash list file (any of the formats in docs/formats/hash-lists.md). */
export async function hashListDialog(): Promise<string | null> {
  const [path] = await open({ title: 'Import a hash list', properties: ['openFile'] });
  return path ?? null;
}
