// The grid's "similar" filter against the real core: a case with two groups of reposts (a photo
// mirrored and turned, another shrunk) and a photo like no other. The filter, beside the matched
// one, shows exactly the grouped items, as the core's query decides (the page asks for
// `similar: true`, nothing is filtered on screen); reset brings every item back. English and
// Arabic, at 1280×720.
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import { fixture } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp.ts';
import { openSession, PASSPHRASE, screenshotDir, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';

const TITLE = 'Reposted pictures';
const GROUPED = [
  'Nikon_D5000.jpg',
  'nikon-mirrored.jpg',
  'nikon-turned.jpg',
  'Canon_EOS_D60.jpg',
  'canon-small.jpg',
];
const ALONE = 'Casio_EX-S1.jpg';

let s: Session;
shootOnFailure(() => s, 'similar-filter');
let work: { path: string; cleanup: () => Promise<void> };
/** What the page asked items:list for, in order. */
const asked: unknown[] = [];

beforeAll(async () => {
  work = await tempDir('custody-e2e-similar-');
  const nikon = fixture('exif', 'Nikon_D5000.jpg');
  const canon = fixture('exif', 'Canon_EOS_D60.jpg');
  const made = {
    'nikon-mirrored.jpg': sharp(nikon).flop().jpeg(),
    'nikon-turned.jpg': sharp(nikon).rotate(270).jpeg({ quality: 60 }),
    'canon-small.jpg': sharp(canon).resize(320).jpeg(),
  };
  for (const [name, image] of Object.entries(made)) await image.toFile(join(work.path, name));
  s = await openSession('similar-filter', {
    passphrase: PASSPHRASE,
    before: async (harness) => {
      const vault = harness.core.vault();
      const caseId = createCase(vault, { title: TITLE, kind: 'disinformation' }).id;
      // One at a time, so the grid's acquisition order is the order here.
      for (const f of [
        nikon,
        join(work.path, 'nikon-mirrored.jpg'),
        fixture('exif', ALONE),
        join(work.path, 'nikon-turned.jpg'),
        canon,
        join(work.path, 'canon-small.jpg'),
      ])
        await startIngest(vault, harness.core.decoder(), caseId, [f], () => {}).finished;
    },
  });
  s.page.on('request', (request) => {
    const body = request.postData();
    if (body?.includes('"items:list"')) asked.push(JSON.parse(body));
  });
}, 120_000);

afterAll(async () => {
  await s?.close();
  await work?.cleanup();
});

const tiles = () => s.page.getByTestId('evidence-tile');
const names = () => s.page.getByTestId('tile-name').allTextContents();

describe('the similar filter in the grid', () => {
  it('shows exactly the items that have a near-duplicate in the case, as the core decides', async () => {
    const { page } = s;
    await page.getByText(TITLE).click();
    await eventually(() => tiles().count()).toBe(6);
    const filter = page.getByTestId('filter-flag');
    // Beside the matched filter.
    const options = await filter
      .locator('option')
      .evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
    expect(options.indexOf('similar')).toBe(options.indexOf('hash-match') + 1);
    asked.length = 0;
    await filter.selectOption('similar');
    await eventually(() => tiles().count()).toBe(GROUPED.length);
    expect((await names()).toSorted()).toEqual(GROUPED.toSorted());
    // The core's query did the filtering.
    expect(JSON.stringify(asked)).toContain('"similar":true');
    expect(await s.axe()).toEqual([]);
    await s.shot('similar');
  });

  it('agrees with the groups the item view shows, and resets to every item', async () => {
    const { page } = s;
    const groups = s.harness.core.hashlists.similar(s.harness.core.cases.list()[0]?.id ?? '');
    expect(groups.map((g) => g.itemIds.length).sort()).toEqual([2, 3]);
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await eventually(() => tiles().count()).toBe(6);
    expect(s.problems).toEqual([]);
  });

  it('reads right to left in Arabic', async () => {
    const context = await s.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'ar',
    });
    const page = await context.newPage();
    await page.goto(s.harness.url);
    await page.getByTestId('case-list').waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByText(TITLE).click();
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(6);
    await page.getByTestId('filter-flag').selectOption('similar');
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(GROUPED.length);
    expect(
      await page.getByTestId('filter-flag').locator('option:checked').textContent(),
    ).not.toMatch(/[A-Za-z]/);
    await page.screenshot({
      path: join(screenshotDir, 'similar-filter-ar-grid.png'),
      fullPage: true,
    });
    await context.close();
  });
});
