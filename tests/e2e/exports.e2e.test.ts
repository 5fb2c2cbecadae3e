// Exports end to end against the real core: the specialist names the reporting organisation in
// Settings, fills a child-safety case's structured fields (a wrong profile URL is refused by name
// first), packages two pictures as a CyberTipline draft and as VICS from the packaging screen,
// records NCMEC's report id on the ledger screen (the draft on disk is rewritten with it), and asks
// the ledger "was this file reported?" by a SHA-1 computed here from the evidence bytes.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, PASSPHRASE, type Session } from './support.ts';
import { eventually, shootOnFailure } from './evidence-support.ts';
import { evidenceImages } from '../helpers/vault.ts';
import { fixture } from '../helpers/fixtures.ts';

let s: Session;
shootOnFailure(() => s, 'exports');
let dir: string;
let evidence: string[];
const ACCOUNT = 'lure_account_77';
const PROFILE = 'https://social.example/u/lure_account_77';
const PAGE_URL = 'https://forum.example/thread/991';
let ncmecReport = '';
/** What the XSD dialog answers: a schema the draft breaks first, then one it meets. */
let xsdChoice = '';
const SHAPE_XSD = fixture('cybertipline', 'draft-shape.xsd');
let vicsReport = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'custody-exports-'));
  evidence = await evidenceImages(join(dir, 'evidence'), 2);
  s = await openSession('exports', {
    pickEvidence: () => Promise.resolve(evidence),
    // The save dialog answers with the name it was opened on, in the test's folder.
    pickPacketTarget: (suggested) => Promise.resolve(join(dir, suggested)),
    pickXsd: () => Promise.resolve(xsdChoice),
  });
});
afterAll(async () => {
  await s?.close();
  await rm(dir, { recursive: true, force: true });
});

const sha1 = async (file: string) =>
  createHash('sha1')
    .update(await readFile(file))
    .digest('hex');

