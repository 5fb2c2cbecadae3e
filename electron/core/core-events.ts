// The core's events are the contract's own (shared/contract/events.ts), names and payloads alike:
// declared here, below the facade, so services can emit them without importing core.ts.
import type { EventName, EventPayload } from '../../shared/contract/index.ts';

export type CoreEvents = { [E in EventName]: [EventPayload<E>] };
