// The one ipcMain.handle of the app (STYLE calls it electron/ipc/register.ts; it lives here because
// only electron/main imports electron). It checks who is asking, then hands over to the dispatcher,
// which validates the channel and both directions of the message against shared/contract.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_PREFIX, IPC_INVOKE } from '../../shared/contract/client.ts';
import {
  events,
  type EventName,
  type EventPayload,
  type IpcResult,
} from '../../shared/contract/index.ts';
import type { Dispatch } from '../ipc/dispatch.ts';
import type { CustodyCore } from '../core/core.ts';
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

/** Pushes a contract event to the window; the payload is checked against its schema first. */
export function sendEvent<E extends EventName>(
  contents: WebContents,
  name: E,
  payload: EventPayload<E>,
): void {
  const checked = events[name].parse(payload);
  if (!contents.isDestroyed()) contents.send(`${IPC_EVENT_PREFIX}${name}`, checked);
}

/**
 * Core events the renderer hears, each mapped to its contract event. Returns the unsubscription.
 * Bound before the auto-lock, so 'vault:locked' reaches the page before the lock reloads it.
 */
export function forwardCoreEvents(
  core: CustodyCore,
  mainWebContents: () => WebContents | null,
): () => void {
  const onLocked = (reason: EventPayload<'vault:locked'>['reason']): void => {
    const contents = mainWebContents();
    if (contents) sendEvent(contents, 'vault:locked', { reason });
  };
  const onProgress = (progress: EventPayload<'ingest:progress'>): void => {
    const contents = mainWebContents();
    if (contents) sendEvent(contents, 'ingest:progress', progress);
  };
  core.events.on('locked', onLocked);
  core.events.on('ingest:progress', onProgress);
  return () => {
    core.events.off('locked', onLocked);
    core.events.off('ingest:progress', onProgress);
  };
}
