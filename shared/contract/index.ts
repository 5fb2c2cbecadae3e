// The single source of truth for IPC: every channel and event, with its schemas. One file per
// channel prefix (`settings:*` in settings.ts, …); a new prefix gets its own file, merged here.
import type { z } from 'zod';
import { vaultChannels } from './vault.ts';
import { caseChannels } from './cases.ts';
import { itemChannels } from './items.ts';
import { ingestChannels } from './ingest.ts';
import { revealChannels } from './reveal.ts';
import { playbackChannels } from './playback.ts';
import { triageChannels } from './triage.ts';
import { noteChannels } from './notes.ts';
import { exposureChannels } from './exposure.ts';
import { settingsChannels } from './settings.ts';
import { packetChannels } from './packets.ts';
import { keyChannels } from './key.ts';
import { custodyChannels } from './custody.ts';
import { searchChannels } from './search.ts';
import { hashlistChannels } from './hashlists.ts';
import { colleagueChannels } from './colleagues.ts';
import { handoffChannels } from './handoff.ts';
import { reportChannels } from './reports.ts';
import { exportChannels } from './exports.ts';
import { vpdqChannels } from './vpdq.ts';

export const channels = {
  ...vaultChannels,
  ...caseChannels,
  ...itemChannels,
  ...ingestChannels,
  ...revealChannels,
  ...playbackChannels,
  ...triageChannels,
  ...noteChannels,
  ...exposureChannels,
  ...settingsChannels,
  ...packetChannels,
  ...keyChannels,
  ...custodyChannels,
  ...searchChannels,
  ...hashlistChannels,
  ...colleagueChannels,
  ...handoffChannels,
  ...reportChannels,
  ...exportChannels,
  ...vpdqChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Request<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequest<C extends ChannelName> = z.output<Channels[C]['request']>;
export type Response<C extends ChannelName> = z.output<Channels[C]['response']>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export { events, type EventName, type EventPayload } from './events.ts';
export type { IpcResult, IpcError } from './define.ts';
