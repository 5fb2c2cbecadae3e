// The app's ipcMain.handle (STYLE calls it electron/ipc/register.ts; it lives here because only
// electron/main imports electron). It checks who is asking, then hands over to the dispatcher,
// which validates the channel and both directions of the message against shared/contract; the
// preload's drop message goes to drops.ts under the same check. Events going the other way:
// core-events.ts.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_DROP, IPC_INVOKE } from '../../shared/contract/client.ts';
import type { PathGrant } from '../../shared/domain/path-grant.ts';
import { grantDropped } from './drops.ts';
import type { IpcResult } from '../../shared/contract/index.ts';
import type { Dispatch } from '../ipc/dispatch.ts';
import { isTrustedSender, type AppPolicy } from './security.ts';
import { log } from './log.ts';

const refused: IpcResult<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: 'Refused: the request did not come from the Custody window.',
  },
};

/**
 * Serves IPC_INVOKE and IPC_DROP for the window `mainWebContents()` names; returns the unbinding.
 * `grantEvidence` turns dropped paths into handles (the core's).
 */
export function bindIpc(
  dispatch: Dispatch,
  mainWebContents: () => WebContents | null,
  policy: AppPolicy,
  grantEvidence: (paths: readonly string[]) => PathGrant[],
): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    const sender = {
      webContentsId: event.sender.id,
      frameUrl: frame?.url ?? null,
      isMainFrame: frame !== null && frame.parent === null,
    };
    if (isTrustedSender(sender, mainWebContents()?.id ?? null, policy)) return true;
    log.warn('ipc.refused-sender');
    return false;
  };
  ipcMain.handle(
    IPC_INVOKE,
    async (
      event: IpcMainInvokeEvent,
      channel: unknown,
      args: unknown,
    ): Promise<IpcResult<unknown>> => (trusted(event) ? dispatch(channel, args) : refused),
  );
  ipcMain.handle(IPC_DROP, (event: IpcMainInvokeEvent, paths: unknown) =>
    trusted(event) ? grantDropped(grantEvidence, paths) : refused,
  );
  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    ipcMain.removeHandler(IPC_DROP);
  };
}
