// Reading written evidence, end to end against the real core: a threat of violence arrives as a
// plain-text message; the specialist opens it as text (never markup), finds a word, quotes its
// line into a note that keeps the line number, packages the item, and the CLI verifies the packet,
// whose report and notes carry the quoted line.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, PASSPHRASE, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';
import { runCustody } from '../helpers/cli.ts';
import { readZip } from '../helpers/packets.ts';
import { SENTENCE_BY_LANGUAGE } from '../fixtures/written/sentences.ts';
import { allEntries } from '../../electron/core/custody/custody-log.ts';

const THREAT = [
  'To the teacher of class 4B:',
  SENTENCE_BY_LANGUAGE.en,
  SENTENCE_BY_LANGUAGE.ar,
  SENTENCE_BY_LANGUAGE.ru,
  SENTENCE_BY_LANGUAGE.fa,
  '<b>not markup</b> <a href="http://127.0.0.1:9/">a link that is only text</a>',
].join('\n');
/** The line holding the Russian sentence: the one quoted. */
const QUOTED_LINE = 4;

let s: Session;
shootOnFailure(() => s, 'reading');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-reading-'));
  await writeFile(join(dir, 'threat_message.txt'), THREAT);
  s = await openSession('reading', {
    pickEvidence: () => Promise.resolve([join(dir, 'threat_message.txt')]),
    pickPacketTarget: () => Promise.resolve(join(dir, 'packet.zip')),
  });
});
afterAll(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('reading a threat, end to end', () => {
  it('ingests the threat into a new case', async () => {
    const { page } = s;
    await page.getByTestId('create-screen').waitFor();
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('reviewer-name').fill('Lina');
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-vault').click();
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-title-input').fill('Threat against a school');
    await page.getByTestId('case-kind').selectOption('threat-of-violence');
    await page.getByTestId('save-case').click();
    await page.getByTestId('add-evidence').click();
    await page.getByTestId('ingest-summary').waitFor({ timeout: 60_000 });
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(1);
  });

  it('opens it as text: numbered lines, each in its own direction, markup shown as text', async () => {
    const { page } = s;
    await page.getByTestId('ingest-dismiss').click();
    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.getByTestId('text-view').waitFor();
    const lines = page.getByTestId('text-lines').locator('li');
    await eventually(() => lines.count()).toBe(6);
    expect(await lines.locator('p').allTextContents()).toEqual(THREAT.split('\n'));
    expect(await lines.nth(2).locator('p').getAttribute('dir')).toBe('auto');
    // The markup is characters on the page: no element, no link made of it.
    expect(await page.getByTestId('text-view').locator('a, b').count()).toBe(0);
    expect(await page.getByTestId('text-language').textContent()).not.toBe('');
    expect(await page.getByTestId('text-encoding').inputValue()).toBe('UTF-8');
    expect(await s.axe()).toEqual([]);
    await s.shot('text-view');
  });

  it('finds a word with Ctrl+F, marking it in its line', async () => {
    const { page } = s;
    await page.getByTestId('text-lines').focus();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('text-find');
    await page.keyboard.type('НАЙДЁМ');
    await eventually(() => page.getByTestId('text-find-count').textContent()).toBe('1 match');
    const marked = page.getByTestId('text-lines').locator('mark');
    expect(await marked.allTextContents()).toEqual(['найдём']);
    expect(await marked.first().evaluate((m) => m.closest('li')?.getAttribute('data-line'))).toBe(
      String(QUOTED_LINE),
    );
    await s.shot('find');
  });

  it('quotes that line into a note that cites its number', async () => {
    const { page } = s;
    await page.getByTestId('text-lines').locator(`li[data-line="${QUOTED_LINE}"] button`).click();
    expect(await page.getByTestId('text-selection').textContent()).toContain(`Line ${QUOTED_LINE}`);
    await page.getByTestId('text-quote').click();
    const note = `line ${QUOTED_LINE}: “${SENTENCE_BY_LANGUAGE.ru}”`;
    await eventually(() => page.getByTestId('item-notes').textContent()).toContain(note);
    await s.shot('quoted');
  });

  it('packages the item; the CLI verifies it and the packet quotes the line', async () => {
    const { page } = s;
    await page.keyboard.press('Escape');
    await page.getByTestId('evidence-listbox').waitFor();
    await page.keyboard.press('p');
    await page.getByTestId('package-screen').waitFor();
    const fingerprint = await page.getByTestId('key-fingerprint').getAttribute('data-fingerprint');
    await page.getByTestId('packet-agency').fill('Police');
    await page.getByTestId('packet-choose-out').click();
    await eventually(() => page.getByTestId('packet-out').inputValue()).toBe(
      join(dir, 'packet.zip'),
    );
    await page.getByTestId('packet-out').press('Control+Enter');
    await page.getByTestId('packet-result').waitFor({ timeout: 90_000 });
    await s.shot('packaged');
    const run = await runCustody([
      'verify',
      join(dir, 'packet.zip'),
      '--key',
      fingerprint ?? '',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect((run.json as { valid: boolean }).valid).toBe(true);
    const entries = await readZip(join(dir, 'packet.zip'));
    const quoted = `line ${QUOTED_LINE}: “${SENTENCE_BY_LANGUAGE.ru}”`;
    const holding = entries
      .filter((e) => e.data.toString('utf8').includes(quoted))
      .map((e) => e.name);
    // The report (HTML) and the notes beside it both carry the quoted line.
    expect(holding.some((n) => /report/i.test(n))).toBe(true);
  });
});

// A child-safety case: its text opens behind one deliberate step, which the core logs; leaving the
// item closes it again, logged with the seconds it was open. Screens in English and Arabic.
describe('a child-safety case’s text, behind a step', () => {
  let g: Session;
  let gdir: string;
  shootOnFailure(() => g, 'reading-gate');
  const actions = () =>
    allEntries(g.harness.core.vault().db)
      .map((e) => e.action)
      .filter((a) => a.startsWith('item.text-'));

  beforeAll(async () => {
    gdir = await mkdtemp(join(tmpdir(), 'custody-reading-gate-'));
    await writeFile(join(gdir, 'chat_excerpt.txt'), THREAT);
    g = await openSession('reading-gate', {
      pickEvidence: () => Promise.resolve([join(gdir, 'chat_excerpt.txt')]),
    });
  });
  afterAll(async () => {
    await g?.close();
    await rm(gdir, { recursive: true, force: true });
  });

  it('shows the step, not the text, and nothing is logged yet', async () => {
    const { page } = g;
    await page.getByTestId('create-screen').waitFor();
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('reviewer-name').fill('Lina');
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-vault').click();
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-title-input').fill('Grooming reported by a parent');
    await page.getByTestId('case-kind').selectOption('child-safety');
    await page.getByTestId('save-case').click();
    await page.getByTestId('add-evidence').click();
    await page.getByTestId('ingest-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('ingest-dismiss').click();
    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.getByTestId('text-gate').waitFor();
    expect(await page.getByTestId('text-gate').textContent()).toContain(
      'This text is behind a step for child-safety cases.',
    );
    expect(await page.getByTestId('text-lines').count()).toBe(0);
    expect(await page.getByTestId('text-view').textContent()).not.toContain(
      SENTENCE_BY_LANGUAGE.ru,
    );
    expect(actions()).toEqual([]);
    expect(await g.axe()).toEqual([]);
    await g.shot('gate-en');
  });

  it('shows the text after the step, logged; leaving the item closes it, logged', async () => {
    const { page } = g;
    await page.getByTestId('text-reveal').click();
    const lines = page.getByTestId('text-lines').locator('li');
    await eventually(() => lines.count()).toBe(6);
    expect(actions()).toEqual(['item.text-revealed']);
    await g.shot('gate-shown-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('evidence-listbox').waitFor();
    await eventually(actions).toEqual(['item.text-revealed', 'item.text-closed']);
  });

  it('offers the choice per case kind in Settings, and speaks Arabic at the step', async () => {
    const { page } = g;
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('text-gate-section').waitFor();
    expect(await page.getByTestId('setting-textGate-child-safety').inputValue()).toBe('step');
    expect(await page.getByTestId('setting-textGate-threat-of-violence').inputValue()).toBe(
      'shown',
    );
    await page.getByTestId('text-gate-section').scrollIntoViewIfNeeded();
    await g.shot('settings-en');
    await page.getByTestId('setting-language').selectOption('ar');
    await eventually(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('text-gate-section').scrollIntoViewIfNeeded();
    await g.shot('settings-ar');
    await page.keyboard.press('Escape');
    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.getByTestId('text-gate').waitFor();
    expect(await page.getByTestId('text-gate').textContent()).toContain(
      'هذا النص خلف خطوة في قضايا سلامة الأطفال.',
    );
    expect(await g.axe()).toEqual([]);
    await g.shot('gate-ar');
    await page.getByTestId('text-reveal').click();
    await eventually(() => page.getByTestId('text-lines').locator('li').count()).toBe(6);
    await g.shot('gate-shown-ar');
    expect(g.problems).toEqual([]);
  });
});
