import type {
  ChannelName,
  Request,
  Response,
  EventName,
  EventPayload,
  IpcResult,
} from './index.ts';

/**
 * What the preload exposes as `window.custody` (and the browser harness implements over loopback).
 * `invoke` never throws for a refused call: it resolves to the error envelope.
 */
export interface CustodyClient {
  invoke<C extends ChannelName>(channel: C, args: Request<C>): Promise<IpcResult<Response<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Base URL of preview images: 'custody://preview/' in the app, the harness's loopback URL in tests. */
  readonly previewBase: string;
  /** The path of a dropped file (Electron's webUtils); absent where drops carry no paths (the harness). */
  readonly pathForFile?: (file: File) => string;
}

/** Where the app serves previews (electron/main/protocol.ts binds the scheme). */
export const PREVIEW_BASE = 'custody://preview/';
export const IPC_INVOKE = 'custody:invoke';
export const IPC_EVENT_PREFIX = 'custody:event:';
