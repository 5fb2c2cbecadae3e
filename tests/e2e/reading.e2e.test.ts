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
