// The renderer's only door to main: one frozen `window.custody`, nothing else. Runs sandboxed and is
// bundled to CJS (out/preload/index.cjs), so it may import only `electron` and shared/.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  IPC_DROP,
  IPC_EVENT_PREFIX,
  IPC_INVOKE,
  PREVIEW_BASE,
  type CustodyClient,
} from '../../shared/contract/client.ts';
import { events, isChannelName, type IpcResult } from '../../shared/contract/index.ts';
import type { PathGrant } from '../../shared/domain/path-grant.ts';

function failure(code: 'UNKNOWN_CHANNEL' | 'INTERNAL', message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

const client: CustodyClient = {
  invoke(channel, args) {
    if (!isChannelName(channel)) {
      return Promise.resolve(failure('UNKNOWN_CHANNEL', 'Unknown channel.'));
    }
    // invoke never throws for the renderer: a dropped reply (e.g. during a reload) is an envelope too.
    return ipcRenderer
      .invoke(IPC_INVOKE, channel, args)
      .catch(() => failure('INTERNAL', 'The request did not reach the app.'));
  },
  on(event, listener) {
    if (!Object.hasOwn(events, event)) return () => {};
    const name = `${IPC_EVENT_PREFIX}${event}`;
    // Only the payload crosses: the IpcRendererEvent would hand the page ipcRenderer itself.
    const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]): void => {
      listener(payload);
    };
    ipcRenderer.on(name, forward);
    return () => {
      ipcRenderer.removeListener(name, forward);
    };
  },
  previewBase: PREVIEW_BASE,
  // Dropped Files' paths, which only the preload can read (Electron's webUtils), go straight to main
  // for handles; the page never holds a path it could send. A File the page built has no path.
  dropFiles(files) {
    const paths = [...files].map((f) => webUtils.getPathForFile(f)).filter((p) => p !== '');
    if (paths.length === 0) return Promise.resolve({ ok: true, value: { files: [] } });
    return (
      ipcRenderer.invoke(IPC_DROP, paths) as Promise<IpcResult<{ files: PathGrant[] }>>
    ).catch(() => failure('INTERNAL', 'The request did not reach the app.'));
  },
};

contextBridge.exposeInMainWorld('custody', Object.freeze(client));
