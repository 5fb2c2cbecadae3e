// The core's event emitter is typed from the contract (shared/contract/events.ts): the core emits
// the names and payloads the renderer hears, so nothing between them renames or reshapes events.
import type { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/contract/index.ts';

export type CoreEvents = { [E in EventName]: [EventPayload<E>] };
export type CoreEmitter = EventEmitter<CoreEvents>;
