// The interface in Arabic and Russian, end to end against the real core, with the OS language set
// and the keyboard sending what those layouts send (code KeyJ, key ت or о): create and unlock,
// ingest, triage and reveal by keyboard, package; axe on every screen, a screenshot of each. Arabic
// mirrors the page and moves forward with ←; the language chosen in Settings applies at once and is
// the lock screen's after a reload.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '../../electron/core/cases/case.service.ts';
import { listItems } from '../../electron/core/items/item.service.ts';
import { openSession, PASSPHRASE, type Session } from './support.ts';
import {
  eventually,
  evidenceFolder,
  shootOnFailure,
  type EvidenceFolder,
} from './evidence-support.ts';
import { pressOn, type Layout } from './language-support.ts';

const TITLE = 'تهديد بالعنف ضد مدرسة';

/** What each language must show, and which arrow means "next" in its reading direction. */
const languages: Record<
  Layout,
  { dir: 'rtl' | 'ltr'; lockTitle: string; added: RegExp; next: string }
> = {
  ar: {
    dir: 'rtl',
    lockTitle: 'Custody مقفل',
    added: /^أُضيفت 8 عناصر، وملف واحد كان في القضية أصلًا\.$/,
    next: 'ArrowLeft',
  },
  ru: {
    dir: 'ltr',
    lockTitle: 'Custody заблокирована',
    added: /^Добавлено 8 материалов, 1 файл уже был в деле\.$/,
    next: 'ArrowRight',
  },
};

