// Core events the renderer hears, each mapped to its contract event and checked against its schema
// before it leaves main. These listeners run inside core's emit, core.lock() among its callers, so
// they never throw: a payload its schema refuses is dropped and logged by event name only.
import type { WebContents } from 'electron';
import { IPC_EVENT_PREFIX } from '../../shared/contract/client.ts';
import { events, type EventName, type EventPayload } from '../../shared/contract/index.ts';
import type { CoreEvents } from '../core/core.ts';
import type { EventEmitter } from 'node:events';
import { errorName, log } from './log.ts';

/** What an event needs of the window's WebContents. */
export type EventWindow = Pick<WebContents, 'isDestroyed' | 'send'>;

/** Pushes a contract event to the window; the payload is checked against its schema first. */
export function sendEvent<E extends EventName>(
  contents: EventWindow,
  name: E,
  payload: EventPayload<E>,
): void {
  const checked = events[name].parse(payload);
  if (!contents.isDestroyed()) contents.send(`${IPC_EVENT_PREFIX}${name}`, checked);
}

/**
 * Forwards 'locked' as 'vault:locked', 'ingest:progress' as itself, 'veiled' (an item went back
 * to veiled by itself: expiry, focus lost, lock) as 'reveal:veiled', and 'packet:progress'. Returns the unsubscription.
 * Bound before the auto-lock, so 'vault:locked' reaches the page before the lock reloads it.
 */
export function forwardCoreEvents(
  core: { readonly events: EventEmitter<CoreEvents> },
  mainWebContents: () => EventWindow | null,
): () => void {
  const forward = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    const contents = mainWebContents();
    if (!contents) return;
    try {
      sendEvent(contents, name, payload);
    } catch (error) {
      log.error('ipc.event-dropped', { event: name, error: errorName(error) });
    }
  };
  const onLocked = (reason: CoreEvents['locked'][0]): void => forward('vault:locked', { reason });
  const onProgress = (progress: CoreEvents['ingest:progress'][0]): void =>
    forward('ingest:progress', progress);
  const onVeiled = (veiled: CoreEvents['veiled'][0]): void => forward('reveal:veiled', veiled);
  const onPacket = (p: CoreEvents['packet:progress'][0]): void => forward('packet:progress', p);
  core.events.on('locked', onLocked);
  core.events.on('packet:progress', onPacket);
  core.events.on('ingest:progress', onProgress);
  core.events.on('veiled', onVeiled);
  return () => {
    core.events.off('locked', onLocked);
    core.events.off('ingest:progress', onProgress);
    core.events.off('veiled', onVeiled);
    core.events.off('packet:progress', onPacket);
  };
}
