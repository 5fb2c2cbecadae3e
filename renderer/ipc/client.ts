// The only file that touches window.custody (the preload's client in the app, the harness's client
// in tests). Everything above it gets typed results or a ClientError, never an envelope.
import type {
  ChannelName,
  EventName,
  EventPayload,
  Request,
  Response,
} from '../../shared/contract/index.ts';
import type { CustodyClient } from '../../shared/contract/client.ts';
import type { ErrorCode, ErrorParams } from '../../shared/domain/error-codes.ts';
import type { PathGrant } from '../../shared/domain/path-grant.ts';

declare global {
  interface Window {
    readonly custody?: CustodyClient;
  }
}

export class ClientError extends Error {
  readonly code: ErrorCode;
  /** What the core's message is made of, so describeError can say it in the reviewer's language. */
  readonly params: ErrorParams | undefined;
  constructor(code: ErrorCode, message: string, params?: ErrorParams) {
    super(message);
    this.name = 'ClientError';
    this.code = code;
    this.params = params;
  }
}

export type LockedListener = (payload: EventPayload<'vault:locked'>) => void;

const lockedListeners = new Set<LockedListener>();
/** Counts successful unlocks, so a late refusal from before an unlock is not taken for a new lock. */
let unlockEpoch = 0;
let unsubscribeBridge: (() => void) | null = null;

function bridge(): CustodyClient {
  const custody = window.custody;
  if (!custody) throw new ClientError('INTERNAL', 'Custody cannot reach its core.');
  return custody;
}

export function isConnected(): boolean {
  return window.custody !== undefined;
}

/** Calls a channel. Resolves with its value, or rejects with a ClientError carrying a stable code. */
export async function invoke<C extends ChannelName>(
  channel: C,
  args: Request<C>,
): Promise<Response<C>> {
  const startedIn = unlockEpoch;
  let result;
  try {
    result = await bridge().invoke(channel, args);
  } catch (e) {
    if (e instanceof ClientError) throw e;
    throw new ClientError('INTERNAL', 'Custody cannot reach its core.');
  }
  if (result.ok) {
    if (channel === 'vault:unlock' || channel === 'vault:create') unlockEpoch++;
    return result.value;
  }
  // A call refused because the vault is locked means main locked it and we missed (or raced) the
  // event: handle it exactly like the event, so the screen never keeps showing case data. A refusal
  // of a call sent before the latest unlock speaks of the old session and is not a new lock.
  if (result.error.code === 'VAULT_LOCKED' && startedIn === unlockEpoch)
    emitLocked({ reason: 'system' });
  throw new ClientError(result.error.code, result.error.message, result.error.params);
}

function emitLocked(payload: EventPayload<'vault:locked'>): void {
  for (const listener of [...lockedListeners]) listener(payload);
}

/** Listens for the vault being locked, by main (idle, OS lock, shutdown) or by a refused call. */
export function onVaultLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  if (!unsubscribeBridge && window.custody) {
    unsubscribeBridge = window.custody.on('vault:locked', emitLocked);
  }
  return () => {
    lockedListeners.delete(listener);
    if (lockedListeners.size === 0 && unsubscribeBridge) {
      unsubscribeBridge();
      unsubscribeBridge = null;
    }
  };
}

/** Any other event main pushes. */
export function on<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return bridge().on(event, listener);
}

/** Where a preview image lives: custody:// in the app, the harness's loopback URL in tests. */
export function previewUrl(path: string): string {
  return bridge().previewBase + path;
}

/**
 * Handles for dropped files, from main through the preload (the page never sees a path it could
 * send); null where drops carry no paths (the browser harness). Rejects with a ClientError.
 */
export async function dropFiles(files: readonly File[]): Promise<PathGrant[] | null> {
  const drop = window.custody?.dropFiles;
  if (!drop) return null;
  const result = await drop(files);
  if (!result.ok) throw new ClientError(result.error.code, result.error.message);
  return result.value.files;
}
