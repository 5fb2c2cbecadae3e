// A video in the item view: its storyboard stays veiled, one still at a time climbs the reveal
// ladder through the core (outline, then greyscale) while every other still stays veiled, and
// opening the next item veils it again. Playback is a further deliberate step: the stream is
// refused before it, served by Range after it, muted, greyscale and blurred until toggled, sound
// on only as a logged step, and shut again when the window loses focus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import { entriesFor } from '../../electron/core/custody/custody-log.ts';
import { writeSettings } from '../../electron/core/settings/settings.service.ts';
import { videoFixture } from '../helpers/video.ts';
import { openSession, PASSPHRASE, repoRoot, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';

const TITLE = 'Видео: проверка';
const REASON = 'to see whether the still shows a weapon';

let s: Session;
shootOnFailure(() => s, 'media');
let videoId = '';
let webmId = '';
/** Every still's preview the page received: its frame, size and variant. */
const stills: { frame: number; size: string; variant: string; status: number }[] = [];
/** Every answer of the media stream the page received. */
const streamed: { status: number; range: string }[] = [];

beforeAll(async () => {
  const video = await videoFixture('h264Mp4');
  const webm = await videoFixture('vp9Webm');
  s = await openSession('media', {
    passphrase: PASSPHRASE,
    before: async (harness) => {
      const vault = harness.core.vault();
      const c = createCase(vault, { title: TITLE, kind: 'terrorism' });
      const photo = join(repoRoot, 'tests', 'fixtures', 'exif', 'Nikon_D5000.jpg');
      const results = await startIngest(
        vault,
        harness.core.decoder(),
        c.id,
        [video, photo, webm],
        () => {},
      ).finished;
      expect(results.map((r) => r.item?.kind)).toEqual(['video', 'image', 'video']);
      videoId = results[0]?.item?.id ?? '';
      webmId = results[2]?.item?.id ?? '';
      writeSettings(vault, { reasonPrompt: true, greyStep: true, revealSeconds: 120 });
    },
  });
  s.page.on('response', (response: Response) => {
    if (response.url().endsWith('/stream'))
      streamed.push({
        status: response.status(),
        range: response.headers()['content-range'] ?? '',
      });
    const m = /\/preview\/[^/]+\/frame\/(\d+)\/(thumb|screen)\/([a-z]+)/.exec(response.url());
    if (m)
      stills.push({
        frame: Number(m[1]),
        size: m[2] ?? '',
        variant: m[3] ?? '',
        status: response.status(),
      });
  });
});

afterAll(async () => {
  await s?.close();
});

const image = () => s.page.getByTestId('item-image');

/** Opens an item from the case's grid by its file name (ingest order is not the grid's). */
async function openItem(name: string) {
  const { page } = s;
  await eventually(() => page.getByTestId('evidence-tile').count()).toBe(3);
  await page.getByTestId('evidence-tile').filter({ hasText: name }).click();
  await page.keyboard.press('Enter');
  await eventually(() => page.getByTestId('item-name').textContent()).toBe(name);
}
const unveiledInCore = () => s.harness.core.reveal.current();

describe('a video in the item view', () => {
  it('opens on a veiled still with the storyboard veiled beside it', async () => {
    const { page } = s;
    expect(videoId).not.toBe('');
    await page.getByText(TITLE).click();
    await openItem('h264.mp4');
    await page.getByTestId('contact-sheet').waitFor();
    await eventually(() => page.getByTestId('contact-sheet-pick').count()).toBe(5);
    expect(await image().getAttribute('data-step')).toBe('veiled');
    expect(await image().getAttribute('data-frame')).toBe('0');
    // The harness hashes nothing in the background unless asked: the pass waits.
    expect(await page.getByTestId('item-vpdq').getAttribute('data-state')).toBe('waiting');
    await s.shot('video-veiled');
  });

  it('follows the frames a second as they are hashed, to the end', async () => {
    const { page } = s;
    await s.harness.core.vpdq.hashNow(videoId);
    const line = page.getByTestId('item-vpdq');
    await eventually(() => line.getAttribute('data-state')).toBe('done');
    expect(await line.textContent()).toContain('10 of 10 s read, 10 hashed');
    await eventually(() => page.getByTestId('custody-history').textContent()).toContain(
      'One frame a second hashed: 10 frames over 10 s',
    );
    await line.scrollIntoViewIfNeeded();
    await s.shot('video-vpdq-done');
  });

  it('unveils one chosen still, to outline then greyscale, through the core', async () => {
    const { page } = s;
    await page.locator('[data-testid="contact-sheet-pick"][data-frame="2"]').click();
    await eventually(() => image().getAttribute('data-frame')).toBe('2');
    await page.getByTestId('reveal-next').click();
    await page.getByTestId('reason-dialog').waitFor();
    await page.keyboard.type(REASON);
    await page.keyboard.press('Enter');
    await eventually(() => image().getAttribute('data-step')).toBe('outline');
    expect(unveiledInCore()).toMatchObject({ itemId: videoId, frame: 2, step: 'outline' });
    await page.getByTestId('reveal-next').click();
    await eventually(() => image().getAttribute('data-step')).toBe('grey');
    expect(unveiledInCore()).toMatchObject({ itemId: videoId, frame: 2, step: 'grey' });
    const logged = entriesFor(s.harness.core.vault().db, { itemId: videoId }).filter(
      (e) => e.action === 'item.unveiled',
    );
    expect(logged.map((e) => e.details)).toMatchObject([
      { step: 'outline', frame: 2, reason: REASON },
      { step: 'grey', frame: 2 },
    ]);
    await eventually(() =>
      stills.some((p) => p.frame === 2 && p.variant === 'grey' && p.status === 200),
    ).toBe(true);
    await s.shot('video-still-grey');
  });

  it('keeps every other still veiled, on the sheet and on the stage', async () => {
    const { page } = s;
    const sheet = await page
      .getByTestId('contact-sheet-still')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(sheet.every((src) => src.endsWith('/thumb/veiled'))).toBe(true);
    expect(stills.filter((p) => p.variant !== 'veiled' && p.frame !== 2)).toEqual([]);
    // Another still comes onto the stage veiled, and the core veils the one before.
    await page.locator('[data-testid="contact-sheet-pick"][data-frame="3"]').click();
    await eventually(() => image().getAttribute('data-frame')).toBe('3');
    expect(await image().getAttribute('data-step')).toBe('veiled');
    await eventually(unveiledInCore).toBeNull();
    // The core serves no unveiled still to a page that was never granted it.
    const refused = await page.evaluate(
      async (url) => (await fetch(url)).status,
      (await image().getAttribute('src'))?.replace(/\/veiled$/, '/outline') ?? '',
    );
    expect(refused).toBe(403);
  });

  it('veils the still again when the next item opens', async () => {
    const { page } = s;
    await page.getByTestId('reveal-next').click();
    await page.getByTestId('reason-dialog').waitFor();
    await page.keyboard.type(REASON);
    await page.keyboard.press('Enter');
    await eventually(() => image().getAttribute('data-step')).toBe('outline');
    expect(unveiledInCore()).toMatchObject({ frame: 3 });
    // The next item in the grid's order, or the one before when the video is last.
    const last = /^Item 3 of 3$/.test(
      (await page.getByTestId('item-position').textContent()) ?? '',
    );
    await page.keyboard.press(last ? 'k' : 'j');
    await eventually(() => page.getByTestId('item-name').textContent()).not.toBe('h264.mp4');
    await eventually(unveiledInCore, 1000).toBeNull();
    expect(await image().getAttribute('data-step')).toBe('veiled');
  });
});

/** The stream's status as the page's own fetch gets it. */
const streamStatus = (itemId: string) =>
  s.page.evaluate(
    async (id) =>
      (await fetch(`/preview/${id}/stream`, { headers: { Range: 'bytes=0-99' } })).status,
    itemId,
  );
const player = () => s.page.getByTestId('media-player');
const played = () =>
  entriesFor(s.harness.core.vault().db, { itemId: webmId }).filter(
    (e) => e.action === 'item.played',
  );

describe('playing a video behind the reveal', () => {
  it('refuses the stream before the play step', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await openItem('vp9.webm');
    await page.getByTestId('play-start').waitFor();
    expect(await player().count()).toBe(0);
    expect(await streamStatus(webmId)).toBe(403);
    expect(s.harness.core.playback.current()).toBeNull();
    await s.shot('video-before-play');
  });

  it('plays muted, greyscale and blurred after the step, streamed by Range', async () => {
    const { page } = s;
    await page.getByTestId('play-start').click();
    await page.getByTestId('reason-dialog').waitFor();
    await page.keyboard.type(REASON);
    await page.keyboard.press('Enter');
    await player().waitFor();
    // Playing, as the element's own events say: currentTime moves on.
    const state = await player().evaluate(
      (v: HTMLVideoElement) =>
        new Promise<{ readyState: number; time: number; muted: boolean; filter: string }>(
          (done) => {
            const check = () => {
              if (v.currentTime > 0.3)
                done({
                  readyState: v.readyState,
                  time: v.currentTime,
                  muted: v.muted,
                  filter: v.style.filter,
                });
            };
            v.addEventListener('timeupdate', check);
            check();
          },
        ),
    );
    expect(state.readyState).toBeGreaterThanOrEqual(2);
    expect(state.muted).toBe(true);
    expect(state.filter).toBe('grayscale(1) blur(18px)');
    expect(streamed.some((r) => r.status === 206 && r.range.startsWith('bytes 0-'))).toBe(true);
    expect(s.harness.core.playback.current()).toMatchObject({ itemId: webmId, muted: true });
    await s.shot('video-playing');
  });

  it('toggles greyscale and blur while playing, and turns the sound on only as a logged step', async () => {
    const { page } = s;
    await page.getByTestId('play-blur').uncheck();
    expect(await player().evaluate((v: HTMLVideoElement) => v.style.filter)).toBe('grayscale(1)');
    await page.getByTestId('play-grey').uncheck();
    expect(await player().evaluate((v: HTMLVideoElement) => v.style.filter)).toBe('none');
    await page.getByTestId('play-grey').check();
    // The element's own controls cannot unmute behind the core's back.
    await player().evaluate((v: HTMLVideoElement) => {
      v.muted = false;
    });
    await eventually(() => player().evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    await page.getByTestId('play-unmute').click();
    await eventually(() => player().evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);
    expect(
      entriesFor(s.harness.core.vault().db, { itemId: webmId }).filter(
        (e) => e.action === 'item.unmuted',
      ),
    ).toHaveLength(1);
  });

  it('stops, veils and logs the seconds when the window loses focus; the stream is refused again', async () => {
    const { page } = s;
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await eventually(() => player().count(), 1000).toBe(0);
    await eventually(() => s.harness.core.playback.current(), 1000).toBeNull();
    expect(await streamStatus(webmId)).toBe(403);
    const [entry] = played();
    expect(entry?.details).toMatchObject({ unmuted: true, reason: REASON });
    expect(Number(entry?.details['seconds'])).toBeGreaterThan(0);
    await eventually(() => page.getByTestId('custody-history').textContent()).toContain(
      'with sound',
    );
  });
});

describe('playback in Arabic', () => {
  let ar: Session | undefined;
  afterAll(async () => {
    await ar?.close();
  });

  it('offers the play step and plays muted, mirrored, in Arabic', async () => {
    const webm = await videoFixture('vp9Webm');
    let itemId = '';
    ar = await openSession('media-ar', {
      passphrase: PASSPHRASE,
      locale: 'ar',
      before: async (harness) => {
        const vault = harness.core.vault();
        const c = createCase(vault, { title: TITLE, kind: 'terrorism' });
        const [done] = await startIngest(vault, harness.core.decoder(), c.id, [webm], () => {})
          .finished;
        itemId = done?.item?.id ?? '';
      },
    });
    const { page } = ar;
    await page.getByText(TITLE).click();
    await page.getByTestId('evidence-tile').first().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('play-start').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await ar.harness.core.vpdq.hashNow(itemId);
    const line = page.getByTestId('item-vpdq');
    await eventually(() => line.getAttribute('data-state')).toBe('done');
    await line.scrollIntoViewIfNeeded();
    await ar.shot('video-vpdq-done');
    await page.getByTestId('play-start').scrollIntoViewIfNeeded();
    await ar.shot('video-before-play');
    await page.getByTestId('play-start').click();
    await page.getByTestId('media-player').waitFor();
    await page
      .getByTestId('media-player')
      .evaluate(
        (v: HTMLVideoElement) =>
          new Promise<void>((done) =>
            v.readyState >= 2 ? done() : v.addEventListener('loadeddata', () => done()),
          ),
      );
    expect(await page.getByTestId('media-player').evaluate((v: HTMLVideoElement) => v.muted)).toBe(
      true,
    );
    await ar.shot('video-playing');
  });
});
