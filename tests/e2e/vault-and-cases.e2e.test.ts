// The specialist's first night, end to end against the real core: create the vault, lock and
// unlock (a wrong passphrase first), open an Arabic-titled case with Persian and Russian notes,
// find it, edit it, close it, and destroy it. Every screen is checked with axe and photographed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustodyClient } from '../../shared/contract/client.ts';
import { openSession, PASSPHRASE, type Session } from './support.ts';

const TITLE = 'تهديد بالعنف ضد مدرسة في الحي';
const EDITED_TITLE = 'تهديد بالعنف ضد مدرسة الحي الشمالي';
const NOTES_FA = 'کاربر در پیام‌های خود به مدرسه تهدید کرده است.';
const NOTES_RU = 'Пользователь угрожал школе в нескольких сообщениях.';
const ROUTINE_TITLE = 'Harassment reports about a streamer';

let s: Session;

beforeAll(async () => {
  s = await openSession('flow');
});

afterAll(async () => {
  await s?.close();
});

const activeTestId = () =>
  s.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

async function unlock(passphrase: string) {
  await s.page.getByTestId('passphrase').fill(passphrase);
  await s.page.getByTestId('unlock').click();
}

describe('vault and cases, end to end', () => {
  it('creates the vault from the first-run screen', async () => {
    const { page } = s;
    await page.getByTestId('create-screen').waitFor();
    expect(await page.getByText('cannot be recovered').count()).toBe(1);
    expect(await s.axe()).toEqual([]);
    await page.getByTestId('reviewer-name').fill('Alice Night');
    await page.getByTestId('passphrase').fill('short');
    await page.getByTestId('create-vault').click();
    await expect.poll(activeTestId).toBe('passphrase');
    await page.getByTestId('reviewer-name').fill('');
    await s.shot('create-vault-too-short');
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-vault').click();
    // The reviewer's name is asked for: every custody entry carries it.
    await expect.poll(activeTestId).toBe('reviewer-name');
    await page.getByTestId('reviewer-name').fill('Alice Night');
    await s.shot('create-vault');
    await page.getByTestId('create-vault').click();
    await page.getByTestId('no-cases').waitFor();
    expect(await s.harness.core.state()).toBe('unlocked');
    expect(s.harness.core.identity.card().name).toBe('Alice Night');
    expect(await page.getByTestId('vault-state').textContent()).toContain('Unlocked');
    await s.shot('empty-case-list');
  });

  it('locks with the button, and refuses a wrong passphrase calmly', async () => {
    const { page } = s;
    await page.getByTestId('lock').click();
    await page.getByTestId('unlock-screen').waitFor();
    expect(await s.harness.core.state()).toBe('locked');
    expect(await page.getByTestId('lock').count()).toBe(0);
    expect(await s.axe()).toEqual([]);
    await s.shot('unlock-screen');

    await unlock('not the passphrase');
    await page.getByTestId('unlock-error').waitFor();
    expect(await page.getByTestId('unlock-error').textContent()).toContain(
      'did not open the vault',
    );
    expect(await s.harness.core.state()).toBe('locked');
    await expect.poll(activeTestId).toBe('passphrase');
    expect(await s.axe()).toEqual([]);
    await s.shot('unlock-wrong-passphrase');

    await unlock(PASSPHRASE);
    await page.getByTestId('no-cases').waitFor();
  });

  it('locks with Ctrl+L', async () => {
    const { page } = s;
    await page.keyboard.press('Control+L');
    await page.getByTestId('unlock-screen').waitFor();
    expect(await s.harness.core.state()).toBe('locked');
    await unlock(PASSPHRASE);
    await page.getByTestId('no-cases').waitFor();
  });

  it('creates an emergency case with an Arabic title and Persian and Russian notes', async () => {
    const { page } = s;
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-form').waitFor();
    await page.getByTestId('save-case').click();
    expect(await page.getByText('A case needs a title.').count()).toBe(1);
    await expect.poll(activeTestId).toBe('case-title-input');
    await s.shot('case-form-errors');
    await page.getByTestId('case-title-input').fill(TITLE);
    await page.getByTestId('case-kind').selectOption('threat-of-violence');
    await page.getByTestId('case-emergency').check();
    await page.getByTestId('case-languages').fill('ar, fa, ru');
    await page.getByTestId('case-refs').fill('TICKET-4471\n@user_x\nhttps://example.org/p/123');
    await page.getByTestId('case-notes').fill(`${NOTES_FA}\n${NOTES_RU}`);
    expect(await s.axe()).toEqual([]);
    await s.shot('case-form');
    await page.getByTestId('save-case').click();

    await page.getByTestId('case-detail').waitFor();
    const heading = page.getByTestId('case-detail-title');
    expect(await heading.textContent()).toBe(TITLE);
    expect(await heading.getAttribute('dir')).toBe('auto');
    const notes = await page.getByTestId('case-notes-text').textContent();
    expect(notes).toContain(NOTES_FA);
    expect(notes).toContain(NOTES_RU);
    expect(await page.getByText('Arabic, Persian, and Russian').count()).toBe(1);
    expect(await s.axe()).toEqual([]);
    await s.shot('case-detail');
  });

  it('lists it first, as an emergency, with its title isolated for right-to-left', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('case-list').waitFor();
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-title-input').fill(ROUTINE_TITLE);
    await page.getByTestId('case-kind').selectOption('harassment');
    await page.getByTestId('save-case').click();
    await page.getByTestId('case-detail').waitFor();
    await page.getByText('← All cases').click();

    const titles = page.getByTestId('case-title');
    await expect.poll(() => titles.count()).toBe(2);
    // Newer, but not an emergency: it comes second.
    expect(await titles.allTextContents()).toEqual([TITLE, ROUTINE_TITLE]);
    expect(await titles.first().getAttribute('dir')).toBe('auto');
    const first = page.getByTestId('case-row').first();
    expect(await first.textContent()).toContain('Emergency');
    expect(await s.axe()).toEqual([]);
    await s.shot('case-list');
  });

  it('finds the case by a Persian or Russian word from its notes, or by a reference', async () => {
    const { page } = s;
    const titles = page.getByTestId('case-title');
    for (const query of ['پیام‌های', 'угрожал', 'ticket-4471']) {
      await page.getByTestId('case-search').fill(query);
      await expect.poll(() => titles.allTextContents()).toEqual([TITLE]);
    }
    // Typed with Arabic letter forms, found in text written with Persian ones.
    await page.getByTestId('case-search').fill('پيامهاي');
    await expect.poll(() => titles.allTextContents()).toEqual([TITLE]);
    await s.shot('case-search');
    await page.getByTestId('case-search').fill('');
    await expect.poll(() => titles.count()).toBe(2);
  });

  it('edits the case', async () => {
    const { page } = s;
    await page.getByTestId('case-title').first().click();
    await page.getByTestId('edit-case').click();
    await page.getByTestId('case-title-input').fill(EDITED_TITLE);
    await page.getByTestId('save-case').click();
    await page.getByTestId('case-detail').waitFor();
    await expect.poll(() => page.getByTestId('case-detail-title').textContent()).toBe(EDITED_TITLE);
    expect(await page.getByTestId('case-notes-text').textContent()).toContain(NOTES_RU);
  });

  it('closes it: the default list hides it and says so', async () => {
    const { page } = s;
    await page.getByTestId('close-case').click();
    await page.getByTestId('closed-notice').waitFor();
    expect(await page.getByTestId('reopen-case').count()).toBe(1);
    await s.shot('case-closed');
    await page.keyboard.press('Escape');
    await page.getByTestId('hidden-count').waitFor();
    expect(await page.getByTestId('case-title').allTextContents()).toEqual([ROUTINE_TITLE]);
    await s.shot('list-closed-hidden');
    await page.getByTestId('show-all').click();
    expect(await page.getByTestId('filter-status').inputValue()).toBe('all');
    await expect
      .poll(() => page.getByTestId('case-title').allTextContents())
      .toEqual([ROUTINE_TITLE, EDITED_TITLE]);
  });

  it('leaves no case text in the page once locked', async () => {
    const { page } = s;
    await page.getByTestId('lock').click();
    await page.getByTestId('unlock-screen').waitFor();
    const html = await page.content();
    for (const text of [EDITED_TITLE, ROUTINE_TITLE, NOTES_FA, NOTES_RU, 'TICKET-4471']) {
      expect(html).not.toContain(text);
    }
    await unlock(PASSPHRASE);
    await page.getByTestId('case-list').waitFor();
    // Filters were cleared with everything else: the closed case is hidden again.
    expect(await page.getByTestId('case-title').allTextContents()).toEqual([ROUTINE_TITLE]);
  });

  it('destroys the case only after its title is typed', async () => {
    const { page } = s;
    await page.getByTestId('filter-status').selectOption('all');
    await page.getByText(EDITED_TITLE).click();
    await page.getByTestId('destroy-case').click();
    await page.getByTestId('destroy-dialog').waitFor();
    const confirm = page.getByTestId('destroy-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await expect.poll(activeTestId).toBe('destroy-confirm-input');
    expect(await s.axe()).toEqual([]);
    await page.getByTestId('destroy-confirm-input').fill('تهديد');
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('destroy-confirm-input').fill(EDITED_TITLE);
    expect(await confirm.isDisabled()).toBe(false);
    await s.shot('destroy-dialog');
    await confirm.click();

    await page.getByTestId('list-notice').waitFor();
    expect(await page.getByTestId('case-title').allTextContents()).toEqual([ROUTINE_TITLE]);
    const listed = await page.evaluate(async () => {
      const { custody } = window as unknown as { custody: CustodyClient };
      const result = await custody.invoke('cases:list', {});
      return result.ok ? result.value.map((c) => c.title) : null;
    });
    expect(listed).toEqual([ROUTINE_TITLE]);
    await s.shot('after-destroy');
  });

  it('ran without a CSP violation or a script error', () => {
    expect(s.problems).toEqual([]);
  });

  it('runs under the app CSP: an injected inline script is refused', async () => {
    const outcome = await s.page.evaluate(
      () =>
        new Promise<{ ran: boolean; directive: string }>((resolve) => {
          document.addEventListener(
            'securitypolicyviolation',
            (event) =>
              resolve({
                ran: 'injected' in document.body.dataset,
                directive: event.effectiveDirective,
              }),
            { once: true },
          );
          const script = document.createElement('script');
          script.textContent = 'document.body.dataset.injected = "yes"';
          document.head.append(script);
        }),
    );
    expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
  });
});
