// Label suggestions in the item view, against the real core: an item labelled US 1 (CAM) shows
// the labels the mapping suggests in the reviewer's schemes, each with its relation, reason and
// condition; nothing is applied until the reviewer takes one, and the log then holds the label,
// the one it came from and the relation. English and Arabic, at 1280×720.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesFor } from '../../electron/core/custody/custody-log.ts';
import { screenshotDir, type Session } from './support.ts';
import { eventually, sessionWithLabelledPhoto, shootOnFailure } from './evidence-support.ts';

const TITLE = 'Suggested labels';
let s: Session;
shootOnFailure(() => s, 'label-suggestions');
let itemId = '';

beforeAll(async () => {
  ({ session: s, itemId } = await sessionWithLabelledPhoto(
    'label-suggestions',
    TITLE,
    'vics-us:1',
  ));
}, 120_000);

afterAll(async () => {
  await s?.close();
});

const suggestions = () => s.page.getByTestId('label-suggestion');

describe('label suggestions in the item view', () => {
  it('shows each suggestion with its relation and condition, and applies none by itself', async () => {
    const { page } = s;
    await page.getByText(TITLE).click();
    await page.getByTestId('evidence-tile').first().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('item-view').waitFor();
    await eventually(() => suggestions().count()).toBe(3);
    expect(
      await suggestions().evaluateAll((li) => li.map((e) => e.getAttribute('data-to'))),
    ).toEqual(['custody:child-safety', 'industry:A1', 'industry:B1']);
    expect(await suggestions().first().textContent()).toContain(
      'Child safety custody:child-safety: broader than CAM vics-us:1',
    );
    expect(await suggestions().nth(1).getByTestId('suggestion-condition').textContent()).toBe(
      'Check first: needs the age band (prepubescent) and a sex act',
    );
    expect(s.harness.core.hashlists.labelsOf(itemId).labels).toEqual(['vics-us:1']);
    await s.shot('item-suggestions');
  });

  it('takes a suggestion with one click, logged with the label it came from and the relation', async () => {
    await suggestions().first().getByTestId('suggestion-confirm').click();
    await eventually(() => suggestions().count()).toBe(2);
    expect(s.harness.core.hashlists.labelsOf(itemId).labels).toEqual([
      'custody:child-safety',
      'vics-us:1',
    ]);
    const labelled = entriesFor(s.harness.core.vault().db, { itemId }).filter(
      (e) => e.action === 'item.labelled',
    );
    expect(labelled.at(-1)?.details).toMatchObject({
      category: 'custody:child-safety',
      mappedFrom: 'vics-us:1',
      relation: 'broader',
    });
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
    await page.getByTestId('evidence-tile').first().click();
    await page.keyboard.press('Enter');
    await eventually(() => page.getByTestId('label-suggestion').count()).toBe(2);
    await page.screenshot({
      path: join(screenshotDir, 'label-suggestions-ar-item.png'),
      fullPage: true,
    });
    await context.close();
  });

  it("numbers the primary scheme's categories when the reviewer works in industry first", async () => {
    s.harness.core.hashlists.setSchemes(['industry', 'custody', 'vics-us']);
    const context = await s.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(s.harness.url);
    await page.getByText(TITLE).click();
    await page.getByTestId('evidence-tile').first().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('item-view').waitFor();
    await page.keyboard.press('2');
    await eventually(() => s.harness.core.hashlists.labelsOf(itemId).labels).toContain(
      'industry:A2',
    );
    await eventually(() => page.getByTestId('item-category').inputValue()).toBe('industry:A2');
    await page.screenshot({
      path: join(screenshotDir, 'label-suggestions-primary-industry.png'),
      fullPage: true,
    });
    await context.close();
  });
});
