// The play step's rules on a real vault with a real voice message and photo: who may play, how
// long a session lasts, and that its seconds land in the custody log as exposure, once per session.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { PlaybackService } from './playback.ts';
import { createCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { entriesFor } from '../custody/custody-log.ts';
import { writeSettings } from '../settings/settings.service.ts';
import type { CustodyCore } from '../core.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';
import { videoFixture } from '../../../tests/helpers/video.ts';
import type { RevealBlock } from '../../../shared/domain/hashlist.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let voice: string;
let photo: string;
let clock = 1_000_000;
const blocked = new Set<string>();
const BLOCK: RevealBlock = {
  kind: 'hash-list',
  matches: [{ listName: 'a list', hashType: 'md5' }],
};
let playback: PlaybackService;
const ended: string[] = [];

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  const c = createCase(core.vault(), { title: 'Voice', kind: 'other' });
  const paths = [await videoFixture('audioM4a'), join(FIXTURES, 'pngsuite', 'basn2c08.png')];
  const results = await startIngest(core.vault(), core.decoder(), c.id, paths, () => {}).finished;
  voice = results[0]?.item?.id ?? '';
  photo = results[1]?.item?.id ?? '';
  expect(results.map((r) => r.item?.kind)).toEqual(['audio', 'image']);
  writeSettings(core.vault(), { reasonPrompt: true, revealSeconds: 20 });
  // The service on the core's own vault, with a clock the test moves.
  playback = new PlaybackService(
    { openVault: () => core.vault(), unlockedAt: () => 0 },
    core.events,
    (_v, itemId) => (blocked.has(itemId) ? BLOCK : null),
    () => clock,
  );
  core.events.on('playback:ended', ({ itemId }) => ended.push(itemId));
}, 300_000);
afterEach(() => {
  playback.stop();
  vi.useRealTimers();
});
afterAll(() => cleanup());

const played = () =>
  entriesFor(core.vault().db, { itemId: voice }).filter((e) => e.action === 'item.played');
const unmuted = () =>
  entriesFor(core.vault().db, { itemId: voice }).filter((e) => e.action === 'item.unmuted');

describe('the play step', () => {
  it('needs a reason, a playable item and no block, and logs nothing when refused', () => {
    expect(() => playback.start(voice)).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
    expect(() => playback.start(photo, 'why')).toThrow(
      expect.objectContaining({ code: 'NOT_REVEALABLE' }),
    );
    blocked.add(voice);
    try {
      expect(() => playback.start(voice, 'why')).toThrow(
        expect.objectContaining({ code: 'REVEAL_BLOCKED' }),
      );
    } finally {
      blocked.delete(voice);
    }
    expect(playback.allows(voice)).toBe(false);
    expect(played()).toEqual([]);
  });

  it('starts muted, and logs one entry per session with the seconds allowed and played', () => {
    const before = played().length;
    expect(playback.start(voice, 'is this the threat?')).toMatchObject({
      itemId: voice,
      muted: true,
    });
    expect(playback.allows(voice)).toBe(true);
    clock += 2_000;
    playback.playing(voice, true);
    clock += 3_000;
    playback.playing(voice, false);
    clock += 1_000;
    playback.playing(voice, true);
    clock += 4_000;
    expect(played().length).toBe(before);
    expect(playback.stop()).toBe(true);
    expect(playback.allows(voice)).toBe(false);
    expect(
      played()
        .slice(before)
        .map((e) => e.details),
    ).toEqual([{ seconds: 10, playedSeconds: 7, unmuted: false, reason: 'is this the threat?' }]);
    expect(ended.at(-1)).toBe(voice);
  });

  it('logs unmuting as a step of its own, once', () => {
    const before = unmuted().length;
    expect(() => playback.unmute(voice)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    playback.start(voice, 'listen');
    clock += 1_500;
    expect(playback.unmute(voice).muted).toBe(false);
    playback.unmute(voice);
    expect(
      unmuted()
        .slice(before)
        .map((e) => e.details),
    ).toEqual([{ afterSeconds: 1.5 }]);
    playback.stop();
    expect(played().at(-1)?.details).toMatchObject({ unmuted: true });
  });

  it('ends by itself after the reveal duration paused, but not while playing', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    playback.start(voice, 'listen');
    playback.playing(voice, true);
    vi.advanceTimersByTime(60_000);
    expect(playback.allows(voice)).toBe(true);
    playback.playing(voice, false);
    vi.advanceTimersByTime(19_999);
    expect(playback.allows(voice)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(playback.allows(voice)).toBe(false);
    expect(ended.at(-1)).toBe(voice);
  });

  it('counts played sessions in the exposure the reviewer sees', () => {
    const before = core.reveal.exposure().sessionSeconds;
    playback.start(voice, 'listen');
    clock += 12_000;
    playback.stop();
    expect(core.reveal.exposure().sessionSeconds).toBeCloseTo(before + 12, 5);
  });
});
