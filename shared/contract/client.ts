import type {
  ChannelName,
  Request,
  Response,
  EventName,
  EventPayload,
  IpcResult,
} from './index.ts';
import type { PathGrant } from '../domain/path-grant.ts';

/**
 * What the preload exposes as `window.custody` (and the browser harness implements over loopback).
 * `invoke` never throws for a refused call: it resolves to the error envelope.
 */
export interface CustodyClient {
  invoke<C extends ChannelName>(channel: C, args: Request<C>): Promise<IpcResult<Response<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Base URL of preview images: 'custody://preview/' in the app, the harness's loopback URL in tests. */
  readonly previewBase: string;
  /**
   * Hands files dropped on the window to main, which answers with their handles for ingest:start.
   * Only the preload can read a dropped file's path (Electron's webUtils), and a File the page made
   * itself has none, so the page cannot forge one. Absent where drops carry no paths (the harness).
   */
  readonly dropFiles?: (files: readonly File[]) => Promise<IpcResult<{ files: PathGrant[] }>>;
}

/** Where the app serves previews (electron/main/protocol.ts binds the scheme). */
export const PREVIEW_BASE = 'custody://preview/';
export const IPC_INVOKE = 'custody:invoke';
export const IPC_EVENT_PREFIX = 'custody:event:';
/** The preload's message carrying dropped files' paths; not a contract channel, so the page cannot send it. */
export const IPC_DROP = 'custody:drop';