describe('exports, end to end', () => {
  it('names the reporting organisation in Settings', async () => {
    const { page } = s;
    await page.getByTestId('create-screen').waitFor();
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('reviewer-name').fill('Lina');
    await page.getByTestId('passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('create-vault').click();
    await page.getByTestId('new-case').waitFor();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('reporter-section').waitFor();
    await page.getByTestId('reporter-organisation').fill('Example Foundation');
    await page.getByTestId('reporter-contactName').fill('Ada King');
    await page.getByTestId('reporter-email').fill('not an address');
    await page.getByTestId('save-reporter').click();
    await eventually(() => page.getByTestId('reporter-section').textContent()).toContain(
      'Give an e-mail address',
    );
    await page.getByTestId('reporter-email').fill('trust@example.org');
    await page.getByTestId('reporter-legalUrl').fill('https://example.org/legal');
    await page.getByTestId('reporter-email').press('Enter');
    await eventually(() => page.getByTestId('reporter-note').textContent()).toContain('Saved.');
    expect(await s.axe()).toEqual([]);
    await s.shot('reporter');
    await page.locator('.back-link').click();
  });

  it('fills the case’s structured fields, refusing a wrong profile URL by name', async () => {
    const { page } = s;
    await page.getByTestId('new-case').click();
    await page.getByTestId('case-title-input').fill('Grooming on a forum');
    await page.getByTestId('case-kind').selectOption('child-safety');
    await page.getByTestId('case-incidentAt').fill('2026-02-03T04:05:06Z');
    await page.getByTestId('add-incident').click();
    // The new row's first input has the focus: keyboard first.
    await eventually(() =>
      page.evaluate(() => document.activeElement?.getAttribute('name') ?? ''),
    ).toBe('incidents.0.kind');
    await page.getByTestId('case-incidents.0.value').fill(PAGE_URL);
    await page.getByTestId('add-account').click();
    await page.getByTestId('case-reportedAccounts.0.screenName').fill(ACCOUNT);
    await page.getByTestId('case-reportedAccounts.0.profileUrl').fill('social.example/u/x');
    await page.getByTestId('add-ip-0').click();
    await page.getByTestId('case-reportedAccounts.0.ipCaptures.0.ipAddress').fill('192.0.2.7');
    await page.getByTestId('case-reportedAccounts.0.ipCaptures.0.eventName').selectOption('Login');
    await page.getByTestId('save-case').click();
    const url = page.getByTestId('case-reportedAccounts.0.profileUrl');
    await eventually(() => url.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('case-form').textContent()).toContain(
      'Give a full address starting with https://',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'reportedAccounts.0.profileUrl',
    );
    await url.fill(PROFILE);
    expect(await s.axe()).toEqual([]);
    await s.shot('case-form');
    await url.press('Control+Enter');
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('add-evidence').click();
    await page.getByTestId('ingest-summary').waitFor({ timeout: 60_000 });
    await eventually(() => page.getByTestId('evidence-tile').count()).toBe(2);
    await page.getByTestId('ingest-dismiss').click();
  });

  it('writes a CyberTip draft and VICS from the packaging screen', async () => {
    const { page } = s;
    await page.getByTestId('evidence-listbox').focus();
    await page.keyboard.press('p');
    await page.getByTestId('package-screen').waitFor();
    await page.getByTestId('source-case').check();
    // A schema the draft does not meet: refused by name, nothing written.
    xsdChoice = join(dir, 'strict.xsd');
    const shape = await readFile(SHAPE_XSD, 'utf8');
    await writeFile(xsdChoice, shape.replace('name="reporter"', 'name="reporterRenamed"'));
    await page.getByTestId('export-xsd-choose').click();
    await eventually(() => page.getByTestId('export-xsd-name').textContent()).toBe(xsdChoice);
    await page.getByTestId('export-ncmec-run').click();
    await eventually(() => page.getByTestId('export-error-ncmec').textContent()).toContain(
      'report.xml does not validate against',
    );
    expect(await page.getByTestId('export-error-ncmec').textContent()).toContain('strict.xsd');
    expect((await readdir(dir)).filter((f) => f.startsWith('custody-cybertip-'))).toEqual([]);
    xsdChoice = SHAPE_XSD;
    await page.getByTestId('export-xsd-choose').click();
    await eventually(() => page.getByTestId('export-xsd-name').textContent()).toBe(SHAPE_XSD);
    await page.getByTestId('export-ncmec-run').click();
    await page.getByTestId('export-result-ncmec').waitFor({ timeout: 60_000 });
    const draft = (await page.getByTestId('export-out-ncmec').textContent()) ?? '';
    ncmecReport = (await page.getByTestId('export-report-ncmec').textContent()) ?? '';
    expect(draft.startsWith(join(dir, 'custody-cybertip-draft-'))).toBe(true);
    expect(await page.getByTestId('export-items-ncmec').textContent()).toBe('2 items in 3 files');
    const written = (await readdir(draft)).toSorted();
    expect(written.filter((f) => f.startsWith('fileDetails-'))).toHaveLength(2);
    expect(written).toContain('report.xml');
    const report = await readFile(join(draft, 'report.xml'), 'utf8');
    // The case form's fields and the Settings profile, where the draft puts them.
    for (const text of [
      `<screenName>${ACCOUNT}</screenName>`,
      `<profileUrl>${PROFILE}</profileUrl>`,
      `<url>${PAGE_URL}</url>`,
      '<ipAddress>192.0.2.7</ipAddress>',
      '<incidentDateTime>2026-02-03T04:05:06Z</incidentDateTime>',
      'Example Foundation',
    ])
      expect(report).toContain(text);

    await page.getByTestId('vics-version-2.0').check();
    await page.getByTestId('export-vics-run').click();
    await page.getByTestId('export-result-vics').waitFor({ timeout: 60_000 });
    vicsReport = (await page.getByTestId('export-report-vics').textContent()) ?? '';
    const vicsFile = (await page.getByTestId('export-out-vics').textContent()) ?? '';
    const vics = JSON.parse(await readFile(vicsFile, 'utf8')) as { value: { SHA1: string }[] };
    expect(vics.value.map((m) => m.SHA1.toLowerCase()).toSorted()).toEqual(
      (await Promise.all(evidence.map(sha1))).toSorted(),
    );
    expect(await s.axe()).toEqual([]);
    await s.shot('package-exports');
  });

  it('records NCMEC’s report id on the ledger screen and finds a file by SHA-1', async () => {
    const { page } = s;
    await page.getByTestId('open-more').click();
    await page.getByTestId('open-reports').click();
    await page.getByTestId('ledger-screen').waitFor();
    await page.getByTestId(`report-${ncmecReport}`).waitFor();
    await page.getByTestId(`report-${vicsReport}`).waitFor();
    await page.getByTestId(`reference-input-${ncmecReport}`).fill('987654321');
    await page.getByTestId(`record-reference-${ncmecReport}`).click();
    await eventually(() => page.getByTestId(`reference-${ncmecReport}`).textContent()).toBe(
      '987654321',
    );
    // The draft on disk now carries NCMEC's id instead of the placeholder.
    const draft = (await readdir(dir)).find((f) => f.startsWith('custody-cybertip-draft-'));
    const details = (await readdir(join(dir, draft ?? ''))).find((f) =>
      f.startsWith('fileDetails-'),
    );
    expect(await readFile(join(dir, draft ?? '', details ?? ''), 'utf8')).toContain(
      '<reportId>987654321</reportId>',
    );

    const first = await sha1(evidence[0] ?? '');
    await page.getByTestId(`report-files-toggle-${ncmecReport}`).click();
    expect(await page.getByTestId(`report-files-${ncmecReport}`).textContent()).toContain(first);
    await page.getByTestId('find-hash').fill(first.toUpperCase());
    await page.getByTestId('find-hash').press('Enter');
    await page.getByTestId(`find-match-${ncmecReport}`).waitFor();
    expect(await page.getByTestId(`find-match-${ncmecReport}`).textContent()).toContain(
      'reference 987654321',
    );
    await page.getByTestId(`find-match-${vicsReport}`).waitFor();
    await page.getByTestId('find-hash').fill('0'.repeat(40));
    await page.getByTestId('find-hash').press('Enter');
    await eventually(() => page.getByTestId('find-result').textContent()).toBe('Never reported.');
    await page.getByTestId('find-hash').fill(first);
    await page.getByTestId('find-hash').press('Enter');
    await page.getByTestId(`find-match-${ncmecReport}`).waitFor();
    expect(await s.axe()).toEqual([]);
    await s.shot('ledger');
  });

  it('shows the packaging screen, the ledger and the case form in Arabic', async () => {
    const { page } = s;
    // Back from the ledger is the packaging screen it was opened from.
    await page.locator('.ledger-header button').click();
    await page.getByTestId('package-screen').waitFor();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('setting-language').selectOption('ar');
    await eventually(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.locator('.back-link').click();
    await page.getByTestId('package-screen').waitFor();
    await page.getByTestId('export-case-uco-run').click();
    await page.getByTestId('export-result-case-uco').waitFor({ timeout: 60_000 });
    const caseUco = (await page.getByTestId('export-report-case-uco').textContent()) ?? '';
    expect(await s.axe()).toEqual([]);
    await s.shot('package-ar');
    await page.getByTestId('open-more').click();
    await page.getByTestId('open-reports').click();
    await page.getByTestId(`report-${caseUco}`).waitFor();
    await page.getByTestId(`report-files-toggle-${ncmecReport}`).click();
    expect(await s.axe()).toEqual([]);
    await s.shot('ledger-ar');
    await page.locator('.ledger-header button').click();
    await page.getByTestId('package-screen').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('edit-case').click();
    await page.getByTestId('case-form').waitFor();
    expect(await s.axe()).toEqual([]);
    await s.shot('case-form-ar');
    expect(s.problems).toEqual([]);
  });
});
