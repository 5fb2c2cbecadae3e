// Hash lists in the interface, against the real core: with the case's grid already open, import a
// known-illegal MD5 list of 30,000 lines through the hash-lists screen (the harness's scripted file
// dialog picks it; progress shown while it reads, a line-numbered report after) and a PDQ list
// holding a rotated, slightly changed copy of another item's hash. The grid then shows the badges
// and the matched filter; the item view shows list, version, distance and variant with confirm /
// reject; the known-illegal item's reveal is refused on screen and by the preview handler, and
// unveiling it takes the typed override, which the custody log keeps.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { entriesFor } from '../../electron/core/custody/custody-log.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import { getItem } from '../../electron/core/items/item.service.ts';
import { fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';
import { openSession, PASSPHRASE, screenshotDir, type Session } from './support.ts';
import {
  eventually,
  recordPreviews,
  shootOnFailure,
  type PreviewResponse,
} from './evidence-support.ts';

const TITLE = 'Known content';
const FILLER_LINES = 30_000;
const OVERRIDE_REASON = 'Police asked to confirm the series by sight';

let s: Session;
shootOnFailure(() => s, 'hashlists');
let work: { path: string; cleanup: () => Promise<void> };
let previews: PreviewResponse[];
/** What the scripted dialog answers next. */
let picked = '';
let knownId = '';
let nearId = '';
let nearPdqList = '';

/** One hex digit of `hex` changed at each of `positions` (one bit each). */
function flipBits(hex: string, positions: readonly number[]): string {
  const digits = [...hex];
  for (const p of positions) digits[p] = (Number.parseInt(digits[p] ?? '0', 16) ^ 1).toString(16);
  return digits.join('');
}

beforeAll(async () => {
  work = await tempDir('custody-e2e-hashlists-');
  s = await openSession('hashlists', {
    passphrase: PASSPHRASE,
    pickHashList: () => Promise.resolve(picked),
    before: async (harness) => {
      const vault = harness.core.vault();
      const caseId = createCase(vault, { title: TITLE, kind: 'child-safety' }).id;
      // A mirrored repost of the Nikon picture: the two are one similar group.
      const mirrored = join(work.path, 'mirrored-repost.jpg');
      await sharp(fixture('exif', 'Nikon_D5000.jpg')).flop().jpeg().toFile(mirrored);
      // One at a time: files of one batch finish in any order, and the tests rely on the grid
      // showing the known picture first.
      const results = [];
      for (const f of [
        fixture('exif', 'Canon_EOS_D60.jpg'),
        fixture('exif', 'Nikon_D5000.jpg'),
        mirrored,
      ])
        results.push(
          ...(await startIngest(vault, harness.core.decoder(), caseId, [f], () => {}).finished),
        );
      knownId = results[0]?.item?.id ?? '';
      nearId = results[1]?.item?.id ?? '';
      const known = getItem(vault, knownId);
      // 30,000 hashes of nothing in the case, the known one, then a line that is not a hash.
      const filler = Array.from({ length: FILLER_LINES }, (_, i) =>
        createHash('md5').update(`filler ${i}`).digest('hex'),
      );
      await writeFile(
        join(work.path, 'known.md5'),
        `# known\n${filler.join('\n')}\n${known.md5}\nnot-a-hash\n`,
      );
      // The list holds the Nikon's picture turned a quarter, three bits off: a PDQ lead.
      const rotated = getItem(vault, nearId).pdqDihedral?.[1] ?? '';
      nearPdqList = flipBits(rotated, [0, 21, 40]);
      await writeFile(join(work.path, 'near.pdq'), `${nearPdqList}\n`);
    },
  });
  previews = recordPreviews(s.page);
}, 120_000);

afterAll(async () => {
  await s?.close();
  await work?.cleanup();
});

const tiles = () => s.page.getByTestId('evidence-tile');
/** Text as read: an error's values come isolated (FSI … PDI) to keep their own direction. */
const shown = (text: string | null) => text?.replace(/[\u2066-\u2069]/g, '');

async function importList(file: string, name: string, format: string, knownIllegal: boolean) {
  const { page } = s;
  picked = join(work.path, file);
  await page.getByTestId('hashlist-name').fill(name);
  await page.getByTestId('hashlist-format').selectOption(format);
  if (knownIllegal) await page.getByTestId('hashlist-known-illegal').check();
  else await page.getByTestId('hashlist-known-illegal').uncheck();
  await page.getByTestId('hashlist-import').click();
  await eventually(() => page.getByTestId('hashlist-report').textContent()).toContain(name);
}

describe('hash lists in the interface', () => {
  it('imports a known-illegal list with progress and a line-numbered report, the grid open meanwhile', async () => {
    const { page } = s;
    await page.getByText(TITLE).click();
    await eventually(() => tiles().count()).toBe(3);
    expect(await page.getByTestId('badge-hash-match').count()).toBe(0);
    await page.getByTestId('open-more').click();
    await page.getByTestId('open-hashlists').click();
    await page.getByTestId('hashlists-screen').waitFor();
    // Every text the progress notice shows, as the page renders it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="hashlist-importing"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await importList('known.md5', 'Known CSAM (test)', 'auto', true);
    const seen = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(seen.some((t) => /Importing the list… [\d,]+ lines read/.test(t))).toBe(true);
    expect(await page.getByTestId('hashlist-report').textContent()).toContain(
      '30,001 entries, 0 removed, 1 line skipped, 1 new match',
    );
    expect(await page.getByTestId('hashlist-skipped').textContent()).toBe(
      `Line ${FILLER_LINES + 3}: md5 is not hex`,
    );
    expect(await page.getByTestId('hashlist-row').textContent()).toContain('Known illegal');
    expect(await s.axe()).toEqual([]);
    await s.shot('imported');
    await importList('near.pdq', 'Near copies (PDQ)', 'pdq', false);
    expect(await page.getByTestId('hashlist-report').textContent()).toContain(
      '1 entry, 0 removed, no line skipped, 2 new matches',
    );
    expect(s.problems).toEqual([]);
  });

  it('shows the match badges and the matched filter in the grid', async () => {
    const { page } = s;
    await page.getByTestId('hashlists-back').click();
    await eventually(() => page.getByTestId('badge-hash-match').allTextContents()).toEqual(
      expect.arrayContaining(['Known illegal match', 'Hash match']),
    );
    await s.shot('grid-badges');
    await page.getByTestId('filter-flag').selectOption('hash-match');
    await eventually(() => tiles().count()).toBe(3);
    expect(await s.axe()).toEqual([]);
  });

  it('shows a PDQ match with its list, version, distance and variant, and logs its rejection', async () => {
    const { page } = s;
    await tiles().filter({ hasText: 'Nikon_D5000.jpg' }).click();
    await page.keyboard.press('Enter');
    await page.getByTestId('item-view').waitFor();
    const match = page.getByTestId('item-match');
    await eventually(() => match.textContent()).toContain(
      'Near copies (PDQ) v1: pdq, 3 bits apart, as rot90',
    );
    expect(await page.getByTestId('item-blocked').count()).toBe(0);
    await s.shot('item-pdq-match');
    await match.getByRole('button', { name: 'Reject' }).click();
    await eventually(() => match.count()).toBe(0);
    const rejected = entriesFor(s.harness.core.vault().db, { itemId: nearId }).find(
      (e) => e.action === 'match.rejected',
    );
    expect(rejected?.details).toMatchObject({ hashType: 'pdq', distance: 3, variant: 'rot90' });
    // Its mirrored repost is in the same case: one similar group, shown as veiled tiles.
    const similar = page.getByTestId('similar-items');
    await eventually(() => similar.getByTestId('similar-tile').count()).toBe(1);
    expect(await page.getByTestId('similar-distance').textContent()).toMatch(
      /^1 other item, at most (identical|\d+ bits? apart)/,
    );
    expect(await similar.locator('img').getAttribute('src')).toMatch(/\/thumb\/veiled$/);
    await s.shot('item-similar');
    await similar.getByTestId('similar-tile').click();
    await eventually(() => page.locator('#item-title').textContent()).toBe('mirrored-repost.jpg');
    await page
      .getByRole('button', { name: /Back|Evidence of/ })
      .first()
      .click();
    await eventually(() => tiles().count()).toBe(2);
  });

  it('keeps the known-illegal item veiled: the reveal is refused on screen and by the preview handler', async () => {
    const { page } = s;
    await tiles().first().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('item-view').waitFor();
    const match = page.getByTestId('item-match');
    await eventually(() => match.textContent()).toContain('Known CSAM (test) v1: md5, exact');
    await eventually(() => page.getByTestId('item-blocked').textContent()).toContain(
      'Stays veiled: it matches the known-illegal hash list “Known CSAM (test)” (MD5).',
    );
    await page.keyboard.press('r');
    await eventually(async () =>
      shown(await page.getByTestId('item-view').textContent()),
    ).toContain(
      'may not be unveiled: it matches the known-illegal hash list "Known CSAM (test)" (md5)',
    );
    expect(await page.getByTestId('item-image').getAttribute('data-step')).toBe('veiled');
    expect(s.harness.core.reveal.current()).toBeNull();
    await s.shot('item-blocked');
    // Asked straight, the preview handler answers the veiled picture only.
    const base = `${s.harness.origin}/preview/${knownId}/screen`;
    const veiled = await page.request.get(`${base}/veiled`);
    expect(veiled.status()).toBe(200);
    for (const variant of ['outline', 'grey', 'plain']) {
      const response = await page.request.get(`${base}/${variant}`);
      expect(response.status()).toBe(403);
    }
    expect(previews.filter((p) => p.url.includes(knownId)).map((p) => p.variant)).not.toContain(
      'outline',
    );
    await match.getByRole('button', { name: 'Confirm' }).click();
    await eventually(() => match.textContent()).toContain('Confirmed');
  });

  it('unveils it only after the typed reason and the confirmation, logged with the block it overrode', async () => {
    const { page } = s;
    await page.getByTestId('override-open').click();
    await page.getByTestId('override-reason').fill(OVERRIDE_REASON);
    const submit = page.getByTestId('override-form').getByRole('button', { name: /Unveil/ });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('override-confirm').check();
    await submit.click();
    await eventually(() => page.getByTestId('item-image').getAttribute('data-step')).toBe(
      'outline',
    );
    const unveiled = entriesFor(s.harness.core.vault().db, { itemId: knownId }).find(
      (e) => e.action === 'item.unveiled',
    );
    expect(unveiled?.details).toMatchObject({ override: { reason: OVERRIDE_REASON } });
    const outline = `${s.harness.origin}/preview/${knownId}/screen/outline`;
    expect((await page.request.get(outline)).status()).toBe(200);
    await s.shot('item-override');
    await page.keyboard.press('v');
    await eventually(() => page.getByTestId('item-image').getAttribute('data-step')).toBe('veiled');
    // The override lasted for that unveiling only.
    expect((await page.request.get(outline)).status()).toBe(403);
    expect(s.problems).toEqual([]);
  });

  it('reads right to left in Arabic: the screen, the badges and the match details', async () => {
    const context = await s.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'ar',
    });
    const page = await context.newPage();
    const shot = (name: string) =>
      page.screenshot({ path: join(screenshotDir, `hashlists-ar-${name}.png`), fullPage: true });
    await page.goto(s.harness.url);
    await page.getByTestId('case-list').waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByTestId('open-more').click();
    await page.getByTestId('open-hashlists').click();
    await eventually(() => page.getByTestId('hashlist-row').count()).toBe(2);
    await shot('screen');
    await page.getByTestId('hashlists-back').click();
    await page.getByText(TITLE).click();
    await eventually(() => page.getByTestId('badge-hash-match').count()).toBe(2);
    await shot('grid');
    await page.getByTestId('evidence-tile').first().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('item-blocked').waitFor();
    await shot('item');
    await context.close();
  });

  it.each([
    {
      locale: 'en',
      notice: 'Stays veiled: it matches the known-illegal hash list “Known CSAM (test)” (MD5).',
      refused:
        'may not be unveiled: it matches the known-illegal hash list "Known CSAM (test)" (md5)',
    },
    {
      locale: 'ar',
      notice:
        'يبقى محجوبًا: يطابق قائمة تجزئات المحتوى غير القانوني المعروف «Known CSAM (test)» (MD5).',
      refused: 'يطابق قائمة تجزئات المحتوى غير القانوني المعروف «Known CSAM (test)» (md5)',
    },
  ])('says why the item stays veiled in the reviewer’s language ($locale)', async (want) => {
    const context = await s.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: want.locale,
    });
    const page = await context.newPage();
    await page.goto(s.harness.url);
    await page.getByText(TITLE).click();
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(3);
    await page.getByTestId('evidence-tile').first().click();
    await page.keyboard.press('Enter');
    const notice = page.getByTestId('item-blocked');
    await eventually(() => notice.textContent()).toContain(want.notice);
    await page.keyboard.press('r');
    await eventually(async () =>
      shown(await page.getByTestId('item-view').textContent()),
    ).toContain(want.refused);
    expect(await page.getByTestId('item-image').getAttribute('data-step')).toBe('veiled');
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, `hashlists-blocked-${want.locale}.png`) });
    await context.close();
  });
});
