// Shift handoff end to end: Alice works in the app (the harness), Bea is a colleague's workstation
// driven through the real CLI. Alice adds Bea from her card file after comparing the fingerprint,
// exports her own card for Bea, sends a case (the sent copy shows the banner and is read-only),
// Bea receives it, works on it and sends it back, and Alice opens the bundle and sees Bea's
// entries as verified history. Screens in English and Arabic.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, PASSPHRASE, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';
import { runCustody } from '../helpers/cli.ts';

let s: Session;
shootOnFailure(() => s, 'handoff');
let dir = '';
let caseId = '';
let beaFingerprint = '';
/** The file the scripted open dialog gives next (Bea's bundle back). */
let toOpen: string | null = null;
const TITLE = 'Night escalation: threats to a streamer';
const bea = (...args: string[]) =>
  runCustody([
    ...args,
    '--vault',
    join(dir, 'bea'),
    '--passphrase-file',
    join(dir, 'pass'),
    '--json',
  ]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-handoff-e2e-'));
  await writeFile(join(dir, 'pass'), 'bea pass phrase');
  expect((await bea('init', '--name', 'Bea Day')).code).toBe(0);
  expect((await bea('key', 'card', '--out', join(dir, 'bea.custody-card'))).code).toBe(0);
  const shown = await bea('key', 'show');
  beaFingerprint = (shown.json as { workstationFingerprint: string }).workstationFingerprint;
  s = await openSession('handoff', {
    pickPacketTarget: (suggested) => Promise.resolve(join(dir, suggested)),
    pickVerifyFile: () => Promise.resolve(toOpen),
  });
}, 180_000);
afterAll(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('shift handoff, end to end', () => {
  it('adds a colleague from their card file, after showing the fingerprint to compare', async () => {
    const { page } = s;
    await page.getByTestId('create-screen').waitFor();
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('reviewer-name').fill('Alice Night');
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-vault').click();
    await page.getByTestId('open-more').click();
    await page.getByTestId('open-colleagues').click();
    await page.getByTestId('colleagues').waitFor();
    await s.shot('colleagues-empty');
    await page.getByTestId('colleague-card-file').setInputFiles(join(dir, 'bea.custody-card'));
    await eventually(() => page.getByTestId('colleague-card-text').inputValue()).toContain(
      'custody-workstation-card/v1',
    );
    await page.getByTestId('check-card').click();
    await page.getByTestId('confirm-colleague').waitFor();
    // The groups the CLI's key show prints on Bea's side, in the same order.
    expect(await page.getByTestId('confirm-fingerprint').locator('span').allTextContents()).toEqual(
      beaFingerprint.split('-'),
    );
    expect(await s.axe()).toEqual([]);
    await s.shot('compare-fingerprint');
    await page.getByTestId('pin-colleague').click();
    await page.getByTestId(`colleague-${beaFingerprint}`).waitFor();
    expect(await page.getByTestId(`colleague-${beaFingerprint}`).textContent()).toContain(
      'Bea Day',
    );
  });

  it("exports this workstation's card, which Bea's CLI pins", async () => {
    const { page } = s;
    await page.getByTestId('export-card').click();
    const mine = (await page.getByTestId('my-fingerprint').locator('span').allTextContents()).join(
      '-',
    );
    const file = join(dir, `${mine}.custody-card`);
    await eventually(() =>
      readFile(file, 'utf8').then(
        (t) => t.startsWith('custody-workstation-card/v1'),
        () => false,
      ),
    ).toBe(true);
    const added = await bea('colleague', 'add', file);
    expect(added.code, added.stderr).toBe(0);
    expect(added.json).toMatchObject({ name: 'Alice Night', fingerprint: mine });
    await s.shot('colleagues');
  }, 120_000);

  it('sends a case: the sent copy shows the banner and cannot be edited', async () => {
    const { page } = s;
    await page.getByTestId('colleagues').locator('.back-link').click();
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-title-input').fill(TITLE);
    await page.getByTestId('case-kind').selectOption('threat-of-violence');
    await page.getByTestId('save-case').click();
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('send-to-colleague').click();
    await page.getByTestId('send-to').selectOption(beaFingerprint);
    await s.shot('send-dialog');
    await page.getByTestId('send-confirm').click();
    await page.getByTestId('handoff-banner').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('handoff-banner').textContent()).toContain('With Bea Day since');
    expect(await page.getByTestId('edit-case').isDisabled()).toBe(true);
    // Nothing can be added to a case that is with a colleague: no Add evidence.
    expect(await page.getByTestId('add-evidence').count()).toBe(0);
    expect(await s.axe()).toEqual([]);
    await s.shot('sent-banner');
  });

  it("receives Bea's return by Open bundle, with her entries as verified history", async () => {
    const { page } = s;
    const listed = s.harness.core.cases.list();
    caseId = listed[0]!.id;
    expect(listed).toHaveLength(1);
    const sent = (await readdir(dir)).find((f) => f.endsWith('.custody-handoff'));
    expect(sent).toBeDefined();
    const got = await bea('case', 'receive', join(dir, sent!));
    expect(got.code, got.stderr).toBe(0);
    expect((await bea('case', 'set', caseId, '--incident-at', '2026-12-01T22:40:00Z')).code).toBe(
      0,
    );
    toOpen = join(dir, 'back.custody-handoff');
    const back = await bea('case', 'send', caseId, '--to', 'Alice Night', '--out', toOpen);
    expect(back.code, back.stderr).toBe(0);

    await page.getByTestId('open-more').click();
    await page.getByTestId('open-colleagues').click();
    await page.getByTestId('open-bundle').click();
    await page.getByTestId('received-history').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('handoff-banner').count()).toBe(0);
    expect(await page.getByTestId('edit-case').isDisabled()).toBe(false);
    const entries = page.getByTestId('received-entry');
    expect(await entries.count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('entry-unverified').count()).toBe(0);
    expect(await page.getByTestId('entry-verified').count()).toBe(await entries.count());
    expect(await page.getByTestId('received-history').textContent()).toContain('case.received');
    expect(await s.axe()).toEqual([]);
    await s.shot('received-history');
  }, 300_000);

  it('shows the same screens in Arabic, mirrored', async () => {
    const { page } = s;
    await page.getByTestId('open-settings').click();
    await page.getByTestId('setting-language').selectOption('ar');
    await eventually(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByTestId('settings').locator('.back-link').first().click();
    await page.getByTestId('received-history').waitFor();
    await s.shot('received-history-ar');
    await page.getByTestId('open-more').click();
    await page.getByTestId('open-colleagues').click();
    await page.getByTestId('colleagues').waitFor();
    expect(await page.getByTestId('my-fingerprint').getAttribute('dir')).toBe('ltr');
    await s.shot('colleagues-ar');
    expect(s.problems).toEqual([]);
  });
});