for (const language of ['ar', 'ru'] as const) {
  describe(`the interface in ${language}`, () => {
    const want = languages[language];
    let s: Session;
    let folder: EvidenceFolder;
    shootOnFailure(() => s, `lang-${language}`);
    beforeAll(async () => {
      folder = await evidenceFolder();
      s = await openSession(`lang-${language}`, {
        locale: language,
        pickEvidence: () => Promise.resolve(folder.paths),
        pickPacketTarget: () => Promise.resolve(join(folder.dir, `packet-${language}.zip`)),
      });
    });
    afterAll(async () => {
      await s?.close();
      await folder?.remove();
    });
    const press = (code: Parameters<typeof pressOn>[2], mods = {}) =>
      pressOn(s.page, language, code, mods);
    const html = () =>
      s.page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
      }));
    const vault = () => s.harness.core.vault();
    const caseId = () => listCases(vault()).find((c) => c.title === TITLE)?.id ?? '';
    const activeIndex = () =>
      s.page.evaluate(() => {
        const grid = document.querySelector('[role="listbox"]');
        const id = grid?.getAttribute('aria-activedescendant') ?? '';
        return Number(document.getElementById(id)?.getAttribute('aria-posinset') ?? 0) - 1;
      });
    const screen = async (name: string) => {
      expect(await s.axe()).toEqual([]);
      await s.shot(name);
    };

    it('creates the vault in the OS language, mirrored for Arabic, and unlocks', async () => {
      const { page } = s;
      await page.getByTestId('create-screen').waitFor();
      expect(await html()).toEqual({ lang: language, dir: want.dir });
      await screen('create');
      await page.getByTestId('reviewer-name').fill('Lina');
      await page.getByTestId('passphrase').fill(PASSPHRASE);
      await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
      await page.getByTestId('create-vault').click();
      await page.getByTestId('no-cases').waitFor();
      await screen('cases-empty');
      await page.getByTestId('lock').click();
      await page.getByTestId('unlock-screen').waitFor();
      expect(await page.locator('h1').textContent()).toBe(want.lockTitle);
      await screen('unlock');
      await page.getByTestId('passphrase').fill(PASSPHRASE);
      await page.getByTestId('unlock').click();
      await page.getByTestId('no-cases').waitFor();
    });

    it('opens a case with n and ingests with a, as the layout types them', async () => {
      const { page } = s;
      await press('KeyN');
      await page.getByTestId('case-form').waitFor();
      await screen('case-form');
      await page.getByTestId('case-title-input').fill(TITLE);
      await page.getByTestId('case-kind').selectOption('threat-of-violence');
      await page.getByTestId('save-case').click();
      await page.getByTestId('evidence-empty').waitFor();
      await page.locator('#case-title').click();
      await press('KeyA');
      await page.getByTestId('ingest-summary').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('ingest-summary').textContent()).toMatch(want.added);
      await eventually(() => page.getByTestId('evidence-tile').count()).toBe(8);
      await screen('case-ingested');
    });

    it('triages by keyboard: j, the number keys, s then a digit, t', async () => {
      const { page } = s;
      await page.getByTestId('evidence-listbox').focus();
      await press('KeyJ');
      await press('Digit1');
      await press('KeyS');
      await page.getByTestId('severity-hint').waitFor();
      await press('Digit4');
      await eventually(
        () => listItems(vault(), caseId()).items.filter((i) => i.severity === 4).length,
      ).toBe(1);
      const first = listItems(vault(), caseId()).items.find((i) => i.severity === 4);
      expect(first?.category).toBe('child-safety');
      await press('KeyJ');
      await press('KeyT');
      await page.getByTestId('tag-dialog').waitFor();
      await screen('tag-dialog');
      await page.keyboard.type('оружие');
      await page.keyboard.press('Enter');
      await eventually(
        () => listItems(vault(), caseId()).items.filter((i) => i.tags.includes('оружие')).length,
      ).toBe(1);
      await screen('grid-triaged');
    });

    it('moves to the next item with the arrow that points the way the language reads', async () => {
      const { page } = s;
      await page.getByTestId('evidence-listbox').focus();
      await page.keyboard.press('Home');
      await eventually(activeIndex).toBe(0);
      await page.keyboard.press(want.next);
      await eventually(activeIndex).toBe(1);
      await page.keyboard.press(want.next === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft');
      await eventually(activeIndex).toBe(0);
    });

    it('opens an item veiled and reveals its outline with r', async () => {
      const { page } = s;
      await page.keyboard.press('Enter');
      await page.getByTestId('item-view').waitFor();
      const image = page.getByTestId('item-image');
      await eventually(() => image.getAttribute('data-step')).toBe('veiled');
      await screen('item-veiled');
      const outline = page.waitForResponse((r) => r.url().endsWith('/screen/outline'));
      await press('KeyR');
      expect((await outline).status()).toBe(200);
      await eventually(() => image.getAttribute('data-step')).toBe('outline');
      // Hashes stay left to right inside the mirrored page.
      expect(await page.getByTestId('hash-sha256').getAttribute('dir')).toBe('ltr');
      await screen('item-outline');
      await press('KeyV');
      await eventually(() => image.getAttribute('data-step')).toBe('veiled');
    });

    it('lists the shortcuts with the keys as the layout prints them, in order of reading', async () => {
      const { page } = s;
      await page.getByTestId('shortcuts').click();
      await page.getByTestId('shortcuts-overlay').waitFor();
      const next = page.locator('[data-shortcut="nextItem"] kbd');
      expect(await next.allTextContents()).toEqual(['J', want.next === 'ArrowLeft' ? '←' : '→']);
      await screen('shortcuts');
      await page.keyboard.press('Escape');
    });

    it('packages the case with p and shows how the recipient verifies it', async () => {
      const { page } = s;
      await page.keyboard.press('Escape');
      await page.getByTestId('case-detail').waitFor();
      await page.locator('#case-title').click();
      await press('KeyP');
      await page.getByTestId('package-screen').waitFor();
      await screen('package');
      await page.getByTestId('build-packet').click();
      await page.getByTestId('packet-result').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('verify-command').getAttribute('dir')).toBe('ltr');
      await screen('packet-result');
    });

    it('switches language at once in Settings, and the lock screen keeps it after a reload', async () => {
      const { page } = s;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Comma');
      await page.getByTestId('settings').waitFor();
      await screen('settings');
      const other = language === 'ar' ? 'ru' : 'ar';
      await page.getByTestId('setting-language').selectOption(other);
      await eventually(html).toEqual({ lang: other, dir: languages[other].dir });
      await page.getByTestId('lock').click();
      await page.getByTestId('unlock-screen').waitFor();
      await page.reload();
      await page.getByTestId('unlock-screen').waitFor();
      expect(await page.locator('h1').textContent()).toBe(languages[other].lockTitle);
      await page.getByTestId('passphrase').fill(PASSPHRASE);
      await page.getByTestId('unlock').click();
      await page.getByTestId('no-cases').or(page.getByTestId('case-list')).waitFor();
      await page.keyboard.press('Control+Comma');
      await page.getByTestId('setting-language').selectOption('system');
      await eventually(html).toEqual({ lang: language, dir: want.dir });
      expect(s.problems).toEqual([]);
    });
  });
}
