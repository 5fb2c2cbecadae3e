// An animated GIF in the item view: its frames are a veiled contact sheet as a video's keyframes
// are, the first frame on the stage; a chosen frame climbs the reveal ladder alone through the core
// while every other frame stays veiled. In English, then in Arabic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import { writeSettings } from '../../electron/core/settings/settings.service.ts';
import { animatedImage } from '../helpers/animated.ts';
import { tempDir } from '../helpers/temp.ts';
import { openSession, PASSPHRASE, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';

const TITLE = 'Animated evidence';
const REASON = 'to see what the frame shows';
const NAME = 'three.gif';

let s: Session;
let cleanupDir: () => Promise<void> = async () => {};
shootOnFailure(() => s, 'animated');
let gifId = '';

beforeAll(async () => {
  const dir = await tempDir();
  cleanupDir = dir.cleanup;
  const gif = join(dir.path, NAME);
  await writeFile(gif, await animatedImage('gif', [100, 200, 300]));
  s = await openSession('animated', {
    passphrase: PASSPHRASE,
    before: async (harness) => {
      const vault = harness.core.vault();
      const c = createCase(vault, { title: TITLE, kind: 'other' });
      const [result] = await startIngest(vault, harness.core.decoder(), c.id, [gif], () => {})
        .finished;
      gifId = result?.item?.id ?? '';
      writeSettings(vault, { reasonPrompt: true, greyStep: true, revealSeconds: 120 });
    },
  });
});

afterAll(async () => {
  await s?.close();
  await cleanupDir();
});

const image = () => s.page.getByTestId('item-image');
const unveiledInCore = () => s.harness.core.reveal.current();

async function openGif() {
  const { page } = s;
  await page.getByText(TITLE).click();
  await eventually(() => page.getByTestId('evidence-tile').count()).toBe(1);
  await page.getByTestId('evidence-tile').click();
  await page.keyboard.press('Enter');
  await eventually(() => page.getByTestId('item-name').textContent()).toBe(NAME);
}

describe('an animated GIF in the item view', () => {
  it('shows its three frames as a veiled contact sheet', async () => {
    const { page } = s;
    expect(gifId).not.toBe('');
    await openGif();
    await page.getByTestId('contact-sheet').waitFor();
    await eventually(() => page.getByTestId('contact-sheet-pick').count()).toBe(3);
    const sheet = await page
      .getByTestId('contact-sheet-still')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(sheet.every((src) => src.endsWith('/thumb/veiled'))).toBe(true);
    expect(await page.getByTestId('contact-sheet').textContent()).toContain('3 frames');
    expect(await image().getAttribute('data-step')).toBe('veiled');
    await s.shot('gif-veiled');
  });

  it('reveals one chosen frame alone, through the core', async () => {
    const { page } = s;
    await page.locator('[data-testid="contact-sheet-pick"][data-frame="1"]').click();
    await eventually(() => image().getAttribute('data-frame')).toBe('1');
    await page.getByTestId('reveal-next').click();
    await page.getByTestId('reason-dialog').waitFor();
    await page.keyboard.type(REASON);
    await page.keyboard.press('Enter');
    await eventually(() => image().getAttribute('data-step')).toBe('outline');
    expect(unveiledInCore()).toMatchObject({ itemId: gifId, frame: 1, step: 'outline' });
    // Another frame is refused what frame 1 was granted.
    const refused = await page.evaluate(
      async (url) => (await fetch(url)).status,
      (await image().getAttribute('src'))?.replace('/frame/1/', '/frame/2/') ?? '',
    );
    expect(refused).toBe(403);
    await s.shot('gif-frame-outline');
  });

  it('reads the same in Arabic', async () => {
    const { page } = s;
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('setting-language').selectOption('ar');
    await eventually(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.keyboard.press('Escape');
    await page.getByTestId('contact-sheet').waitFor();
    await eventually(() => page.getByTestId('contact-sheet-pick').count()).toBe(3);
    await s.shot('ar-gif');
  });
});
