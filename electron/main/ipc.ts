// The one ipcMain.handle of the app (STYLE calls it electron/ipc/register.ts; it lives here because
// only electron/main imports electron). It checks who is asking, then hands over to the dispatcher,
// which validates the channel and both directions of the message against shared/contract. Events
// going the other way: core-events.ts.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_INVOKE } from '../../shared/contract/client.ts';
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

/** Serves IPC_INVOKE for the window `mainWebContents()` names; returns the unbinding. */
export function bindIpc(
  dispatch: Dispatch,
  mainWebContents: () => WebContents | null,
  policy: AppPolicy,
): () => void {
  ipcMain.handle(
    IPC_INVOKE,
    async (
      event: IpcMainInvokeEvent,
      channel: unknown,
      args: unknown,
    ): Promise<IpcResult<unknown>> => {
      const frame = event.senderFrame;
      const sender = {
        webContentsId: event.sender.id,
        frameUrl: frame?.url ?? null,
        isMainFrame: frame !== null && frame.parent === null,
      };
      if (!isTrustedSender(sender, mainWebContents()?.id ?? null, policy)) {
        log.warn('ipc.refused-sender');
        return refused;
      }
      return dispatch(channel, args);
    },
  );
  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
