// Every screen at 1280×720 in Arabic and Farsi, shot for a person to look at (test-results/e2e/),
// and checked on the way: the page never scrolls sideways and the top bar never overflows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openSession, PASSPHRASE, type Session } from './support.ts';
import {
  CHAT,
  eventually,
  evidenceFolder,
  shootOnFailure,
  type EvidenceFolder,
} from './evidence-support.ts';

for (const language of ['ar', 'fa'] as const) {
  describe(`every screen in ${language} at 1280×720`, () => {
    let s: Session;
    let folder: EvidenceFolder;
    shootOnFailure(() => s, `rtl-${language}`);
    beforeAll(async () => {
      folder = await evidenceFolder();
      s = await openSession(`rtl-${language}`, {
        locale: language,
        pickEvidence: () => Promise.resolve(folder.paths),
        pickPacketTarget: () => Promise.resolve(join(folder.dir, `packet-${language}.zip`)),
      });
      await s.page.setViewportSize({ width: 1280, height: 720 });
    });
    afterAll(async () => {
      await s?.close();
      await folder?.remove();
    });

    /** Shoots the screen, after checking nothing pushes the page or the bar past the width. */
    const screen = async (name: string) => {
      const widths = await s.page.evaluate(() => {
        const bar = document.querySelector('header.topbar');
        return {
          page: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
          bar: bar === null || bar.scrollWidth <= bar.clientWidth,
        };
      });
      expect({ name, ...widths }).toEqual({ name, page: true, bar: true });
      await s.shot(name);
    };
    const openFromMore = async (testId: string, screenId: string) => {
      await s.page.getByTestId('open-more').click();
      await s.page.getByTestId(testId).click();
      await s.page.getByTestId(screenId).waitFor();
    };

    it('shows first run, the case list, the lock screen', async () => {
      const { page } = s;
      await page.getByTestId('create-screen').waitFor();
      await screen('first-run');
      await page.getByTestId('reviewer-name').fill('لينا');
      await page.getByTestId('passphrase').fill(PASSPHRASE);
      await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
      await page.getByTestId('create-vault').click();
      await page.getByTestId('no-cases').waitFor();
      await screen('case-list-empty');
      await page.getByTestId('lock').click();
      await page.getByTestId('unlock-screen').waitFor();
      await screen('unlock');
      await page.getByTestId('passphrase').fill(PASSPHRASE);
      await page.getByTestId('unlock').click();
      await page.getByTestId('no-cases').waitFor();
    });

    it('shows the case form, the case with its grid, an item, the reading view', async () => {
      const { page } = s;
      await page.keyboard.press('n');
      await page.getByTestId('case-form').waitFor();
      await page.getByTestId('case-title-input').fill('تهديد بالعنف: حساب مجهول');
      await screen('case-form');
      await page.getByTestId('case-kind').selectOption('threat-of-violence');
      await page.getByTestId('save-case').click();
      await page.getByTestId('evidence-empty').waitFor();
      await page.getByTestId('add-evidence').click();
      await page.getByTestId('ingest-summary').waitFor({ timeout: 60_000 });
      await eventually(() => page.getByTestId('evidence-tile').count()).toBe(8);
      await screen('case-grid');
      // The search field's text stops short of the "/" hint at its inline end.
      const hintClear = await page.getByTestId('item-search').evaluate((input) => {
        const hint = input.parentElement?.querySelector('.search-key')?.getBoundingClientRect();
        const box = input.getBoundingClientRect();
        if (!hint) return 'no hint';
        const depth =
          document.documentElement.dir === 'rtl' ? hint.right - box.left : box.right - hint.left;
        return parseFloat(getComputedStyle(input).paddingInlineEnd) >= depth;
      });
      expect(hintClear).toBe(true);
      await page.getByTestId('evidence-listbox').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('item-view').waitFor();
      await screen('item');
      await page.keyboard.press('Escape');
      await page.getByTestId('evidence-tile').filter({ hasText: CHAT }).click();
      await page.keyboard.press('Enter');
      await page.getByTestId('text-view').waitFor();
      await screen('reading');
      await page.keyboard.press('Escape');
      await page.getByTestId('case-detail').waitFor();
    });

    it('shows the timeline and packaging', async () => {
      const { page } = s;
      await page.getByTestId('open-timeline').click();
      await page.getByTestId('timeline').waitFor();
      await screen('timeline');
      await page.keyboard.press('Escape');
      await page.getByTestId('case-detail').waitFor();
      await page.locator('#case-title').click();
      await page.keyboard.press('p');
      await page.getByTestId('package-screen').waitFor();
      await screen('package');
    });

    it('shows settings, hash lists, the ledger, colleagues, and the More menu', async () => {
      const { page } = s;
      await page.getByTestId('open-settings').click();
      await page.getByTestId('settings').waitFor();
      await screen('settings');
      await openFromMore('open-hashlists', 'hashlists-screen');
      await screen('hash-lists');
      await openFromMore('open-reports', 'ledger-screen');
      await screen('ledger');
      await openFromMore('open-colleagues', 'colleagues');
      await screen('colleagues');
      await page.getByTestId('open-more').click();
      await screen('more-menu');
      expect(s.problems).toEqual([]);
    });
  });
}
