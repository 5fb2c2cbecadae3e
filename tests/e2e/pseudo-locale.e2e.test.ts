// With the OS language set to the pseudo-locale (en-XA), every catalog message renders with its
// letters swapped for look-alikes. Any English from the English catalog still on a screen is text
// that bypassed the catalogs: each screen is walked and scanned (text, aria-label, title,
// placeholder, alt), outside what is the evidence's own (names, hashes, key caps).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, PASSPHRASE, type Session } from './support.ts';
import {
  eventually,
  evidenceFolder,
  shootOnFailure,
  type EvidenceFolder,
} from './evidence-support.ts';
import { englishOnPage } from './language-support.ts';

let s: Session;
let folder: EvidenceFolder;
shootOnFailure(() => s, 'pseudo');

beforeAll(async () => {
  folder = await evidenceFolder();
  s = await openSession('pseudo', {
    locale: 'en-XA',
    pickEvidence: () => Promise.resolve(folder.paths),
    pickPacketTarget: () => Promise.resolve(join(folder.dir, 'packet-pseudo.zip')),
  });
});
afterAll(async () => {
  await s?.close();
  await folder?.remove();
});

/** The screen has no English from the catalog; a screenshot of it is kept. */
async function noEnglish(name: string) {
  expect(await englishOnPage(s.page), name).toEqual([]);
  await s.shot(name);
}

describe('pseudo-locale: no English bypasses the catalogs', () => {
  it('finds English when it is there (the scan itself works)', async () => {
    await s.page.getByTestId('create-screen').waitFor();
    await s.page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'planted';
      p.textContent = 'Create your vault';
      document.body.append(p);
    });
    expect(await englishOnPage(s.page)).toEqual(['Create your vault']);
    await s.page.evaluate(() => document.getElementById('planted')?.remove());
  });

  it('on the first-run and lock screens', async () => {
    const { page } = s;
    await noEnglish('create');
    await page.getByTestId('passphrase').fill('short');
    await page.getByTestId('create-vault').click();
    await noEnglish('create-too-short');
    await page.getByTestId('reviewer-name').fill('Lina');
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-vault').click();
    await page.getByTestId('no-cases').waitFor();
    await noEnglish('cases-empty');
    await page.getByTestId('lock').click();
    await page.getByTestId('unlock-screen').waitFor();
    await page.getByTestId('passphrase').fill('not the passphrase');
    await page.getByTestId('unlock').click();
    await page.getByTestId('unlock-error').waitFor();
    await noEnglish('unlock-wrong');
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock').click();
    await page.getByTestId('no-cases').waitFor();
  });

  it('on the case form, the case and its evidence', async () => {
    const { page } = s;
    await page.getByTestId('new-case').click();
    await page.getByTestId('save-case').click();
    await noEnglish('case-form-errors');
    await page.getByTestId('case-title-input').fill('قضية');
    await page.getByTestId('case-kind').selectOption('harassment');
    await page.getByTestId('case-emergency').check();
    await page.getByTestId('save-case').click();
    await page.getByTestId('evidence-empty').waitFor();
    await noEnglish('case-empty');
    await page.getByTestId('add-evidence').click();
    await page.getByTestId('ingest-summary').waitFor({ timeout: 60_000 });
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(8);
    await noEnglish('case-ingested');
    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('1');
    await page.keyboard.press('Shift+4');
    await page.keyboard.press('t');
    await page.getByTestId('tag-dialog').waitFor();
    await noEnglish('tag-dialog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('x');
    await page.getByTestId('selection-bar').waitFor();
    await noEnglish('grid-selected');
    await page.getByTestId('back-to-list').or(page.locator('.back-link')).first().click();
    await page.getByTestId('case-list').waitFor();
    await noEnglish('case-list');
  });

  it('on the item, unveiled, with its facts and custody history', async () => {
    const { page } = s;
    await page.getByTestId('case-row').first().click();
    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.getByTestId('item-view').waitFor();
    await noEnglish('item-veiled');
    await page.keyboard.press('r');
    await eventually(() => page.getByTestId('item-image').getAttribute('data-step')).toBe(
      'outline',
    );
    await noEnglish('item-outline');
    await page.keyboard.press('v');
  });

  it('on the shortcuts, the settings and the package screens', async () => {
    const { page } = s;
    await page.getByTestId('shortcuts').click();
    await page.getByTestId('shortcuts-overlay').waitFor();
    await noEnglish('shortcuts');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('settings').waitFor();
    await page.getByTestId('run-vault-check').click();
    await page.getByTestId('vault-check-result').waitFor({ timeout: 60_000 });
    await noEnglish('settings');
    await page.keyboard.press('Escape');
    await page.getByTestId('item-view').or(page.getByTestId('case-detail')).first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('package').click();
    await page.getByTestId('package-screen').waitFor();
    await noEnglish('package');
    await page.getByTestId('build-packet').click();
    await page.getByTestId('packet-result').waitFor({ timeout: 60_000 });
    await noEnglish('packet-result');
    expect(s.problems).toEqual([]);
  });
});
