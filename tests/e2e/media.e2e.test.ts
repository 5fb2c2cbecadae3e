// A video in the item view: its storyboard stays veiled, one still at a time climbs the reveal
// ladder through the core (outline, then greyscale) while every other still stays veiled, and
// opening the next item veils it again.
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
/** Every still's preview the page received: its frame, size and variant. */
const stills: { frame: number; size: string; variant: string; status: number }[] = [];

beforeAll(async () => {
  const video = await videoFixture('h264Mp4');
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
        [video, photo],
        () => {},
      ).finished;
      videoId = results[0]?.item?.id ?? '';
      writeSettings(vault, { reasonPrompt: true, greyStep: true, revealSeconds: 120 });
    },
  });
  s.page.on('response', (response: Response) => {
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
const unveiledInCore = () => s.harness.core.reveal.current();

describe('a video in the item view', () => {
  it('opens on a veiled still with the storyboard veiled beside it', async () => {
    const { page } = s;
    expect(videoId).not.toBe('');
    await page.getByText(TITLE).click();
    await page.getByTestId('evidence-tile').first().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('contact-sheet').waitFor();
    await eventually(() => page.getByTestId('contact-sheet-pick').count()).toBe(5);
    expect(await image().getAttribute('data-step')).toBe('veiled');
    expect(await image().getAttribute('data-frame')).toBe('0');
    await s.shot('video-veiled');
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
    await page.keyboard.press('j');
    await eventually(() => page.getByTestId('contact-sheet').count()).toBe(0);
    await eventually(unveiledInCore, 1000).toBeNull();
    expect(await image().getAttribute('data-step')).toBe('veiled');
  });
});
