// The text gate in the case's search results and timeline, end to end against the real core: in a
// child-safety case a hit in a message's words and a chat message's timeline entry show a calm
// "behind a step" line and none of the words, which reach the page only after the reveal.
// Screens in English and Arabic.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, PASSPHRASE, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';
import { SENTENCES } from '../fixtures/written/index.ts';
import { whatsappText } from '../fixtures/written/make-chat.ts';

const FILES = ['message.txt', 'chat_export.txt'];

let s: Session;
shootOnFailure(() => s, 'gated-text');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-gated-text-'));
  await writeFile(join(dir, 'message.txt'), `${SENTENCES.russian}\n`);
  await writeFile(join(dir, 'chat_export.txt'), whatsappText());
  s = await openSession('gated-text', {
    pickEvidence: () => Promise.resolve(FILES.map((f) => join(dir, f))),
  });
  await s.page.setViewportSize({ width: 1280, height: 720 });
});
afterAll(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

const pageText = () => s.page.evaluate(() => document.body.innerText);

describe('gated text in search and the timeline', () => {
  it('shows a gated hit without its words', async () => {
    const { page } = s;
    await page.getByTestId('create-screen').waitFor();
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('reviewer-name').fill('Lina');
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-vault').click();
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-title-input').fill('Gated words');
    await page.getByTestId('case-kind').selectOption('child-safety');
    await page.getByTestId('save-case').click();
    await page.getByTestId('add-evidence').click();
    await page.getByTestId('ingest-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('ingest-dismiss').click();
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(2);

    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('/');
    await page.keyboard.type('прямая');
    const hit = page.getByTestId('search-hit').filter({ hasText: 'message.txt' });
    await hit.getByTestId('gated-words').waitFor();
    expect(await hit.getAttribute('data-line')).toBe('1');
    expect(await hit.getByTestId('search-hit-line').count()).toBe(0);
    expect(await pageText()).not.toContain('прямая угроза');
    expect(await s.axe()).toEqual([]);
    await s.shot('gated-search');
  });

  it('shows gated chat messages in the timeline without their words', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('open-timeline').click();
    await page.getByTestId('timeline-entries').waitFor();
    const messages = page.locator('[data-testid="timeline-entry"][data-source="event"]');
    await eventually(() => messages.count()).toBeGreaterThan(2);
    expect(await messages.getByTestId('gated-words').count()).toBe(await messages.count());
    expect(await page.getByTestId('timeline-text').count()).toBe(0);
    expect(await pageText()).not.toContain(SENTENCES.arabic);
    expect(await s.axe()).toEqual([]);
    await s.shot('gated-timeline');
  });

  it('reads the same screens in Arabic', async () => {
    const { page } = s;
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('setting-language').selectOption('ar');
    await eventually(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Settings were opened from the timeline: Escape goes back to it.
    await page.keyboard.press('Escape');
    await page.getByTestId('timeline-entries').waitFor();
    await eventually(() => page.getByTestId('gated-words').count()).toBeGreaterThan(0);
    await s.shot('ar-gated-timeline');
    await page.keyboard.press('Escape');
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(2);
    await page.keyboard.press('/');
    await page.keyboard.type('прямая');
    await eventually(() => page.getByTestId('gated-words').count()).toBeGreaterThan(0);
    expect(await s.axe()).toEqual([]);
    await s.shot('ar-gated-search');
  });

  it('ran without a CSP violation or a script error', () => {
    expect(s.problems).toEqual([]);
  });
});
