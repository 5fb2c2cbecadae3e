// At 1280×720 what a tired reviewer needs is on screen without scrolling: the vault's Create
// button, the ingest progress, the reveal ladder and its countdown; the shortcut list opens at its
// title. At 1920×1080 the grid uses the width. A revealed image zooms and pans by keys.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { openSession, PASSPHRASE, repoRoot, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';

const TITLE = 'تهديد بالعنف: حساب مجهول';
let s: Session;
shootOnFailure(() => s, 'layout');
let dir = '';
const picked: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-e2e-layout-'));
  const sources = ['Canon_EOS_D60.jpg', 'Nikon_D5000.jpg', 'HTC_Desire.jpg', 'Apple_iPhone_4.jpg'];
  for (let i = 0; i < 24; i++) {
    const name = `صورة-${String(i).padStart(2, '0')}.jpg`;
    await copyFile(
      join(repoRoot, 'tests', 'fixtures', 'exif', sources[i % 4] ?? ''),
      join(dir, name),
    );
    picked.push(join(dir, name));
  }
  s = await openSession('layout', { pickEvidence: () => Promise.resolve(picked) });
  await s.page.setViewportSize({ width: 1280, height: 720 });
});

afterAll(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Whether the element is wholly inside the viewport without scrolling the page. */
async function aboveFold(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const scrolled = await s.page.evaluate(() => window.scrollY);
  const height = s.page.viewportSize()?.height ?? 0;
  return box !== null && scrolled === 0 && box.y >= 0 && box.y + box.height <= height;
}

describe('layout at 1280×720', () => {
  it('shows the Create button of a new vault without scrolling', async () => {
    const { page } = s;
    await page.getByTestId('create-screen').waitFor();
    expect(await aboveFold(page.getByTestId('create-vault'))).toBe(true);
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('reviewer-name').fill('Alice Night');
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    expect(await aboveFold(page.getByTestId('create-vault'))).toBe(true);
    await s.shot('create-vault');
    await page.getByTestId('create-vault').click();
    await page.getByTestId('no-cases').waitFor();
  });

  it('fits the top bar in the width in each of the four languages', async () => {
    const { page } = s;
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('settings').waitFor();
    const topbar = page.locator('header.topbar');
    for (const language of ['en', 'ar', 'fa', 'ru']) {
      await page.getByTestId('setting-language').selectOption(language);
      await eventually(() => page.locator('html').getAttribute('lang')).toBe(language);
      const width = await topbar.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
      }));
      expect({ language, fits: width.scroll <= width.client, ...width }).toEqual({
        language,
        fits: true,
        ...width,
      });
      await page.getByTestId('open-more').click();
      await page.getByTestId('more-menu').waitFor();
      await s.shot(`topbar-more-${language}`);
      await page.keyboard.press('Escape');
      await eventually(() => page.getByTestId('more-menu').count()).toBe(0);
    }
    await page.getByTestId('setting-language').selectOption('system');
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('.back-link').click();
    await page.getByTestId('no-cases').waitFor();
  });

  it('opens the shortcut list at its top, title in view', async () => {
    const { page } = s;
    await page.keyboard.press('?');
    const overlay = page.getByTestId('shortcuts-overlay');
    await overlay.waitFor();
    expect(await overlay.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await aboveFold(overlay.getByRole('heading', { name: 'Keyboard shortcuts' }))).toBe(
      true,
    );
    await s.shot('shortcuts');
    await page.keyboard.press('Escape');
    await eventually(() => overlay.count()).toBe(0);
  });

  it('shows the ingest progress without scrolling', async () => {
    const { page } = s;
    createCase(s.harness.core.vault(), { title: TITLE, kind: 'threat-of-violence' });
    await page.reload();
    await page.getByText(TITLE).click();
    await page.getByTestId('evidence-empty').waitFor();
    await page.getByTestId('add-evidence').click();
    const panel = page.getByTestId('ingest-panel');
    await panel.waitFor();
    expect(await aboveFold(panel)).toBe(true);
    await s.shot('ingest');
    await page.getByTestId('ingest-summary').waitFor({ timeout: 120_000 });
    expect(await aboveFold(page.getByTestId('ingest-summary'))).toBe(true);
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(4);
    await s.shot('grid');
  });

  it('shows the reveal ladder and its countdown without scrolling', async () => {
    const { page } = s;
    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('item-view').waitFor();
    expect(await aboveFold(page.getByTestId('reveal-stepper'))).toBe(true);
    await page.keyboard.press('r');
    await eventually(() => page.getByTestId('item-image').getAttribute('data-step')).toBe(
      'outline',
    );
    expect(await aboveFold(page.getByTestId('reveal-countdown'))).toBe(true);
    expect(await aboveFold(page.getByTestId('reveal-veil'))).toBe(true);
    await s.shot('item-outline');
  });

  it('zooms and pans the unveiled image with + - 0 and the arrows', async () => {
    const { page } = s;
    const image = page.getByTestId('item-image');
    const name = await page.getByTestId('item-name').textContent();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await eventually(() => image.getAttribute('data-zoom')).toBe('2');
    const before = await image.evaluate((el) => getComputedStyle(el).transform);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await eventually(() => image.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
    // While zoomed the arrows pan: the item stays the same.
    expect(await page.getByTestId('item-name').textContent()).toBe(name);
    await s.shot('item-zoomed');
    await page.keyboard.press('-');
    await eventually(() => image.getAttribute('data-zoom')).toBe('1.5');
    await page.keyboard.press('0');
    await eventually(() => image.getAttribute('data-zoom')).toBe('1');
    await page.keyboard.press('+');
    await eventually(() => image.getAttribute('data-zoom')).toBe('1.5');
    await page.keyboard.press('v');
    await eventually(() => image.getAttribute('data-zoom')).toBe('1');
    expect(await page.getByTestId('zoom-bar').count()).toBe(0);
  });
});

describe('layout at 1920×1080', () => {
  it('uses the extra width for the grid and the image', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.keyboard.press('Escape');
    const grid = page.getByTestId('evidence-listbox');
    await grid.waitFor();
    const box = await grid.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(1400);
    await s.shot('grid-1920');
    await grid.focus();
    await page.keyboard.press('Enter');
    const figure = page.locator('.item-figure');
    await figure.waitFor();
    expect((await figure.boundingBox())?.width ?? 0).toBeGreaterThan(1000);
    await s.shot('item-1920');
  });

  it('ran without a CSP violation or a script error', () => {
    expect(s.problems).toEqual([]);
  });
});
