// Core events reach the renderer under their own names: the core emits the contract's events, so
// main forwards each one as it is, checked against its schema before it leaves main. These
// listeners run inside core's emit, core.lock() among its callers, so they never throw: a payload
// its schema refuses is dropped and logged by event name only.
import type { WebContents } from 'electron';
import type { EventEmitter } from 'node:events';
import { IPC_EVENT_PREFIX } from '../../shared/contract/client.ts';
import { events, type EventName, type EventPayload } from '../../shared/contract/index.ts';
import type { CoreEvents } from '../core/events.ts';
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
 * Forwards every contract event the core emits to the window. Returns the unsubscription.
 * Bound before the auto-lock, so 'vault:locked' reaches the page before the lock reloads it.
 */
export function forwardCoreEvents(
  core: { readonly events: EventEmitter<CoreEvents> },
  mainWebContents: () => EventWindow | null,
): () => void {
  const stops = (Object.keys(events) as EventName[]).map((name) => {
    const forward = (payload: EventPayload<typeof name>): void => {
      const contents = mainWebContents();
      if (!contents) return;
      try {
        sendEvent(contents, name, payload);
      } catch (error) {
        log.error('ipc.event-dropped', { event: name, error: errorName(error) });
      }
    };
    const emitter = core.events as EventEmitter<Record<EventName, [EventPayload<EventName>]>>;
    emitter.on(name, forward);
    return () => emitter.off(name, forward);
  });
  return () => {
    for (const stop of stops) stop();
  };
}
