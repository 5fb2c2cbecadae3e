import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_PREFIX } from '../../shared/contract/client.ts';
import type { IngestProgress } from '../../shared/domain/item.ts';
import { defaultSettings } from '../../shared/domain/settings.ts';
import { events, type EventName } from '../../shared/contract/index.ts';
import type { CoreEvents } from '../core/events.ts';
import { forwardCoreEvents, type EventWindow } from './core-events.ts';

const ITEM = 'i_abcdefghijklmnop';

function fakeWindow() {
  const sent: [string, unknown][] = [];
  let destroyed = false;
  const contents: EventWindow = {
    isDestroyed: () => destroyed,
    send: (channel: string, ...args: unknown[]) => {
      sent.push([channel, args[0]]);
    },
  };
  return { contents, sent, destroy: () => (destroyed = true) };
}

describe('forwardCoreEvents', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends each core event to the window under its own contract name', () => {
    const core = { events: new EventEmitter<CoreEvents>() };
    const win = fakeWindow();
    forwardCoreEvents(core, () => win.contents);
    const progress: IngestProgress = {
      ingestId: 'run-1',
      caseId: 'c_abcdefghijklmnop',
      done: 1,
      total: 3,
      current: null,
      ingested: 1,
      duplicates: 0,
      failures: [],
      finished: false,
      cancelled: false,
    };
    core.events.emit('vault:locked', { reason: 'idle' });
    core.events.emit('ingest:progress', progress);
    core.events.emit('reveal:veiled', { itemId: ITEM, highest: 'outline', durationMs: 12_500 });
    core.events.emit('settings:changed', defaultSettings);
    expect(win.sent).toEqual([
      [`${IPC_EVENT_PREFIX}vault:locked`, { reason: 'idle' }],
      [`${IPC_EVENT_PREFIX}ingest:progress`, progress],
      [
        `${IPC_EVENT_PREFIX}reveal:veiled`,
        { itemId: ITEM, highest: 'outline', durationMs: 12_500 },
      ],
      [`${IPC_EVENT_PREFIX}settings:changed`, defaultSettings],
    ]);
  });

  it('drops a payload its schema refuses without throwing into the core (a lock goes on)', () => {
    vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const core = { events: new EventEmitter<CoreEvents>() };
    const win = fakeWindow();
    forwardCoreEvents(core, () => win.contents);
    expect(() =>
      core.events.emit('reveal:veiled', {
        itemId: '../etc/passwd',
        highest: 'plain',
        durationMs: 1,
      }),
    ).not.toThrow();
    expect(win.sent).toEqual([]);
  });

  it('sends nothing without a live window, and nothing once unsubscribed', () => {
    const core = { events: new EventEmitter<CoreEvents>() };
    const win = fakeWindow();
    let current: EventWindow | null = null;
    const stop = forwardCoreEvents(core, () => current);
    core.events.emit('vault:locked', { reason: 'user' });
    current = win.contents;
    win.destroy();
    core.events.emit('vault:locked', { reason: 'user' });
    expect(win.sent).toEqual([]);
    const live = fakeWindow();
    current = live.contents;
    stop();
    core.events.emit('reveal:veiled', { itemId: ITEM, highest: 'grey', durationMs: 5 });
    core.events.emit('vault:locked', { reason: 'system' });
    expect(live.sent).toEqual([]);
    for (const name of Object.keys(events) as EventName[])
      expect(core.events.listenerCount(name)).toBe(0);
  });
});
