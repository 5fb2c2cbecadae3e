// Keyboard only: a night shift without the mouse. Moving through the list, opening, editing,
// dialogs that trap and return focus, the shortcut overlay, and a lock pushed by main (idle).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { openSession, PASSPHRASE, type Session } from './support.ts';

const EMERGENCY = 'Угроза стрельбы в колледже';
const OLDER = 'Doxxing of a journalist';
const NEWER = 'گزارش آزار و اذیت در انجمن';

let s: Session;

beforeAll(async () => {
  s = await openSession('keyboard', {
    passphrase: PASSPHRASE,
    before: (harness) => {
      const vault = harness.core.vault();
      createCase(vault, { title: EMERGENCY, kind: 'threat-of-violence', emergency: true });
      createCase(vault, { title: OLDER, kind: 'doxxing', externalRefs: ['@target_account'] });
      createCase(vault, { title: NEWER, kind: 'harassment', languages: ['fa'] });
    },
  });
  await s.page.getByTestId('case-list').waitFor();
});

afterAll(async () => {
  await s?.close();
});

const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    return {
      testId: el?.getAttribute('data-testid') ?? null,
      text: el?.textContent ?? '',
      inDialog: el?.closest('dialog') !== null && el?.closest('dialog') !== undefined,
    };
  });

describe('keyboard only', () => {
  it('moves through the list with j and k, emergencies first, and opens with Enter', async () => {
    const { page } = s;
    const titles = await page.getByTestId('case-title').allTextContents();
    expect(titles).toEqual([EMERGENCY, NEWER, OLDER]);
    await page.keyboard.press('j');
    expect((await focused()).text).toContain(EMERGENCY);
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toContain(OLDER);
    await page.keyboard.press('k');
    expect((await focused()).text).toContain(NEWER);
    await s.shot('list-selection');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('case-detail-title').textContent()).toBe(NEWER);
  });

  it('goes back with Escape to the same row', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('case-list').waitFor();
    await expect.poll(async () => (await focused()).text).toContain(NEWER);
  });

  it('searches with /, and ArrowDown leaves the search for the results', async () => {
    const { page } = s;
    await page.keyboard.press('/');
    expect((await focused()).testId).toBe('case-search');
    await page.keyboard.type('target_account');
    await expect.poll(() => page.getByTestId('case-title').allTextContents()).toEqual([OLDER]);
    await page.keyboard.press('ArrowDown');
    expect((await focused()).text).toContain(OLDER);
    await page.keyboard.press('/');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('case-title').count()).toBe(3);
  });

  it('creates and edits a case without the mouse', async () => {
    const { page } = s;
    // The search is empty: Escape leaves it for the list, where n means "new case".
    await page.keyboard.press('Escape');
    expect((await focused()).testId).toBe('case-row');
    await page.keyboard.press('n');
    await page.getByTestId('case-form').waitFor();
    expect((await focused()).testId).toBe('case-title-input');
    await page.keyboard.type('Self-harm livestream report');
    await page.keyboard.press('Tab');
    expect((await focused()).testId).toBe('case-kind');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('case-detail-title').textContent()).toBe(
      'Self-harm livestream report',
    );

    await page.keyboard.press('e');
    await page.getByTestId('case-form').waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(' (second stream)');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('case-detail').waitFor();
    await expect
      .poll(() => page.getByTestId('case-detail-title').textContent())
      .toBe('Self-harm livestream report (second stream)');
  });

  it('asks before Escape throws away typed text, with focus on keeping it', async () => {
    const { page } = s;
    await page.keyboard.press('e');
    await page.getByTestId('case-form').waitFor();
    await page.keyboard.type(' draft');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-dialog').waitFor();
    expect((await focused()).text).toBe('Keep editing');
    await s.shot('discard-dialog');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('discard-dialog').count()).toBe(0);
    expect(await page.getByTestId('case-title-input').inputValue()).toContain('draft');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-dialog').waitFor();
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).text).toBe('Discard changes');
    await page.keyboard.press('Enter');
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('case-detail-title').textContent()).not.toContain('draft');
  });

  it('traps focus in the destroy dialog, closes it with Escape and returns focus', async () => {
    const { page } = s;
    // The page opens with focus on the case title; the actions follow it.
    for (const step of ['edit-case', 'close-case', 'destroy-case']) {
      await page.keyboard.press('Tab');
      expect((await focused()).testId).toBe(step);
    }
    await page.keyboard.press('Enter');
    await page.getByTestId('destroy-dialog').waitFor();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect((await focused()).inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('destroy-dialog').count()).toBe(0);
    expect((await focused()).testId).toBe('destroy-case');
  });

  it('lists every shortcut on ?, and Escape closes the list', async () => {
    const { page } = s;
    await page.keyboard.press('?');
    const overlay = page.getByTestId('shortcuts-overlay');
    await overlay.waitFor();
    const text = await overlay.textContent();
    for (const label of [
      'Lock the vault now',
      'Next case',
      'Search cases',
      'New case',
      'Save the case',
    ]) {
      expect(text).toContain(label);
    }
    expect(await s.axe()).toEqual([]);
    await s.shot('shortcuts');
    // Page shortcuts rest while a dialog is open.
    await page.keyboard.press('e');
    expect(await page.getByTestId('case-form').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);
    expect((await focused()).testId).toBe('destroy-case');
  });

  it('shows only the lock screen, with the reason, when main locks for idleness', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('case-list').waitFor();
    s.harness.lock('idle');
    await page.getByTestId('unlock-screen').waitFor();
    expect(await page.getByText('after a period without activity').count()).toBe(1);
    const html = await page.content();
    for (const title of [EMERGENCY, OLDER, NEWER, 'Self-harm livestream']) {
      expect(html).not.toContain(title);
    }
    expect((await focused()).testId).toBe('passphrase');
    await s.shot('locked-idle');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByTestId('case-list').waitFor();
    expect(await page.getByTestId('case-title').count()).toBe(4);
  });

  it('ran without a CSP violation or a script error', () => {
    expect(s.problems).toEqual([]);
  });
});
