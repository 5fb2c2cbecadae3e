// One handler file per contract file (shared/contract/<prefix>.ts → <prefix>.handler.ts).
import type { Handlers } from '../dispatch.ts';
import { vaultHandlers } from './vault.handler.ts';
import { caseHandlers } from './cases.handler.ts';
import { itemHandlers } from './items.handler.ts';
import { ingestHandlers } from './ingest.handler.ts';
import { revealHandlers } from './reveal.handler.ts';
import { playbackHandlers } from './playback.handler.ts';
import { triageHandlers } from './triage.handler.ts';
import { noteHandlers } from './notes.handler.ts';
import { exposureHandlers } from './exposure.handler.ts';
import { settingsHandlers } from './settings.handler.ts';
import { packetHandlers } from './packets.handler.ts';
import { keyHandlers } from './key.handler.ts';
import { custodyHandlers } from './custody.handler.ts';
import { searchHandlers } from './search.handler.ts';
import { hashlistHandlers } from './hashlists.handler.ts';
import { colleagueHandlers } from './colleagues.handler.ts';
import { handoffHandlers } from './handoff.handler.ts';
import { reportHandlers } from './reports.handler.ts';
import { exportHandlers } from './exports.handler.ts';
import { vpdqHandlers } from './vpdq.handler.ts';

/** Every channel's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...vaultHandlers,
  ...caseHandlers,
  ...itemHandlers,
  ...ingestHandlers,
  ...revealHandlers,
  ...playbackHandlers,
  ...triageHandlers,
  ...noteHandlers,
  ...exposureHandlers,
  ...settingsHandlers,
  ...packetHandlers,
  ...keyHandlers,
  ...custodyHandlers,
  ...searchHandlers,
  ...hashlistHandlers,
  ...colleagueHandlers,
  ...handoffHandlers,
  ...reportHandlers,
  ...exportHandlers,
  ...vpdqHandlers,
};
