// The case grid for written evidence, end to end against the real core: one search box over the
// whole case (Arabic found across Persian letter forms, Cyrillic in any case, and only in its own
// case), a hit opening its item at the line; an e-mail's attachments under it or flat; the
// language filter; the timeline and GPS list. Screens in English and Arabic.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, PASSPHRASE, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';
import { SENTENCES, emlWithAttachments } from '../fixtures/written/index.ts';

const THREAT = [
  'To the teacher of class 4B:',
  SENTENCES.english,
  SENTENCES.farsi,
  'Signed, nobody',
].join('\n');
/** The line of threat_message.txt holding the Persian sentence. */
const FARSI_LINE = 3;
/** «پیدا» of the Persian sentence, typed with the Arabic yeh (ي) a reviewer's keyboard gives. */
const ARABIC_FORM_QUERY = 'پيدا';

let s: Session;
shootOnFailure(() => s, 'grid-written');
let dir: string;
let picked: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-grid-written-'));
  await writeFile(join(dir, 'threat_message.txt'), THREAT);
  await writeFile(join(dir, 'threat.eml'), emlWithAttachments().bytes);
  await writeFile(join(dir, 'russian_post.txt'), `${SENTENCES.russian2}\n`);
  s = await openSession('grid-written', { pickEvidence: () => Promise.resolve(picked) });
  await s.page.setViewportSize({ width: 1280, height: 720 });
});
afterAll(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

async function newCaseWith(title: string, files: string[]): Promise<void> {
  const { page } = s;
  picked = files.map((f) => join(dir, f));
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-title-input').fill(title);
  await page.getByTestId('case-kind').selectOption('threat-of-violence');
  await page.getByTestId('save-case').click();
  await page.getByTestId('add-evidence').click();
  await page.getByTestId('ingest-summary').waitFor({ timeout: 60_000 });
  await page.getByTestId('ingest-dismiss').click();
}

const tileNames = () => s.page.getByTestId('tile-name').allTextContents();

describe('the case grid for written evidence', () => {
  it('ingests a threat and an e-mail with two attachments into a case', async () => {
    const { page } = s;
    await page.getByTestId('create-screen').waitFor();
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('reviewer-name').fill('Lina');
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-vault').click();
    await newCaseWith('Threat against a school', ['threat_message.txt', 'threat.eml']);
    // The attachments sit under their e-mail: two tiles, the e-mail saying what it holds.
    await eventually(tileNames).toEqual(['threat_message.txt', 'threat.eml']);
    const email = page.getByTestId('evidence-tile').filter({ hasText: 'threat.eml' });
    expect(await email.getByTestId('tile-children').textContent()).toBe('2 files inside');
    expect(await s.axe()).toEqual([]);
    await s.shot('grid-nested');
  });

  it('shows the files inside the e-mail, then every file flat', async () => {
    const { page } = s;
    await page.getByTestId('tile-children').click();
    await page.getByTestId('parent-bar').waitFor();
    await eventually(async () => (await tileNames()).sort()).toEqual(['note.txt', 'photo.png']);
    await s.shot('inside-email');
    await page.keyboard.press('Escape');
    await eventually(tileNames).toEqual(['threat_message.txt', 'threat.eml']);
    await page.getByTestId('grid-flat').check();
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(4);
  });

  it('filters by a language detected in the case', async () => {
    const { page } = s;
    const options = await page.getByTestId('filter-language').locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Any language', 'Persian']));
    await page.getByTestId('filter-language').selectOption('fa');
    await eventually(tileNames).toContain('note.txt');
    const names = await tileNames();
    expect(names).not.toContain('threat.eml');
    expect(names.length).toBeLessThan(4);
    await s.shot('language-filter');
    await page.getByTestId('filter-language').selectOption('');
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(4);
  });

  it('searches the case: the Persian word found with the Arabic letter form, marked in its line', async () => {
    const { page } = s;
    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('item-search');
    await page.keyboard.type(ARABIC_FORM_QUERY);
    const hits = page.getByTestId('search-hit');
    await eventually(() => hits.count()).toBeGreaterThan(0);
    const threatHit = hits.filter({ hasText: 'threat_message.txt' });
    expect(await threatHit.getAttribute('data-line')).toBe(String(FARSI_LINE));
    expect(await threatHit.getByTestId('search-hit-line').textContent()).toBe(SENTENCES.farsi);
    expect(await threatHit.getByTestId('search-hit-line').getAttribute('dir')).toBe('auto');
    expect(await threatHit.locator('mark').allTextContents()).toEqual(['پیدا']);
    // The attachment holding the same sentence is a hit too, under its own name.
    expect(await hits.filter({ hasText: 'note.txt' }).count()).toBe(1);
    expect(await s.axe()).toEqual([]);
    await s.shot('search-arabic-forms');
  });

  it('moves through the hits with the keyboard and opens the item at the hit line', async () => {
    const { page } = s;
    const names = await page
      .getByTestId('search-hit')
      .evaluateAll((rows) =>
        rows.map((r) => r.querySelector('.search-hit-item')?.textContent ?? ''),
      );
    const at = names.findIndex((n) => n.includes('threat_message.txt'));
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('search-hits').getAttribute('aria-activedescendant')).toBe(
      `search-hit-${at}`,
    );
    await page.keyboard.press('Enter');
    await page.getByTestId('text-view').waitFor();
    expect(await page.getByTestId('item-name').textContent()).toBe('threat_message.txt');
    const line = page.getByTestId('text-lines').locator(`li[data-line="${FARSI_LINE}"]`);
    await eventually(() => line.getAttribute('class')).toContain('text-line-chosen');
    await s.shot('opened-at-line');
  });

  it('comes back to the results, and Escape returns to the grid', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('search-results').waitFor();
    await page.getByTestId('item-search').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('evidence-listbox').waitFor();
    await eventually(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'evidence-listbox',
    );
    expect(await page.getByTestId('item-search').inputValue()).toBe('');
  });

  it('finds Cyrillic in any case in another case, and only there', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('case-list').waitFor();
    await newCaseWith('Russian posts', ['russian_post.txt']);
    await eventually(tileNames).toEqual(['russian_post.txt']);
    await page.keyboard.press('Control+f');
    await page.keyboard.type('ЖИВЁШЬ');
    const hits = page.getByTestId('search-hit');
    await eventually(() => hits.count()).toBe(1);
    expect(await hits.locator('mark').allTextContents()).toEqual(['живёшь']);
    expect(await hits.getAttribute('data-line')).toBe('1');
    await s.shot('search-cyrillic');
    await page.getByTestId('item-search').fill('найдём');
    // The threat case's e-mail holds «найдём»; this case does not.
    await eventually(() => page.getByTestId('search-count').textContent()).toContain('Nothing');
  });

  it('ran without a CSP violation or a script error', () => {
    expect(s.problems).toEqual([]);
  });
});
